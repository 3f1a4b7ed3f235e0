import { isLoaded } from '@safeguarding/subgraph-runtime';
import { canEditModelVersions, canSeeModel } from '../access';
import type { CrosswalkMappingEntity } from '../entities';
import type { Resolvers } from '../generated/graphql';

export const thresholdModelResolvers: Resolvers = {
  ThresholdModel: {
    // A draft outside its partnership is answered as missing.
    __resolveReference: async (reference, { loaders, caller }) => {
      const model = await loaders.model.load(reference.id);
      return model && canSeeModel(caller, model) ? model : null;
    },
    partnershipSlug: (model) => model.partnershipId,
    partnership: (model) => ({ id: model.partnershipId }),
    levels: (model, _args, { loaders }) => loaders.levelsByModel.load(model.id),
    publishedAt: (model) => (model.publishedAt ? new Date(model.publishedAt).toISOString() : null),
    viewerCanEdit: (model, _args, { caller }) => model.status === 'DRAFT' && canEditModelVersions(caller, model.partnershipId),
    viewerCanPublish: async (model, _args, { caller, loaders }) => {
      if (model.status !== 'DRAFT' || !canEditModelVersions(caller, model.partnershipId)) return false;
      const levels = await loaders.levelsByModel.load(model.id);
      const mappings = (await loaders.mappingByLevel.loadMany(levels.map((level) => level.id))).filter(isLoaded<CrosswalkMappingEntity>);
      return levels.length > 0 && mappings.length === levels.length;
    },
  },
};
