import { isLoaded } from '@safeguarding/subgraph-runtime';
import type { RegionalLevelEntity } from '../entities';
import type { Resolvers } from '../generated/graphql';

export const levelTranslationResolvers: Resolvers = {
  LevelTranslation: {
    regionalLevels: async (translation, _args, { loaders }) =>
      (await loaders.regionalLevel.loadMany(translation.regionalLevelIds)).filter(isLoaded<RegionalLevelEntity>),
  },
};
