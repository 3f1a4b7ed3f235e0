import { badUserInput, notFound, slugArgument, todayInEngland } from '@safeguarding/subgraph-runtime';
import type { CrosswalkMappingEntity, RegionalLevelEntity, ThresholdLevelEntity, ThresholdModelEntity } from '../entities';
import { compareOnRegionalScale, explainEquivalence, translateThroughRegionalScale, type MappedLevel } from '../evaluators/crosswalk';
import { modelInForce } from '../evaluators/model-in-force';
import type { ThresholdsContext } from '../context';
import { allRegionalLevels } from './regional-levels';
import type { Resolvers } from '../generated/graphql';

const present = <T>(value: T | null | Error): value is T => value !== null && !(value instanceof Error);

/** The model in force for a partnership, or NOT_FOUND saying which date was asked. */
async function modelFor(partnershipSlug: string, asOf: string, { loaders }: ThresholdsContext): Promise<ThresholdModelEntity> {
  const model = modelInForce(await loaders.modelsByPartnership.load(partnershipSlug), asOf);
  if (!model) {
    throw notFound(`"${partnershipSlug}" has no threshold model in force on ${asOf}; the partnerships are shropshire, telford-and-wrekin and solihull.`);
  }
  return model;
}

/** A model's levels with their crosswalk mappings, in the shape the evaluators take. */
async function mappedLevels(model: ThresholdModelEntity, { loaders }: ThresholdsContext): Promise<{ levels: ThresholdLevelEntity[]; mapped: MappedLevel[]; mappings: Map<string, CrosswalkMappingEntity> }> {
  const levels = await loaders.levelsByModel.load(model.id);
  const mappings = new Map((await loaders.mappingByLevel.loadMany(levels.map((level) => level.id))).filter(present<CrosswalkMappingEntity>).map((m) => [m.levelId, m]));
  const mapped = levels.flatMap((level) => {
    const mapping = mappings.get(level.id);
    return mapping ? [{ levelId: level.id, rank: level.rank, regionalLevelIds: mapping.regionalLevelIds, confidence: mapping.confidence }] : [];
  });
  return { levels, mapped, mappings };
}

/** "Vulnerable", "vulnerable", "level-2" or a full level id all name the same level. */
function findLevel(levels: ThresholdLevelEntity[], wanted: string): ThresholdLevelEntity | undefined {
  const key = wanted.trim().toLowerCase();
  return levels.find((level) => level.code === key || level.id === key || level.name.toLowerCase() === key);
}

export const comparisonResolvers: Resolvers = {
  Query: {
    compareThresholds: async (_root, { partnershipSlugs, asOf }, context) => {
      if (partnershipSlugs.length === 0) throw badUserInput('Name at least one partnership, e.g. ["shropshire", "telford-and-wrekin"].', 'partnershipSlugs');
      if (partnershipSlugs.length > 20) throw badUserInput(`At most 20 partnerships can be compared at once; ${partnershipSlugs.length} were given.`, 'partnershipSlugs');
      const slugs = partnershipSlugs.map((slug) => slugArgument(slug, 'partnershipSlugs'));
      if (new Set(slugs).size !== slugs.length) throw badUserInput('Each partnership may be named once in partnershipSlugs.', 'partnershipSlugs');
      const date = asOf ?? todayInEngland();
      const models = await Promise.all(slugs.map((slug) => modelFor(slug, date, context)));
      const columns = await Promise.all(models.map((model) => mappedLevels(model, context)));
      const regionalLevels = await allRegionalLevels(context);
      const modelBySlug = new Map(models.map((model) => [model.partnershipId, model]));
      return compareOnRegionalScale(
        regionalLevels,
        slugs.map((slug, index) => ({ partnershipSlug: slug, levels: columns[index]!.mapped })),
      ).map((row) => ({
        regionalLevel: row.regionalLevel,
        entries: row.entries.map((entry) => ({ ...entry, model: modelBySlug.get(entry.partnershipSlug)! })),
      }));
    },
    translateLevel: async (_root, { fromPartnership, level, toPartnership, asOf }, context) => {
      const fromSlug = slugArgument(fromPartnership, 'fromPartnership');
      const toSlug = slugArgument(toPartnership, 'toPartnership');
      if (fromSlug === toSlug) throw badUserInput('fromPartnership and toPartnership are the same; name the partnership the child is moving to.', 'toPartnership');
      if (level.trim().length === 0 || level.length > 200) throw badUserInput('level must be a level name or code of 1 to 200 characters, e.g. "Vulnerable".', 'level');
      const date = asOf ?? todayInEngland();
      const [fromModel, toModel] = await Promise.all([modelFor(fromSlug, date, context), modelFor(toSlug, date, context)]);
      const [fromSide, toSide] = await Promise.all([mappedLevels(fromModel, context), mappedLevels(toModel, context)]);
      const fromLevel = findLevel(fromSide.levels, level);
      if (!fromLevel) {
        throw notFound(`"${fromSlug}" has no level "${level.trim().slice(0, 60)}" in ${fromModel.id}; its levels are ${fromSide.levels.map((l) => `${l.name} (${l.code})`).join(', ')}.`);
      }
      const fromMapped = fromSide.mapped.find((mapped) => mapped.levelId === fromLevel.id);
      if (!fromMapped) throw notFound(`${fromLevel.name} (${fromSlug}) is not on the regional crosswalk yet; a regional administrator can map it.`);
      const fromMapping = fromSide.mappings.get(fromLevel.id)!;
      const levelsById = new Map(toSide.levels.map((l) => [l.id, l]));
      return {
        from: fromLevel,
        regionalLevelIds: [...fromMapped.regionalLevelIds],
        toModel,
        equivalents: translateThroughRegionalScale(fromMapped, toSide.mapped).map((equivalent) => {
          const toLevel = levelsById.get(equivalent.levelId)!;
          return {
            ...equivalent,
            rationale: explainEquivalence(
              { name: fromLevel.name, partnershipSlug: fromSlug, verified: fromLevel.verified, rationale: fromMapping.rationale },
              { name: toLevel.name, partnershipSlug: toSlug, verified: toLevel.verified, rationale: toSide.mappings.get(toLevel.id)!.rationale },
              equivalent.match,
            ),
          };
        }),
      };
    },
  },
  ThresholdComparisonEntry: {
    partnership: (entry) => ({ id: entry.partnershipSlug }),
    levels: async (entry, _args, { loaders }) => (await loaders.level.loadMany(entry.levelIds)).filter(present<ThresholdLevelEntity>),
  },
  LevelTranslation: {
    regionalLevels: async (translation, _args, { loaders }) => (await loaders.regionalLevel.loadMany(translation.regionalLevelIds)).filter(present<RegionalLevelEntity>),
  },
  EquivalentLevel: {
    level: async (equivalent, _args, { loaders }) => (await loaders.level.load(equivalent.levelId))!,
    sharedRegionalLevels: async (equivalent, _args, { loaders }) =>
      (await loaders.regionalLevel.loadMany(equivalent.sharedRegionalLevelIds)).filter(present<RegionalLevelEntity>),
  },
};
