import { todayInEngland } from '@safeguarding/subgraph-runtime';
import { canEditModelVersions, mayAct } from '../access';
import type { Resolvers } from '../generated/graphql';
import { modelInForce } from '../rules/model-in-force';

export const partnershipResolvers: Resolvers = {
  Partnership: {
    __resolveReference: (reference) => ({ id: reference.id }),
    // Published versions only (the loader's): a draft is in force on no date.
    thresholdModel: async (partnership, { asOf }, { loaders }) =>
      modelInForce(await loaders.modelsByPartnership.load(partnership.id), asOf ?? todayInEngland()),
    thresholdModelVersions: (partnership, _args, { loaders }) => loaders.modelsByPartnership.load(partnership.id),
    // Unpublished material stays inside its partnership.
    thresholdModelDrafts: (partnership, _args, { caller, loaders }) =>
      mayAct(caller, 'readDrafts', [partnership.id]) ? loaders.draftsByPartnership.load(partnership.id) : [],
    viewerCanDraftThresholdModel: (partnership, _args, { caller }) => canEditModelVersions(caller, partnership.id),
  },
};
