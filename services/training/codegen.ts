import type { CodegenConfig } from '@graphql-codegen/cli';

/** Resolver types generated from schema.graphql, so the SDL stays the one source of truth. */
const config: CodegenConfig = {
  schema: 'schema.graphql',
  generates: {
    'generated/graphql.ts': {
      plugins: ['typescript', 'typescript-resolvers'],
      config: {
        federation: true,
        useIndexSignature: true,
        contextType: '../context#TrainingContext',
        scalars: { Date: 'string' },
        enumsAsTypes: true,
        mappers: {
          Course: '../entities#CourseEntity',
          TrainingSession: '../entities#TrainingSessionEntity',
          TrainingBooking: '../entities#TrainingBookingEntity',
          ImpactEvidence: '../entities#ImpactEvidenceEntity',
          Partnership: '../resolvers/references#PartnershipReference',
          Theme: '../resolvers/references#ThemeReference',
          Organisation: '../resolvers/references#OrganisationReference',
          TrainingProgramme: '../resolvers/references#TrainingProgrammeParent',
          TrainingReach: '../rules/training-reach#TrainingReachFigures',
          AgencyReach: '../rules/training-reach#AgencyReachFigures',
          LearningCoverage: '../resolvers/references#LearningCoverageParent',
          ThemeCoverage: '../rules/learning-coverage#ThemeCoverageFigures',
          SourceCitation: '@safeguarding/seed-types#SourceCitation as SourceCitationSeed',
          PartnershipComparison: '@safeguarding/federated-keys#ComparisonKey',
          AgendaCandidates: '../resolvers/agenda-candidates#AgendaCandidatesParent',
        },
      },
    },
  },
};
export default config;
