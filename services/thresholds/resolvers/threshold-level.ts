import type { Resolvers } from '../generated/graphql';

export const thresholdLevelResolvers: Resolvers = {
  ThresholdLevel: {
    model: async (level, _args, { loaders }) => (await loaders.model.load(level.modelId))!,
    indicators: (level, _args, { loaders }) => loaders.indicatorsByLevel.load(level.id),
    crosswalk: (level, _args, { loaders }) => loaders.mappingByLevel.load(level.id),
  },
};
