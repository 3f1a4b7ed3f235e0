import type { Resolvers } from '../generated/graphql';

export const reviewKindTimelinessResolvers: Resolvers = {
  ReviewKindTimeliness: {
    reviewKind: async (summary, _args, { loaders }) => (await loaders.reviewKind.load(summary.reviewKindId))!,
  },
};
