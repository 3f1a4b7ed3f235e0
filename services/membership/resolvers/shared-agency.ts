import type { Resolvers } from '../generated/graphql';

export const sharedAgencyResolvers: Resolvers = {
  SharedAgency: {
    organisation: async (shared, _args, { loaders }) => (await loaders.organisation.load(shared.organisationId))!,
    partnerships: (shared) => shared.sides,
  },
};
