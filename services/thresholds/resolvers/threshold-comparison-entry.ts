import { isLoaded } from '@safeguarding/subgraph-runtime';
import type { ThresholdLevelEntity } from '../entities';
import type { Resolvers } from '../generated/graphql';

export const thresholdComparisonEntryResolvers: Resolvers = {
  ThresholdComparisonEntry: {
    // The public field keeps its name; in code the partnership key is its id.
    partnershipSlug: (entry) => entry.partnershipId,
    partnership: (entry) => ({ id: entry.partnershipId }),
    levels: async (entry, _args, { loaders }) => (await loaders.level.loadMany(entry.levelIds)).filter(isLoaded<ThresholdLevelEntity>),
  },
};
