import { subgraphCodegenConfig } from '@safeguarding/codegen-preset';

/** Resolver types generated from schema/ (the SDL, one file per area), so the SDL stays the one source of truth. */
export default subgraphCodegenConfig({
  contextType: '../context#ThresholdsContext',
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
    PartnershipComparison: '@safeguarding/federated-keys#ComparisonKey',
  },
});
