import { DateScalar } from '@safeguarding/subgraph-runtime';
import type { Resolvers } from '../generated/graphql';
import { agendaCandidateResolvers } from './agenda-candidates';
import { courseResolvers } from './course';
import { learningCoverageResolvers } from './learning-coverage';
import { mutationResolvers } from './mutation';
import { partnershipResolvers } from './partnership';
import { partnershipComparisonResolvers } from './partnership-comparison';
import { queryResolvers } from './query';

export const resolvers: Resolvers = {
  Date: DateScalar,
  // Query fields come from two files; merged so neither replaces the other.
  Query: { ...queryResolvers.Query, ...learningCoverageResolvers.Query },
  ...mutationResolvers,
  ...partnershipResolvers,
  ...courseResolvers,
  LearningCoverage: learningCoverageResolvers.LearningCoverage,
  ThemeCoverage: learningCoverageResolvers.ThemeCoverage,
  PartnershipComparison: partnershipComparisonResolvers.PartnershipComparison,
  AgendaCandidates: agendaCandidateResolvers.AgendaCandidates,
};
