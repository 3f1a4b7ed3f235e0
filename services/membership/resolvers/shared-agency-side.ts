import type { Resolvers } from '../generated/graphql';

export const sharedAgencySideResolvers: Resolvers = {
  SharedAgencySide: {
    partnership: (side) => ({ id: side.partnershipId }),
    bodies: (side) => side.bodyIds.map((id) => ({ id })),
  },
};
