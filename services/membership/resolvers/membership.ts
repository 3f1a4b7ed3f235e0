import type { OrganisationEntity } from '../entities';
import type { Resolvers } from '../generated/graphql';

export const membershipResolvers: Resolvers = {
  Membership: {
    body: (seat) => ({ id: seat.bodyId }),
    // Answered without a promise when Body.members already loaded the organisations.
    organisation: (seat, _args, { loaders }) =>
      loaders.organisation.peek(seat.organisationId) ?? (loaders.organisation.load(seat.organisationId) as Promise<OrganisationEntity>),
    post: (seat, _args, { loaders }) => (seat.postId ? loaders.post.load(seat.postId) : null),
    deputyFor: (seat, _args, { loaders }) => (seat.deputyForMembershipId ? loaders.membership.load(seat.deputyForMembershipId) : null),
  },
};
