import { allow, hasAnyRole, type IRules } from '@safeguarding/subgraph-runtime';

/**
 * Threshold models come from published documents and the crosswalk is published guidance, so
 * anyone may read them. Only regional administrators edit the crosswalk. Anything not listed is denied.
 */
const publicRead = { '*': allow };

export const permissions: IRules = {
  Query: {
    thresholdModels: allow,
    thresholdModel: allow,
    regionalLevels: allow,
    compareThresholds: allow,
    translateLevel: allow,
    searchIndicators: allow,
  },
  Mutation: { updateCrosswalkMapping: hasAnyRole('regional-admin') },
  Partnership: publicRead,
  ThresholdModel: publicRead,
  PartnershipComparison: publicRead,
  ComparisonRow: publicRead,
  ComparisonCell: publicRead,
  FrontDoor: publicRead,
  ThresholdLevel: publicRead,
  ThresholdIndicator: publicRead,
  IndicatorSearchResult: publicRead,
  RegionalLevel: publicRead,
  CrosswalkMapping: publicRead,
  ThresholdComparisonRow: publicRead,
  ThresholdComparisonEntry: publicRead,
  LevelTranslation: publicRead,
  EquivalentLevel: publicRead,
  SourceCitation: publicRead,
};
