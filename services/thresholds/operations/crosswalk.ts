import { viewOfProvenance } from '@safeguarding/packs';
import type { Caller } from '@safeguarding/auth';
import { badUserInput, conflict, isLoaded, multiLineText, notFound, notPermitted } from '@safeguarding/subgraph-runtime';
import { canEditMapping, canSeeModel } from '../access';
import { CrosswalkMappingEntity, type ThresholdLevelEntity, type ThresholdModelEntity } from '../entities';
import type { ThresholdsOperationContext } from '../context';
import type { ThresholdsLoaders } from '../loaders';
import type { ComparisonRowShape, LevelTranslationShape } from '../models';
import { compareOnRegionalScale, explainEquivalence, translateThroughRegionalScale, type MappedLevel } from '../rules/crosswalk';
import { modelInForce } from '../rules/model-in-force';
import { checkRegionalSpan } from '../rules/regional-span';
import { allRegionalLevels } from './regional-scale';

type Reading = Pick<ThresholdsOperationContext, 'dataSource' | 'loaders'>;

/** The model in force for a partnership, or NOT_FOUND saying which date was asked. */
async function modelFor(partnershipId: string, asOf: string, loaders: ThresholdsLoaders): Promise<ThresholdModelEntity> {
  const model = modelInForce(await loaders.modelsByPartnership.load(partnershipId), asOf);
  if (!model) {
    throw notFound(`"${partnershipId}" has no threshold model in force on ${asOf}; the partnerships are shropshire, telford-and-wrekin and solihull.`);
  }
  return model;
}

/** A model's levels with their crosswalk mappings, in the shape the rules take. */
async function mappedLevels(
  model: ThresholdModelEntity,
  loaders: ThresholdsLoaders,
): Promise<{ levels: ThresholdLevelEntity[]; mapped: MappedLevel[]; mappings: Map<string, CrosswalkMappingEntity> }> {
  const levels = await loaders.levelsByModel.load(model.id);
  const mappings = new Map(
    (await loaders.mappingByLevel.loadMany(levels.map((level) => level.id))).filter(isLoaded<CrosswalkMappingEntity>).map((m) => [m.levelId, m]),
  );
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

/** The crosswalk table for the models in force on `asOf`: one row per regional level, each partnership's levels on it. */
export async function compareThresholds(partnershipIds: string[], asOf: string, reading: Reading): Promise<ComparisonRowShape[]> {
  const { loaders } = reading;
  const models = await Promise.all(partnershipIds.map((partnershipId) => modelFor(partnershipId, asOf, loaders)));
  const columns = await Promise.all(models.map((model) => mappedLevels(model, loaders)));
  const regionalLevels = await allRegionalLevels(reading);
  const modelByPartnership = new Map(models.map((model) => [model.partnershipId, model]));
  return compareOnRegionalScale(
    regionalLevels,
    partnershipIds.map((partnershipId, index) => ({ partnershipId, levels: columns[index]!.mapped })),
  ).map((row) => ({
    regionalLevel: row.regionalLevel,
    entries: row.entries.map((entry) => ({ ...entry, model: modelByPartnership.get(entry.partnershipId)! })),
  }));
}

/** For a child who moves: the levels of the other partnership's model in force on `asOf` equivalent to `level`. */
export async function translateLevel(
  { fromPartnershipId, level, toPartnershipId, asOf }: { fromPartnershipId: string; level: string; toPartnershipId: string; asOf: string },
  loaders: ThresholdsLoaders,
): Promise<LevelTranslationShape> {
  const [fromModel, toModel] = await Promise.all([modelFor(fromPartnershipId, asOf, loaders), modelFor(toPartnershipId, asOf, loaders)]);
  const [fromSide, toSide] = await Promise.all([mappedLevels(fromModel, loaders), mappedLevels(toModel, loaders)]);
  const fromLevel = findLevel(fromSide.levels, level);
  if (!fromLevel) {
    throw notFound(
      `"${fromPartnershipId}" has no level "${level.trim().slice(0, 60)}" in ${fromModel.id}; its levels are ${fromSide.levels.map((l) => `${l.name} (${l.code})`).join(', ')}.`,
    );
  }
  const fromMapped = fromSide.mapped.find((mapped) => mapped.levelId === fromLevel.id);
  if (!fromMapped) throw notFound(`${fromLevel.name} (${fromPartnershipId}) is not on the regional crosswalk yet; a regional administrator can map it.`);
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
          { name: fromLevel.name, partnershipId: fromPartnershipId, verified: fromLevel.verified, rationale: fromMapping.rationale },
          { name: toLevel.name, partnershipId: toPartnershipId, verified: toLevel.verified, rationale: toSide.mappings.get(toLevel.id)!.rationale },
          equivalent.match,
        ),
      };
    }),
  };
}

export interface CrosswalkEdit {
  levelId: string;
  /** The mapping version the editor read: the edit applies only if it is still current. */
  expectedVersion: number;
  regionalLevelIds: readonly string[];
  rationale: string;
  confidence: CrosswalkMappingEntity['confidence'];
}

/**
 * Places a level on the regional scale anew. A published version's level is the regional
 * administrators' to place; a draft's level its partnership administrators' (and a draft's level
 * not mapped yet is placed with expectedVersion 0). Refuses an unknown level (or a draft's the
 * caller may not see: NOT_FOUND), a caller without the right (FORBIDDEN), a span the rules
 * refuse, a rationale that is not plain text, and an edit made from a version someone else has
 * since changed (CONFLICT, nothing changed).
 */
export async function updateCrosswalkMapping(editor: Caller, edit: CrosswalkEdit, reading: Reading): Promise<CrosswalkMappingEntity> {
  const { dataSource, loaders } = reading;
  const { levelId, expectedVersion } = edit;
  const missing = () => notFound(`No crosswalk mapping for the level "${levelId.slice(0, 80)}"; query thresholdModels { levels { id } } for the level ids.`);
  const level = levelId.length > 200 ? null : await loaders.level.load(levelId);
  const model = level ? await loaders.model.load(level.modelId) : null;
  if (!level || !model || !canSeeModel(editor, model)) throw missing();
  if (!canEditMapping(editor, model)) {
    throw notPermitted(
      editor,
      model.status === 'PUBLISHED'
        ? 'Only a regional administrator may change the regional crosswalk.'
        : `Only a partnership administrator of ${model.partnershipId} may place its draft's levels on the regional crosswalk.`,
    );
  }
  const mapping = await loaders.mappingByLevel.load(levelId);
  if (!mapping && model.status === 'PUBLISHED') throw missing();
  const span = checkRegionalSpan(edit.regionalLevelIds, await allRegionalLevels(reading));
  if (!span.ok) throw badUserInput(span.problem, 'input.regionalLevelIds');
  const rationale = multiLineText(edit.rationale, 'input.rationale', 2000, { refuseIdentifiers: true });
  const changed = { regionalLevelIds: span.regionalLevelIds, rationale, confidence: edit.confidence, editedBy: editor.subject };
  const schema = (dataSource.options as { schema?: string }).schema ?? 'public';
  const stale = () =>
    conflict(`The mapping for "${levelId}" was changed by someone else since version ${expectedVersion}; read it again and reapply your edit.`);
  await dataSource.transaction(async (manager) => {
    if (model.status === 'DRAFT') {
      // The draft must still be a draft when its mapping changes: publication locks the row first.
      const [row] = await manager.query<{ status: string }[]>(`SELECT status FROM "${schema}"."threshold_model" WHERE id = $1 FOR SHARE`, [model.id]);
      if (row?.status !== 'DRAFT') throw conflict(`${model.id} was published or discarded meanwhile; read it again.`);
    }
    if (!mapping && expectedVersion === 0) {
      // A draft's level placed for the first time; a concurrent first placement makes this a CONFLICT.
      const inserted = await manager.query<unknown[]>(
        `INSERT INTO "${schema}"."crosswalk_mapping" (level_id, regional_level_ids, rationale, confidence, version, edited_by, edited_at, source)
         VALUES ($1, $2, $3, $4, 1, $5, now(), $6) ON CONFLICT (level_id) DO NOTHING RETURNING level_id`,
        [
          levelId,
          changed.regionalLevelIds,
          rationale,
          edit.confidence,
          editor.subject,
          JSON.stringify({
            document: viewOfProvenance(model.source).document,
            section: `Regional crosswalk placement proposed with the draft by ${model.partnershipId}`,
          }),
        ],
      );
      if (inserted.length !== 1) throw stale();
      return;
    }
    // Optimistic lock: the update applies only to the version the caller read.
    const result = await manager
      .createQueryBuilder()
      .update(CrosswalkMappingEntity)
      .set({ ...changed, editedAt: () => 'now()', version: () => 'version + 1' })
      .where('level_id = :levelId AND version = :expectedVersion', { levelId, expectedVersion })
      .execute();
    if (result.affected !== 1) throw stale();
  });
  loaders.mappingByLevel.clear(levelId);
  return dataSource.getRepository(CrosswalkMappingEntity).findOneByOrFail({ levelId });
}
