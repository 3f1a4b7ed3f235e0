import type { Resolvers } from '../generated/graphql';

export const thresholdModelResolvers: Resolvers = {
  ThresholdModel: {
    __resolveReference: (reference, { loaders }) => loaders.model.load(reference.id),
    partnershipSlug: (model) => model.partnershipId,
    partnership: (model) => ({ id: model.partnershipId }),
    levels: (model, _args, { loaders }) => loaders.levelsByModel.load(model.id),
  },
};
