import { hasRole } from '@safeguarding/auth';
import { todayInEngland } from '@safeguarding/subgraph-runtime';
import type { RegionalLevelEntity } from '../entities';
import { modelInForce } from '../evaluators/model-in-force';
import type { Resolvers } from '../generated/graphql';

const present = <T>(value: T | null | Error): value is T => value !== null && !(value instanceof Error);

/** Partnership (extended), the model, its levels, indicators and mappings: every hop through a loader. */
export const modelResolvers: Resolvers = {
  Partnership: {
    __resolveReference: (reference) => ({ id: reference.id }),
    thresholdModel: async (partnership, { asOf }, { loaders }) => modelInForce(await loaders.modelsByPartnership.load(partnership.id), asOf ?? todayInEngland()),
    thresholdModelVersions: (partnership, _args, { loaders }) => loaders.modelsByPartnership.load(partnership.id),
  },
  ThresholdModel: {
    __resolveReference: (reference, { loaders }) => loaders.model.load(reference.id),
    partnershipSlug: (model) => model.partnershipId,
    partnership: (model) => ({ id: model.partnershipId }),
    levels: (model, _args, { loaders }) => loaders.levelsByModel.load(model.id),
  },
  ThresholdLevel: {
    model: async (level, _args, { loaders }) => (await loaders.model.load(level.modelId))!,
    indicators: (level, _args, { loaders }) => loaders.indicatorsByLevel.load(level.id),
    crosswalk: (level, _args, { loaders }) => loaders.mappingByLevel.load(level.id),
  },
  ThresholdIndicator: {
    level: async (indicator, _args, { loaders }) => (await loaders.level.load(indicator.levelId))!,
  },
  CrosswalkMapping: {
    level: async (mapping, _args, { loaders }) => (await loaders.level.load(mapping.levelId))!,
    regionalLevels: async (mapping, _args, { loaders }) =>
      (await loaders.regionalLevel.loadMany(mapping.regionalLevelIds)).filter(present<RegionalLevelEntity>).sort((a, b) => a.rank - b.rank),
    straddles: (mapping) => mapping.regionalLevelIds.length > 1,
    editedAt: (mapping) => (mapping.editedAt ? new Date(mapping.editedAt).toISOString() : null),
    viewerCanEdit: (_mapping, _args, { caller }) => hasRole(caller, 'regional-admin'),
  },
};
