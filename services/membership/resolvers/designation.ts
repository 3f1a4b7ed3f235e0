import type { Resolvers } from '../generated/graphql';

export const designationResolvers: Resolvers = {
  Designation: {
    partnership: (designation) => ({ id: designation.partnershipId }),
    organisation: async (designation, _args, { loaders }) => (await loaders.organisation.load(designation.organisationId))!,
    post: (designation, _args, { loaders }) => (designation.postId ? loaders.post.load(designation.postId) : null),
  },
};
