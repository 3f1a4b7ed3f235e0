import { allow, hasAnyRole, readableByEveryone, type IRules } from '@safeguarding/subgraph-runtime';
import { rolesFor } from './access';

/**
 * Threshold models come from published documents and the crosswalk is published guidance, so
 * anyone may read them. Only regional administrators edit the crosswalk (access.ts). Anything not listed is denied.
 */

export const permissions: IRules = {
  Query: {
    thresholdModels: allow,
    thresholdModel: allow,
    regionalLevels: allow,
    compareThresholds: allow,
    translateLevel: allow,
    searchIndicators: allow,
  },
  Mutation: { updateCrosswalkMapping: hasAnyRole(...rolesFor('editCrosswalk')) },
  Partnership: readableByEveryone('id', 'thresholdModel', 'thresholdModelVersions'),
  ThresholdModel: readableByEveryone(
    'id',
    'partnershipSlug',
    'partnership',
    'title',
    'documentVersion',
    'approvedOn',
    'effectiveFrom',
    'effectiveTo',
    'verified',
    'provenance',
    'frontDoor',
    'levels',
    'source',
  ),
  PartnershipComparison: readableByEveryone('id', 'thresholds'),
  ComparisonRow: readableByEveryone('measure', 'unit', 'cells'),
  ComparisonCell: readableByEveryone('partnershipSlug', 'value', 'text', 'missingReason', 'source'),
  FrontDoor: readableByEveryone('name', 'kind', 'servesChildren', 'servesAdults', 'description', 'source'),
  ThresholdLevel: readableByEveryone(
    'id',
    'code',
    'rank',
    'name',
    'descriptor',
    'responses',
    'assessmentRequired',
    'ledBy',
    'verified',
    'provenance',
    'model',
    'indicators',
    'crosswalk',
    'source',
  ),
  ThresholdIndicator: readableByEveryone('id', 'text', 'level', 'source'),
  IndicatorSearchResult: readableByEveryone('indicator', 'rank'),
  RegionalLevel: readableByEveryone('id', 'rank', 'name', 'description', 'provenance', 'source'),
  CrosswalkMapping: readableByEveryone('level', 'regionalLevels', 'straddles', 'rationale', 'confidence', 'version', 'editedAt', 'viewerCanEdit', 'source'),
  ThresholdComparisonRow: readableByEveryone('regionalLevel', 'entries'),
  ThresholdComparisonEntry: readableByEveryone('partnershipSlug', 'partnership', 'model', 'levels'),
  LevelTranslation: readableByEveryone('from', 'regionalLevels', 'toModel', 'equivalents'),
  EquivalentLevel: readableByEveryone('level', 'match', 'sharedRegionalLevels', 'confidence', 'rationale'),
  SourceCitation: readableByEveryone('document', 'section', 'synthetic'),
};
