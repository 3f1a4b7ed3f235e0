import type { Resolvers } from '../generated/graphql';

export const partnershipThemeCountResolvers: Resolvers = {
  PartnershipThemeCount: {
    partnership: (count) => ({ id: count.partnershipId }),
  },
};
