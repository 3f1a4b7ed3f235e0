import type { Resolvers } from '../generated/graphql';
import { flaggedNames } from '../operations/name-flags';

export const learningPointResolvers: Resolvers = {
  LearningPoint: {
    theme: async (point, _args, { loaders }) => (await loaders.theme.load(point.themeId))!,
    possiblePersonalNames: (point, _args, { caller, loaders }) => flaggedNames(point.text, point.reviewId, caller, loaders),
  },
};
