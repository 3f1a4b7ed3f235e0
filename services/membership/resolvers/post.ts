import type { Resolvers } from '../generated/graphql';

export const postResolvers: Resolvers = {
  Post: {
    organisation: async (post, _args, { loaders }) => (await loaders.organisation.load(post.organisationId))!,
    holders: (post, _args, { loaders }) => loaders.postHoldings.load(post.id),
  },
};
