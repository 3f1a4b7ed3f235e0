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
        contextType: '../context#ReviewsContext',
        enumsAsTypes: true,
        mappers: {
          Review: '../entities#ReviewEntity',
          ReviewKind: '../entities#ReviewKindEntity',
          ReviewClock: '../entities#ReviewClockEntity',
          Theme: '../entities#ThemeEntity',
          LearningPoint: '../entities#LearningPointEntity',
          ActionPlanAction: '../entities#ActionPlanActionEntity',
          ActionPlan: '../models#ReviewPart',
          LearningBriefing: '../models#ReviewPart',
          Partnership: '../models#PartnershipReference',
          Organisation: '../models#OrganisationReference',
          RepeatedTheme: '../rules/repeated-themes#RepeatedThemeCount',
          PartnershipThemeCount: '../rules/repeated-themes#PartnershipThemeCount as PartnershipThemeCountModel',
          ReviewKindTimeliness: '../models#ReviewKindTimelinessModel',
          PartnershipComparison: '@safeguarding/federated-keys#ComparisonKey',
          AgendaCandidates: '@safeguarding/federated-keys#AgendaCandidatesKey',
          SourceCitation: '@safeguarding/seed-types#SourceCitation as SourceCitationSeed',
        },
      },
    },
  },
};
export default config;
