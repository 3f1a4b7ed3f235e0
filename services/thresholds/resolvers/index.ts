import { DateScalar, mergeResolvers } from '@safeguarding/subgraph-runtime';
import type { Resolvers } from '../generated/graphql';
import { crosswalkMappingResolvers } from './crosswalk-mapping';
import { equivalentLevelResolvers } from './equivalent-level';
import { levelTranslationResolvers } from './level-translation';
import { mutationResolvers } from './mutation';
import { partnershipResolvers } from './partnership';
import { partnershipComparisonResolvers } from './partnership-comparison';
import { queryResolvers } from './query';
import { thresholdComparisonEntryResolvers } from './threshold-comparison-entry';
import { thresholdIndicatorResolvers } from './threshold-indicator';
import { thresholdLevelResolvers } from './threshold-level';
import { thresholdModelResolvers } from './threshold-model';

/** One file per SDL type; mergeResolvers throws if two files resolve the same field. */
export const resolvers: Resolvers = mergeResolvers<Resolvers>({
  scalars: { Date: DateScalar },
  'query.ts': queryResolvers,
  'mutation.ts': mutationResolvers,
  'partnership.ts': partnershipResolvers,
  'threshold-model.ts': thresholdModelResolvers,
  'threshold-level.ts': thresholdLevelResolvers,
  'threshold-indicator.ts': thresholdIndicatorResolvers,
  'crosswalk-mapping.ts': crosswalkMappingResolvers,
  'threshold-comparison-entry.ts': thresholdComparisonEntryResolvers,
  'level-translation.ts': levelTranslationResolvers,
  'equivalent-level.ts': equivalentLevelResolvers,
  'partnership-comparison.ts': partnershipComparisonResolvers,
});
