import type { Resolvers } from '../generated/graphql';

export const agencyReachResolvers: Resolvers = {
  AgencyReach: {
    organisation: (agency) => ({ id: agency.organisationId }),
  },
};
