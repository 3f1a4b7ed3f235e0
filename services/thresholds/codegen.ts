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
        contextType: '../context#ThresholdsContext',
        scalars: { Date: 'string' },
        enumsAsTypes: true,
        mappers: {
          Partnership: '../resolvers/shapes#PartnershipReference',
          ThresholdModel: '../entities#ThresholdModelEntity',
          ThresholdLevel: '../entities#ThresholdLevelEntity',
          ThresholdIndicator: '../entities#ThresholdIndicatorEntity',
          RegionalLevel: '../entities#RegionalLevelEntity',
          CrosswalkMapping: '../entities#CrosswalkMappingEntity',
          FrontDoor: '../entities#FrontDoor as FrontDoorShape',
          IndicatorSearchResult: '../resolvers/shapes#IndicatorSearchResultShape',
          ThresholdComparisonRow: '../resolvers/shapes#ComparisonRowShape',
          ThresholdComparisonEntry: '../resolvers/shapes#ComparisonEntryShape',
          LevelTranslation: '../resolvers/shapes#LevelTranslationShape',
          EquivalentLevel: '../resolvers/shapes#EquivalentLevelShape',
          SourceCitation: '@safeguarding/seed-types#SourceCitation as SourceCitationSeed',
          PartnershipComparison: '@safeguarding/federated-keys#ComparisonKey',
        },
      },
    },
  },
};
export default config;
