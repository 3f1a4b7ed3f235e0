import type { EntityManager } from 'typeorm';
import type { Caller } from '@safeguarding/auth';
import { type SourceCitation, viewOfProvenance } from '@safeguarding/packs';
import { badUserInput, conflict, isUniqueViolation, multiLineText, notFound, notPermitted, singleLineText } from '@safeguarding/subgraph-runtime';
import { canEditModelVersions, canSeeModel } from '../access';
import type { ThresholdsOperationContext } from '../context';
import {
  CrosswalkMappingEntity,
  ThresholdIndicatorEntity,
  ThresholdLevelEntity,
  ThresholdModelEntity,
  type FrontDoor,
  type MappingConfidence,
  type ThresholdResponse,
} from '../entities';
import {
  checkCrosswalkComplete,
  checkEditable,
  checkLevels,
  checkVersionDates,
  supersession,
  type RuleCheck,
  type VersionChange,
} from '../rules/model-version';
import { checkRegionalSpan, type RankedRegionalLevel } from '../rules/regional-span';
import { allRegionalLevels } from './regional-scale';

type Reading = Pick<ThresholdsOperationContext, 'dataSource' | 'loaders'>;

/** What the API takes for a version; the GraphQL inputs have this shape. */
export interface FrontDoorInput {
  name: string;
  kind: string;
  servesChildren: boolean;
  servesAdults: boolean;
  description: string;
}
export interface CrosswalkInput {
  regionalLevelIds: readonly string[];
  rationale: string;
  confidence: MappingConfidence;
}
export interface LevelInput {
  code: string;
  rank: number;
  name: string;
  descriptor?: string | null;
  responses: readonly ThresholdResponse[];
  assessmentRequired?: string | null;
  ledBy?: string | null;
  indicators: readonly string[];
  crosswalk?: CrosswalkInput | null;
}
export interface DraftInput {
  code: string;
  title: string;
  documentVersion?: string | null;
  approvedOn?: string | null;
  effectiveFrom: string;
  effectiveTo?: string | null;
  frontDoor?: FrontDoorInput | null;
  levels: readonly LevelInput[];
  sourceDocument?: string | null;
}
/** Only the fields present change; `frontDoor: null` removes it. */
export type DraftChanges = { [K in Exclude<keyof DraftInput, 'code'>]?: DraftInput[K] | null };

const VERSION_CODE = /^[a-z0-9][a-z0-9-]{0,39}$/;

const refuseUnless = (check: RuleCheck): void => {
  if (!check.ok) throw badUserInput(check.problem, check.field);
};

const optionalLine = (value: string | null | undefined, field: string, maximum: number) => (value == null ? null : singleLineText(value, field, maximum));

// ---------------------------------------------------------------------------------------------
// Checking what was sent: every check runs before anything is written
// ---------------------------------------------------------------------------------------------

interface PreparedLevel {
  row: Omit<ThresholdLevelEntity, 'modelId'>;
  indicators: string[];
  crosswalk: { regionalLevelIds: string[]; rationale: string; confidence: MappingConfidence } | null;
}

function prepareFrontDoor(frontDoor: FrontDoorInput, field: string, source: SourceCitation): FrontDoor {
  return {
    name: singleLineText(frontDoor.name, `${field}.name`, 200),
    kind: singleLineText(frontDoor.kind, `${field}.kind`, 200),
    servesChildren: frontDoor.servesChildren,
    servesAdults: frontDoor.servesAdults,
    description: multiLineText(frontDoor.description, `${field}.description`, 2000),
    source,
  };
}

function prepareLevels(
  modelId: string,
  levels: readonly LevelInput[],
  regionalScale: readonly RankedRegionalLevel[],
  provenance: string,
  source: SourceCitation,
): PreparedLevel[] {
  const prepared = levels.map((level, index) => {
    const at = `input.levels.${index}`;
    return { level, at, name: singleLineText(level.name, `${at}.name`, 200) };
  });
  refuseUnless(checkLevels(prepared.map(({ level, name }) => ({ code: level.code, rank: level.rank, name, indicatorCount: level.indicators.length }))));
  return prepared.map(({ level, at, name }) => {
    let crosswalk: PreparedLevel['crosswalk'] = null;
    if (level.crosswalk) {
      const span = checkRegionalSpan(level.crosswalk.regionalLevelIds, regionalScale);
      if (!span.ok) throw badUserInput(span.problem, `${at}.crosswalk.regionalLevelIds`);
      crosswalk = {
        regionalLevelIds: span.regionalLevelIds,
        rationale: multiLineText(level.crosswalk.rationale, `${at}.crosswalk.rationale`, 2000, { refuseIdentifiers: true }),
        confidence: level.crosswalk.confidence,
      };
    }
    return {
      row: {
        id: `${modelId}.${level.code}`,
        code: level.code,
        rank: level.rank,
        name,
        descriptor: level.descriptor == null ? null : multiLineText(level.descriptor, `${at}.descriptor`, 2000, { refuseIdentifiers: true }),
        responses: [...new Set(level.responses)],
        assessmentRequired: optionalLine(level.assessmentRequired, `${at}.assessmentRequired`, 400),
        ledBy: optionalLine(level.ledBy, `${at}.ledBy`, 200),
        verified: true,
        provenance,
        source,
        // Entered by the partnership as the document states them: the level's source covers them.
        responsesSource: null,
      },
      indicators: level.indicators.map((text, position) => multiLineText(text, `${at}.indicators.${position}`, 1000, { refuseIdentifiers: true })),
      crosswalk,
    };
  });
}

/** How a version recorded through the API says where it comes from. */
function recordedFrom(partnershipId: string, title: string, documentVersion: string | null, sourceDocument: string | null) {
  const document = `"${title}"${documentVersion ? ` ${documentVersion}` : ''}`;
  return {
    modelProvenance: `Recorded through the API by a partnership administrator of ${partnershipId} from ${document}.`,
    levelProvenance: `As ${document} states it, entered by the partnership.`,
    source: { document: sourceDocument ?? title, section: documentVersion ? `Version ${documentVersion}` : 'Threshold document' } satisfies SourceCitation,
  };
}

// ---------------------------------------------------------------------------------------------
// Writing levels, indicators and mappings
// ---------------------------------------------------------------------------------------------

async function insertLevels(manager: EntityManager, modelId: string, levels: PreparedLevel[], kept: Map<string, CrosswalkMappingEntity>, editor: Caller) {
  await manager.insert(
    ThresholdLevelEntity,
    levels.map(({ row }) => ({ ...row, modelId })),
  );
  const indicators = levels.flatMap(({ row, indicators: texts }) =>
    texts.map((text, index) => ({ id: `${row.id}.${index + 1}`, levelId: row.id, position: index + 1, text, source: row.source })),
  );
  if (indicators.length > 0) await manager.insert(ThresholdIndicatorEntity, indicators);
  const mappings = levels.flatMap(({ row, crosswalk }) => {
    const before = kept.get(row.id);
    if (!crosswalk) return before ? [before] : [];
    return [
      {
        levelId: row.id,
        ...crosswalk,
        version: (before?.version ?? 0) + 1,
        editedBy: editor.subject,
        editedAt: new Date(),
        source: {
          document: viewOfProvenance(row.source).document,
          section: `Regional crosswalk placement proposed with the draft by ${modelId.split('.')[0]}`,
        },
      },
    ];
  });
  if (mappings.length > 0) await manager.insert(CrosswalkMappingEntity, mappings);
}

// ---------------------------------------------------------------------------------------------
// The mutations
// ---------------------------------------------------------------------------------------------

/**
 * Starts a new version of a partnership's threshold model as a draft (version 1). Only the
 * partnership's administrators (FORBIDDEN otherwise); every field is checked before anything is
 * written, and a code the partnership has used already is refused.
 */
export async function draftThresholdModelVersion(editor: Caller, partnershipId: string, input: DraftInput, reading: Reading): Promise<ThresholdModelEntity> {
  if (!canEditModelVersions(editor, partnershipId)) {
    throw notPermitted(editor, `Only a partnership administrator of ${partnershipId} may draft its threshold model versions.`);
  }
  if (!VERSION_CODE.test(input.code)) {
    throw badUserInput(
      `input.code "${input.code.slice(0, 60)}" is not a version slug, e.g. 2027 or v3-1 (lowercase, digits and hyphens, at most 40).`,
      'input.code',
    );
  }
  const id = `${partnershipId}.${input.code}`;
  const title = singleLineText(input.title, 'input.title', 400);
  const documentVersion = optionalLine(input.documentVersion, 'input.documentVersion', 40);
  const sourceDocument = optionalLine(input.sourceDocument, 'input.sourceDocument', 400);
  const dates = { approvedOn: input.approvedOn ?? null, effectiveFrom: input.effectiveFrom, effectiveTo: input.effectiveTo ?? null };
  refuseUnless(checkVersionDates(dates));
  const { modelProvenance, levelProvenance, source } = recordedFrom(partnershipId, title, documentVersion, sourceDocument);
  const frontDoor = input.frontDoor ? prepareFrontDoor(input.frontDoor, 'input.frontDoor', source) : null;
  const levels = prepareLevels(id, input.levels, await allRegionalLevels(reading), levelProvenance, source);
  const { dataSource, loaders } = reading;
  try {
    await dataSource.transaction(async (manager) => {
      await manager.insert(ThresholdModelEntity, {
        id,
        partnershipId,
        title,
        documentVersion,
        ...dates,
        verified: true,
        provenance: modelProvenance,
        frontDoor,
        source,
        status: 'DRAFT',
        version: 1,
        draftedBy: editor.subject,
        publishedBy: null,
        publishedAt: null,
      });
      await insertLevels(manager, id, levels, new Map(), editor);
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw badUserInput(`${partnershipId} already has a threshold model version "${input.code}"; choose another code.`, 'input.code');
    throw error;
  }
  loaders.model.clear(id);
  loaders.draftsByPartnership.clear(partnershipId);
  return dataSource.getRepository(ThresholdModelEntity).findOneByOrFail({ id });
}

/**
 * The version a caller means to change: NOT_FOUND when it does not exist or is a draft the caller
 * may not see (an outsider cannot learn a draft exists), FORBIDDEN for a caller who sees it but is
 * not its partnership's administrator, BAD_USER_INPUT when it is published (immutable).
 */
export async function versionToChange(editor: Caller, id: string, change: VersionChange, { loaders }: Reading): Promise<ThresholdModelEntity> {
  const model = id.length > 128 ? null : await loaders.model.load(id);
  if (!model || !canSeeModel(editor, model)) {
    throw notFound(`No threshold model version "${id.slice(0, 80)}"; query partnership { thresholdModelDrafts { id } } for your partnership's drafts.`);
  }
  if (!canEditModelVersions(editor, model.partnershipId)) {
    throw notPermitted(editor, `Only a partnership administrator of ${model.partnershipId} may change its threshold model versions.`);
  }
  refuseUnless(checkEditable(model, change));
  return model;
}

const stale = (id: string, expectedVersion: number) =>
  conflict(`The draft ${id} was changed by someone else since version ${expectedVersion} (or published or discarded); read it again and reapply your change.`);

/**
 * Changes a draft under an optimistic lock. Only the fields given change; levels, when given,
 * replace every level, and a level keeping its code keeps its crosswalk mapping unless a new one
 * is given. The merged version is checked as a whole before anything is written.
 */
export async function updateThresholdModelDraft(
  editor: Caller,
  { id, expectedVersion, changes }: { id: string; expectedVersion: number; changes: DraftChanges },
  reading: Reading,
): Promise<ThresholdModelEntity> {
  const model = await versionToChange(editor, id, 'edit', reading);
  const given = Object.entries(changes).filter(([, value]) => value !== undefined);
  if (given.length === 0) throw badUserInput('Give at least one field to change.', 'input');
  for (const field of ['title', 'effectiveFrom', 'levels'] as const) {
    if (changes[field] === null) throw badUserInput(`input.${field} cannot be removed; give a new value or leave it out.`, `input.${field}`);
  }
  const title = changes.title != null ? singleLineText(changes.title, 'input.title', 400) : model.title;
  const documentVersion = changes.documentVersion !== undefined ? optionalLine(changes.documentVersion, 'input.documentVersion', 40) : model.documentVersion;
  const sourceDocument =
    changes.sourceDocument !== undefined
      ? optionalLine(changes.sourceDocument, 'input.sourceDocument', 400)
      : viewOfProvenance(model.source).document === model.title
        ? null
        : viewOfProvenance(model.source).document;
  const dates = {
    approvedOn: changes.approvedOn !== undefined ? changes.approvedOn : model.approvedOn,
    effectiveFrom: changes.effectiveFrom ?? model.effectiveFrom,
    effectiveTo: changes.effectiveTo !== undefined ? changes.effectiveTo : model.effectiveTo,
  };
  refuseUnless(checkVersionDates(dates));
  const { modelProvenance, levelProvenance, source } = recordedFrom(model.partnershipId, title, documentVersion, sourceDocument);
  const frontDoor =
    changes.frontDoor === undefined
      ? model.frontDoor && { ...model.frontDoor, source }
      : changes.frontDoor === null
        ? null
        : prepareFrontDoor(changes.frontDoor, 'input.frontDoor', source);
  const levels = changes.levels ? prepareLevels(id, changes.levels, await allRegionalLevels(reading), levelProvenance, source) : null;
  const { dataSource, loaders } = reading;
  await dataSource.transaction(async (manager) => {
    // Optimistic lock, and only while a draft: a publication in between makes this a CONFLICT.
    const result = await manager
      .createQueryBuilder()
      .update(ThresholdModelEntity)
      .set({ title, documentVersion, ...dates, frontDoor, provenance: modelProvenance, source, version: () => 'version + 1' })
      .where("id = :id AND version = :expectedVersion AND status = 'DRAFT'", { id, expectedVersion })
      .execute();
    if (result.affected !== 1) throw stale(id, expectedVersion);
    if (levels) {
      const before = await manager
        .getRepository(CrosswalkMappingEntity)
        .createQueryBuilder('mapping')
        .innerJoin(ThresholdLevelEntity, 'level', 'level.id = mapping.level_id')
        .where('level.model_id = :id', { id })
        .getMany();
      const keptCodes = new Set(levels.map(({ row }) => row.id));
      const kept = new Map(before.filter((mapping) => keptCodes.has(mapping.levelId)).map((mapping) => [mapping.levelId, mapping]));
      // Levels go with their indicators and mappings (ON DELETE CASCADE); the kept mappings are written back.
      await manager.delete(ThresholdLevelEntity, { modelId: id });
      await insertLevels(manager, id, levels, kept, editor);
    } else {
      // The levels' provenance and source follow the title and document version.
      await manager.update(ThresholdLevelEntity, { modelId: id }, { provenance: levelProvenance, source });
    }
  });
  loaders.model.clear(id);
  loaders.levelsByModel.clear(id);
  return dataSource.getRepository(ThresholdModelEntity).findOneByOrFail({ id });
}

/** Deletes a draft with its levels, indicators and mappings, under an optimistic lock. */
export async function discardThresholdModelDraft(
  editor: Caller,
  { id, expectedVersion }: { id: string; expectedVersion: number },
  reading: Reading,
): Promise<string> {
  const model = await versionToChange(editor, id, 'discard', reading);
  const result = await reading.dataSource
    .createQueryBuilder()
    .delete()
    .from(ThresholdModelEntity)
    .where("id = :id AND version = :expectedVersion AND status = 'DRAFT'", { id, expectedVersion })
    .execute();
  if (result.affected !== 1) throw stale(id, expectedVersion);
  reading.loaders.model.clear(id);
  reading.loaders.draftsByPartnership.clear(model.partnershipId);
  return id;
}

/**
 * Publishes a draft: the version becomes the record (immutable), and the latest published version
 * ends the day before the new one comes into force. In one transaction that first locks the
 * partnership's versions, so two publications for one partnership happen one after the other and
 * the second sees the first. Refused, with nothing changed: a stale version (CONFLICT), a level
 * not on the regional crosswalk, a date not after the latest published version's.
 */
export async function publishThresholdModelVersion(
  editor: Caller,
  { id, expectedVersion }: { id: string; expectedVersion: number },
  reading: Reading,
): Promise<ThresholdModelEntity> {
  const model = await versionToChange(editor, id, 'publish', reading);
  const { dataSource, loaders } = reading;
  const schema = (dataSource.options as { schema?: string }).schema ?? 'public';
  const previousId = await dataSource.transaction(async (manager) => {
    await manager.query(`SELECT id FROM "${schema}"."threshold_model" WHERE partnership_id = $1 ORDER BY id FOR UPDATE`, [model.partnershipId]);
    const draft = await manager.findOneBy(ThresholdModelEntity, { id });
    if (!draft || draft.version !== expectedVersion) throw stale(id, expectedVersion);
    refuseUnless(checkEditable(draft, 'publish'));
    const levels = await manager.findBy(ThresholdLevelEntity, { modelId: id });
    if (levels.length === 0) throw badUserInput(`${id} has no levels; add them with updateThresholdModelDraft before publishing.`, 'id');
    const mapped = await manager
      .getRepository(CrosswalkMappingEntity)
      .createQueryBuilder('mapping')
      .innerJoin(ThresholdLevelEntity, 'level', 'level.id = mapping.level_id')
      .where('level.model_id = :id', { id })
      .getMany();
    refuseUnless(
      checkCrosswalkComplete(
        levels.sort((a, b) => a.rank - b.rank),
        new Set(mapped.map((mapping) => mapping.levelId)),
      ),
    );
    const published = await manager.findBy(ThresholdModelEntity, { partnershipId: model.partnershipId, status: 'PUBLISHED' });
    // Every write of a draft checked its dates (checkVersionDates), so it has an effectiveFrom.
    const succession = supersession(published, draft.effectiveFrom!);
    if (!succession.ok) throw badUserInput(succession.problem, 'id');
    if (succession.previous && succession.previousEndsOn) {
      await manager.update(ThresholdModelEntity, { id: succession.previous.id }, { effectiveTo: succession.previousEndsOn });
    }
    const result = await manager
      .createQueryBuilder()
      .update(ThresholdModelEntity)
      .set({ status: 'PUBLISHED', publishedBy: editor.subject, publishedAt: () => 'now()', version: () => 'version + 1' })
      .where("id = :id AND version = :expectedVersion AND status = 'DRAFT'", { id, expectedVersion })
      .execute();
    if (result.affected !== 1) throw stale(id, expectedVersion);
    return succession.previous?.id ?? null;
  });
  loaders.model.clear(id);
  if (previousId) loaders.model.clear(previousId);
  loaders.modelsByPartnership.clear(model.partnershipId);
  loaders.draftsByPartnership.clear(model.partnershipId);
  return dataSource.getRepository(ThresholdModelEntity).findOneByOrFail({ id });
}
