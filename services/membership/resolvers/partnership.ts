import type { Resolvers } from '../generated/graphql';

export const partnershipResolvers: Resolvers = {
  Partnership: {
    __resolveReference: (reference) => ({ id: reference.id }),
    designations: async (partnership, { kind }, { loaders }) =>
      (await loaders.designationsByPartnership.load(partnership.id)).filter((d) => !kind || d.kind === kind),
  },
};
