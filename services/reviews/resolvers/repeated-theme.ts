import type { Resolvers } from '../generated/graphql';

export const repeatedThemeResolvers: Resolvers = {
  RepeatedTheme: {
    theme: async (repeated, _args, { loaders }) => (await loaders.theme.load(repeated.themeId))!,
  },
};
