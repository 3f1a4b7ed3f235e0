import type { Resolvers } from '../generated/graphql';
import { loadAll } from '../loaders';

export const reviewKindResolvers: Resolvers = {
  ReviewKind: {
    defaultClocks: async (kind, _args, { loaders }) =>
      (await loaders.allClocks.load(loadAll)).filter((clock) => clock.reviewKindId === kind.id && clock.partnershipId === null),
  },
};
