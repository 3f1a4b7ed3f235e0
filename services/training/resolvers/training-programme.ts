import { todayInEngland } from '@safeguarding/subgraph-runtime';
import type { Resolvers } from '../generated/graphql';
import { partnershipSessionsIn, programmeCourses, programmeImpactSummary, programmeIsSynthetic } from '../operations/programme';

export const trainingProgrammeResolvers: Resolvers = {
  TrainingProgramme: {
    partnership: (programme) => ({ id: programme.partnershipId }),
    year: (programme) => programme.financialYear.year,
    label: (programme) => programme.financialYear.label,
    from: (programme) => programme.financialYear.from,
    to: (programme) => programme.financialYear.to,
    sessions: ({ partnershipId, financialYear }, _args, { loaders }) => partnershipSessionsIn(partnershipId, financialYear, loaders),
    courses: ({ partnershipId, financialYear }, _args, { loaders }) => programmeCourses(partnershipId, financialYear, loaders),
    impactSummary: ({ partnershipId, financialYear }, _args, { loaders }) => programmeImpactSummary(partnershipId, financialYear, todayInEngland(), loaders),
    synthetic: ({ partnershipId, financialYear }, _args, { loaders }) => programmeIsSynthetic(partnershipId, financialYear, loaders),
  },
};
