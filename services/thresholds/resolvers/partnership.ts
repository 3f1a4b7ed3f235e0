import { todayInEngland } from '@safeguarding/subgraph-runtime';
import type { Resolvers } from '../generated/graphql';
import { modelInForce } from '../rules/model-in-force';

export const partnershipResolvers: Resolvers = {
  Partnership: {
    __resolveReference: (reference) => ({ id: reference.id }),
    thresholdModel: async (partnership, { asOf }, { loaders }) =>
      modelInForce(await loaders.modelsByPartnership.load(partnership.id), asOf ?? todayInEngland()),
    thresholdModelVersions: (partnership, _args, { loaders }) => loaders.modelsByPartnership.load(partnership.id),
  },
};
