import { allow, hasAnyRole, readableByEveryone, type IRules, CONTRACT_RESULT_RULES } from '@safeguarding/subgraph-runtime';
import { rolesFor } from './access';

/**
 * Published threshold models come from published documents and the crosswalk is published
 * guidance, so anyone may read them; a draft version is answered as missing (and left out of
 * lists) outside its partnership by the resolvers (access.ts canSeeModel). Partnership
 * administrators draft, edit, discard and publish versions, and map a draft's levels; the
 * resolvers then check it is their own partnership. Only regional administrators edit a published
 * level's crosswalk mapping (access.ts). Anything not listed is denied.
 */
const partnershipAdmin = hasAnyRole(...rolesFor('editModelVersions'));

export const permissions: IRules = {
  ...CONTRACT_RESULT_RULES,
  Query: {
    thresholdModels: allow,
    thresholdModel: allow,
    regionalLevels: allow,
    compareThresholds: allow,
    translateLevel: allow,
    searchIndicators: allow,
    // The operation then checks the scope: a partnership-admin exports their own partnership's section only.
    thresholdsPackSection: hasAnyRole('regional-admin', 'partnership-admin'),
  },
  Mutation: {
    updateCrosswalkMapping: hasAnyRole(...rolesFor('editCrosswalk', 'editModelVersions')),
    draftThresholdModelVersion: partnershipAdmin,
    updateThresholdModelDraft: partnershipAdmin,
    discardThresholdModelDraft: partnershipAdmin,
    publishThresholdModelVersion: partnershipAdmin,
    applyThresholdsPackSection: hasAnyRole('regional-admin', 'partnership-admin'),
  },
  Partnership: readableByEveryone('id', 'thresholdModel', 'thresholdModelVersions', 'thresholdModelDrafts', 'viewerCanDraftThresholdModel'),
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
    'effectiveFromSource',
    'status',
    'version',
    'publishedAt',
    'viewerCanEdit',
    'viewerCanPublish',
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
    'responsesSource',
  ),
  ThresholdIndicator: readableByEveryone('id', 'text', 'level', 'source'),
  IndicatorSearchResult: readableByEveryone('indicator', 'rank'),
  RegionalLevel: readableByEveryone('id', 'rank', 'name', 'description', 'provenance', 'source'),
  CrosswalkMapping: readableByEveryone('level', 'regionalLevels', 'straddles', 'rationale', 'confidence', 'version', 'editedAt', 'viewerCanEdit', 'source'),
  ThresholdComparisonRow: readableByEveryone('regionalLevel', 'entries'),
  ThresholdComparisonEntry: readableByEveryone('partnershipSlug', 'partnership', 'model', 'levels'),
  LevelTranslation: readableByEveryone('from', 'regionalLevels', 'toModel', 'equivalents'),
  EquivalentLevel: readableByEveryone('level', 'match', 'sharedRegionalLevels', 'confidence', 'rationale'),
};

/** What the resolvers filter below fields everyone may read (docs/access-inventory.md shows these). */
export const accessNotes: Record<string, string> = {
  ThresholdModel: 'a draft version is null outside its partnership (its members and partnership-admins see it); published versions are public (access.ts).',
  Partnership:
    '`thresholdModelDrafts` lists drafts only to members and partnership-admins of that partnership; `thresholdModel` and `thresholdModelVersions` answer from published versions only.',
};
