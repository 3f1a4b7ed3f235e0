import { subgraphCodegenConfig } from '@safeguarding/codegen-preset';

/** Resolver types generated from schema/ (the SDL, one file per area) and the contract types it serves; parent types from models.ts. */
export default subgraphCodegenConfig({
  contextType: '../context#ThresholdsContext',
  mappers: {
    Partnership: '../models#PartnershipReference',
    ThresholdModel: '../models#ThresholdModelEntity',
    ThresholdLevel: '../models#ThresholdLevelEntity',
    ThresholdIndicator: '../models#ThresholdIndicatorEntity',
    RegionalLevel: '../models#RegionalLevelEntity',
    CrosswalkMapping: '../models#CrosswalkMappingEntity',
    FrontDoor: '../models#FrontDoor as FrontDoorShape',
    IndicatorSearchResult: '../models#IndicatorSearchResultShape',
    ThresholdComparisonRow: '../models#ComparisonRowShape',
    ThresholdComparisonEntry: '../models#ComparisonEntryShape',
    LevelTranslation: '../models#LevelTranslationShape',
    EquivalentLevel: '../models#EquivalentLevelShape',
    PartnershipComparison: '@safeguarding/federated-keys#ComparisonKey',
  },
});
