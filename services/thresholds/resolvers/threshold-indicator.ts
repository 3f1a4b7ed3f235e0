import type { Resolvers } from '../generated/graphql';

export const thresholdIndicatorResolvers: Resolvers = {
  ThresholdIndicator: {
    level: async (indicator, _args, { loaders }) => (await loaders.level.load(indicator.levelId))!,
  },
};
