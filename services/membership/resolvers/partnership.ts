import { inForceOn, todayInEngland } from '@safeguarding/subgraph-runtime';
import type { Resolvers } from '../generated/graphql';
import { canDesignate } from '../access';

export const partnershipResolvers: Resolvers = {
  Partnership: {
    __resolveReference: (reference) => ({ id: reference.id }),
    // Designations have terms: the ones in force on the date (default today); no stated dates counts as in force.
    designations: async (partnership, { kind, asOf }, { loaders }) => {
      const date = asOf ?? todayInEngland();
      return (await loaders.designationsByPartnership.load(partnership.id)).filter((d) => (!kind || d.kind === kind) && inForceOn(d, date));
    },
    viewerCanDesignate: (partnership, _args, { caller }) => canDesignate(caller, partnership.id),
  },
};
