import { isLoaded } from '@safeguarding/subgraph-runtime';
import type { RegionalLevelEntity } from '../entities';
import type { Resolvers } from '../generated/graphql';

export const equivalentLevelResolvers: Resolvers = {
  EquivalentLevel: {
    level: async (equivalent, _args, { loaders }) => (await loaders.level.load(equivalent.levelId))!,
    sharedRegionalLevels: async (equivalent, _args, { loaders }) =>
      (await loaders.regionalLevel.loadMany(equivalent.sharedRegionalLevelIds)).filter(isLoaded<RegionalLevelEntity>),
  },
};
