import { isLoaded } from '@safeguarding/subgraph-runtime';
import { mayAct } from '../access';
import type { RegionalLevelEntity } from '../entities';
import type { Resolvers } from '../generated/graphql';

export const crosswalkMappingResolvers: Resolvers = {
  CrosswalkMapping: {
    level: async (mapping, _args, { loaders }) => (await loaders.level.load(mapping.levelId))!,
    regionalLevels: async (mapping, _args, { loaders }) =>
      (await loaders.regionalLevel.loadMany(mapping.regionalLevelIds)).filter(isLoaded<RegionalLevelEntity>).sort((a, b) => a.rank - b.rank),
    straddles: (mapping) => mapping.regionalLevelIds.length > 1,
    editedAt: (mapping) => (mapping.editedAt ? new Date(mapping.editedAt).toISOString() : null),
    viewerCanEdit: (_mapping, _args, { caller }) => mayAct(caller, 'editCrosswalk'),
  },
};
