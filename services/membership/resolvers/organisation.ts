import { inForceOn, isLoaded, todayInEngland } from '@safeguarding/subgraph-runtime';
import type { BodyReferenceEntity } from '../entities';
import type { Resolvers } from '../generated/graphql';
import { mayActRegionally } from '../access';

export const organisationResolvers: Resolvers = {
  Organisation: {
    __resolveReference: (reference, { loaders }) => loaders.organisation.load(reference.id),
    viewerCanEdit: (_organisation, _args, { caller }) => mayActRegionally(caller, 'registerOrganisation'),
    posts: (organisation, _args, { loaders }) => loaders.postsByOrganisation.load(organisation.id),
    memberships: async (organisation, { asOf }, { loaders }) => {
      const date = asOf ?? todayInEngland();
      return (await loaders.membershipsByOrganisation.load(organisation.id)).filter((seat) => inForceOn(seat, date));
    },
    partnerships: async (organisation, { asOf }, { loaders }) => {
      const date = asOf ?? todayInEngland();
      const seats = (await loaders.membershipsByOrganisation.load(organisation.id)).filter((seat) => inForceOn(seat, date));
      const bodies = (await loaders.bodyReference.loadMany([...new Set(seats.map((s) => s.bodyId))])).filter(isLoaded<BodyReferenceEntity>);
      const designations = await loaders.designationsByOrganisation.load(organisation.id);
      const partnershipIds = new Set([...bodies.flatMap((b) => b.partnershipIds), ...designations.map((d) => d.partnershipId)]);
      return [...partnershipIds].sort().map((id) => ({ id }));
    },
    designations: (organisation, _args, { loaders }) => loaders.designationsByOrganisation.load(organisation.id),
  },
};
