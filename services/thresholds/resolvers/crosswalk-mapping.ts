import { isLoaded } from '@safeguarding/subgraph-runtime';
import { canEditMapping } from '../access';
import type { RegionalLevelEntity } from '../entities';
import type { Resolvers } from '../generated/graphql';

export const crosswalkMappingResolvers: Resolvers = {
  CrosswalkMapping: {
    level: async (mapping, _args, { loaders }) => (await loaders.level.load(mapping.levelId))!,
    regionalLevels: async (mapping, _args, { loaders }) =>
      (await loaders.regionalLevel.loadMany(mapping.regionalLevelIds)).filter(isLoaded<RegionalLevelEntity>).sort((a, b) => a.rank - b.rank),
    straddles: (mapping) => mapping.regionalLevelIds.length > 1,
    editedAt: (mapping) => (mapping.editedAt ? new Date(mapping.editedAt).toISOString() : null),
    // A published level's mapping is the regional administrators'; a draft's its partnership administrators'.
    viewerCanEdit: async (mapping, _args, { caller, loaders }) => {
      const level = await loaders.level.load(mapping.levelId);
      const model = level ? await loaders.model.load(level.modelId) : null;
      return model !== null && canEditMapping(caller, model);
    },
  },
};
