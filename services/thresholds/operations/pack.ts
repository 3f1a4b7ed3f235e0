import { In, type EntityManager } from 'typeorm';
import type { Caller } from '@safeguarding/auth';
import {
  fieldPath,
  LocatedYaml,
  partnershipThresholdsSection,
  regionalThresholdsSection,
  REGIONAL,
  type PartnershipThresholds,
  type Provenance,
  type RegionalThresholds,
  type SourceCitation,
  type ThresholdLevelPack,
  type ThresholdModelVersionPack,
  packProvenanceOf,
} from '@safeguarding/packs';
import {
  applyPackSection,
  badUserInput,
  exportPackSection,
  forbidden,
  multiLineText,
  reconcileRows,
  singleLineText,
  type PackChange,
  type PackSectionApplied,
  type PackSectionText,
} from '@safeguarding/subgraph-runtime';
import { mayAct } from '../access';
import type { ThresholdsContext } from '../context';
import { CrosswalkMappingEntity, RegionalLevelEntity, ThresholdIndicatorEntity, ThresholdLevelEntity, ThresholdModelEntity, type FrontDoor } from '../entities';
import { checkCrosswalkComplete, checkLevels, checkVersionDates, supersession, type PublishedVersion, type RuleCheck } from '../rules/model-version';
import { checkRegionalSpan } from '../rules/regional-span';

/**
 * The thresholds sections of a pack: the regional scale (regional pack) and a partnership's
 * threshold model (its published versions, levels, indicators and placements on the regional
 * scale). Applying runs the rules draft/publish runs (rules/model-version.ts, rules/regional-span.ts),
 * so a pack cannot publish what the API would refuse:
 * - a version with a new code is published (a pack says what is in force; there is no draft step),
 *   after the date, level and complete-crosswalk checks, and it ends the latest version the day
 *   before it starts (supersession);
 * - a published version's content (title, dates, front door, levels and indicators) is the record
 *   and cannot change or be removed; its notes and provenance can be corrected, and its levels'
 *   placements changed, by whoever may change them through the API (updateCrosswalkMapping:
 *   regional administrators for a published level).
 * Drafts made through the API are not part of a pack and are left alone.
 */

/** Who applies: a caller through the API, or the seed at first start (no caller, no scope check). */
export interface ThresholdsApplier {
  caller: Caller | null;
  /** The pack file's text, so a refusal can say the line and column. */
  text?: string;
}

type Path = (string | number)[];

/** A refusal naming the field (and, when the text is known, its line and column); nothing is written. */
function refusal(applier: ThresholdsApplier, file: string, path: Path, message: string) {
  const field = fieldPath(path);
  const position = applier.text === undefined ? { line: 0, column: 0 } : new LocatedYaml(file, applier.text).positionOf(path);
  return badUserInput(`${file} ${field}: ${message}`, field, { problems: [{ file, ...position, field, message }] });
}

/** A rule's field ("version.levels.2.code") as the pack's path; the API's effectiveFrom is the pack's startDate. */
const RULE_FIELD_NAMES: Record<string, string> = { effectiveFrom: 'startDate', effectiveTo: 'startDate' };
const refuseUnless = (applier: ThresholdsApplier, file: string, at: Path, check: RuleCheck) => {
  if (check.ok) return;
  const steps = check.field
    .split('.')
    .slice(1)
    .map((step) => (/^\d+$/.test(step) ? Number(step) : (RULE_FIELD_NAMES[step] ?? step)));
  throw refusal(applier, file, [...at, ...steps], check.problem);
};

/**
 * The entities still type their `source` column as the older citation; the column holds either
 * shape (federation-contract reads both), and a pack writes the Provenance as it is.
 */
const stored = (value: Provenance): SourceCitation => value as unknown as SourceCitation;

/**
 * A stored source as the pack's provenance, its keys in the schema's order (jsonb reorders them).
 * A version recorded through the API (draft and publish) cites a document by name without a quote:
 * exported as recorded, not checked against a source text (packProvenanceOf).
 */
function provenanceOf(value: SourceCitation | Provenance): Provenance {
  return packProvenanceOf(value);
}

/**
 * Every text in a section passes the checks the API's free text passes (no control, bidi or
 * invisible characters, no half characters, not blank): notes and provenance included, which no
 * mutation takes but a pack does. Refused at the text's line and column.
 */
function checkEveryText(applier: ThresholdsApplier, file: string, value: unknown, at: Path = []): void {
  if (typeof value === 'string') {
    try {
      multiLineText(value, fieldPath(at), 5000);
    } catch (error) {
      throw refusal(applier, file, at, (error as Error).message);
    }
  } else if (Array.isArray(value)) value.forEach((item, index) => checkEveryText(applier, file, item, [...at, index]));
  else if (value && typeof value === 'object') for (const [key, child] of Object.entries(value)) checkEveryText(applier, file, child, [...at, key]);
}

const omitNull = <Value>(value: Value | null | undefined): Value | undefined => (value === null ? undefined : value);

// ---------------------------------------------------------------------------------------------
// Export: rows → the section's value, in a fixed order (the file is the same bytes for the same rows)
// ---------------------------------------------------------------------------------------------

export async function buildRegionalThresholds(manager: EntityManager): Promise<RegionalThresholds> {
  const levels = await manager.find(RegionalLevelEntity, { order: { rank: 'ASC', id: 'ASC' } });
  return {
    regionalLevels: levels.map((level) => ({
      id: level.id,
      rank: level.rank,
      name: level.name,
      description: level.description,
      note: level.provenance,
      provenance: provenanceOf(level.source),
    })),
  };
}

export async function buildPartnershipThresholds(manager: EntityManager, scope: string): Promise<PartnershipThresholds> {
  const models = (await manager.find(ThresholdModelEntity, { where: { partnershipId: scope, status: 'PUBLISHED' } })).sort(
    (a, b) => (a.effectiveFrom ?? '').localeCompare(b.effectiveFrom ?? '') || a.id.localeCompare(b.id),
  );
  const levels = await manager.find(ThresholdLevelEntity, { where: { modelId: In(models.map((model) => model.id)) }, order: { rank: 'ASC' } });
  const levelIds = levels.map((level) => level.id);
  const indicators = await manager.find(ThresholdIndicatorEntity, { where: { levelId: In(levelIds) }, order: { position: 'ASC' } });
  const mappings = new Map((await manager.find(CrosswalkMappingEntity, { where: { levelId: In(levelIds) } })).map((mapping) => [mapping.levelId, mapping]));
  return {
    thresholdModelVersions: models.map((model) => ({
      code: model.id.slice(scope.length + 1),
      title: model.title,
      documentVersion: omitNull(model.documentVersion),
      approvedOn: omitNull(model.approvedOn),
      startDate: omitNull(model.effectiveFrom),
      startDateProvenance: model.effectiveFromSource ? provenanceOf(model.effectiveFromSource) : undefined,
      verified: model.verified,
      note: model.provenance,
      provenance: provenanceOf(model.source),
      frontDoor: model.frontDoor
        ? {
            name: model.frontDoor.name,
            kind: model.frontDoor.kind,
            servesChildren: model.frontDoor.servesChildren,
            servesAdults: model.frontDoor.servesAdults,
            description: model.frontDoor.description,
            provenance: provenanceOf(model.frontDoor.source),
          }
        : undefined,
      levels: levels
        .filter((level) => level.modelId === model.id)
        .map((level): ThresholdLevelPack => {
          const mapping = mappings.get(level.id);
          // Every published level is mapped (publishing checks it); a missing one is a broken database, said plainly.
          if (!mapping) throw new Error(`Published level ${level.id} has no crosswalk mapping; the export cannot say where it sits.`);
          return {
            code: level.code,
            rank: level.rank,
            name: level.name,
            descriptor: omitNull(level.descriptor),
            responses: level.responses,
            assessmentRequired: omitNull(level.assessmentRequired),
            ledBy: omitNull(level.ledBy),
            verified: level.verified,
            note: level.provenance,
            provenance: provenanceOf(level.source),
            responsesProvenance: level.responsesSource ? provenanceOf(level.responsesSource) : undefined,
            indicators: indicators
              .filter((indicator) => indicator.levelId === level.id)
              .map((indicator) => ({ text: indicator.text, provenance: provenanceOf(indicator.source) })),
            regionalPlacement: {
              regionalLevels: mapping.regionalLevelIds,
              rationale: mapping.rationale,
              confidence: mapping.confidence,
              provenance: provenanceOf(mapping.source),
            },
          };
        }),
    })),
  };
}

// ---------------------------------------------------------------------------------------------
// Apply: the regional scale
// ---------------------------------------------------------------------------------------------

const REGIONAL_FILE = 'regional/thresholds.yaml';

export async function applyRegionalThresholds(manager: EntityManager, value: RegionalThresholds, applier: ThresholdsApplier): Promise<PackChange[]> {
  checkEveryText(applier, REGIONAL_FILE, value);
  value.regionalLevels.forEach((level, index) => {
    if (level.rank !== index + 1)
      throw refusal(
        applier,
        REGIONAL_FILE,
        ['regionalLevels', index, 'rank'],
        `regional levels are given lowest first, ranked 1 to n; this one should be ${index + 1}.`,
      );
    singleLineText(level.name, `regionalLevels[${index}].name`, 200);
    multiLineText(level.description, `regionalLevels[${index}].description`, 2000);
  });
  const kept = new Set(value.regionalLevels.map((level) => level.id));
  const used = await manager.find(CrosswalkMappingEntity, {});
  for (const mapping of used) {
    const missing = mapping.regionalLevelIds.find((id) => !kept.has(id));
    if (missing)
      throw refusal(
        applier,
        REGIONAL_FILE,
        ['regionalLevels'],
        `regional level "${missing}" cannot be removed: ${mapping.levelId} is placed on it. Move that placement first (updateCrosswalkMapping or its partnership's pack).`,
      );
  }
  return reconcileRows(
    manager,
    {
      entity: RegionalLevelEntity,
      name: 'RegionalLevel',
      key: (row) => row.id!,
      columns: ['rank', 'name', 'description', 'provenance', 'source'],
      existing: {},
    },
    value.regionalLevels.map((level) => ({
      id: level.id,
      rank: level.rank,
      name: level.name,
      description: level.description,
      provenance: level.note,
      source: stored(level.provenance),
    })),
  );
}

// ---------------------------------------------------------------------------------------------
// Apply: a partnership's threshold model
// ---------------------------------------------------------------------------------------------

/** What a published version fixes for good: compared field by field, the first difference named. */
function contentOf(version: ThresholdModelVersionPack) {
  return {
    title: version.title,
    documentVersion: version.documentVersion ?? null,
    approvedOn: version.approvedOn ?? null,
    startDate: version.startDate ?? null,
    frontDoor: version.frontDoor
      ? {
          name: version.frontDoor.name,
          kind: version.frontDoor.kind,
          servesChildren: version.frontDoor.servesChildren,
          servesAdults: version.frontDoor.servesAdults,
          description: version.frontDoor.description,
        }
      : null,
    levels: version.levels.map((level) => ({
      code: level.code,
      rank: level.rank,
      name: level.name,
      descriptor: level.descriptor ?? null,
      responses: level.responses,
      assessmentRequired: level.assessmentRequired ?? null,
      ledBy: level.ledBy ?? null,
      indicators: level.indicators.map((indicator) => indicator.text),
    })),
  };
}

/** The path of the first difference between two values, or null when they are equal. */
function firstDifference(given: unknown, held: unknown, at: Path = []): Path | null {
  if (Array.isArray(given) && Array.isArray(held)) {
    for (let index = 0; index < Math.max(given.length, held.length); index++) {
      if (index >= given.length || index >= held.length) return at;
      const found = firstDifference(given[index], held[index], [...at, index]);
      if (found) return found;
    }
    return null;
  }
  if (given && held && typeof given === 'object' && typeof held === 'object') {
    for (const key of new Set([...Object.keys(given), ...Object.keys(held)])) {
      const found = firstDifference((given as Record<string, unknown>)[key], (held as Record<string, unknown>)[key], [...at, key]);
      if (found) return found;
    }
    return null;
  }
  return JSON.stringify(given ?? null) === JSON.stringify(held ?? null) ? null : at;
}

/** The free-text checks the API's mutations run on the same fields. */
function checkTexts(version: ThresholdModelVersionPack, at: string) {
  singleLineText(version.title, `${at}.title`, 400);
  if (version.documentVersion) singleLineText(version.documentVersion, `${at}.documentVersion`, 40);
  if (version.frontDoor) {
    singleLineText(version.frontDoor.name, `${at}.frontDoor.name`, 200);
    singleLineText(version.frontDoor.kind, `${at}.frontDoor.kind`, 200);
    multiLineText(version.frontDoor.description, `${at}.frontDoor.description`, 2000);
  }
  version.levels.forEach((level, index) => {
    const levelAt = `${at}.levels[${index}]`;
    singleLineText(level.name, `${levelAt}.name`, 200);
    if (level.descriptor) multiLineText(level.descriptor, `${levelAt}.descriptor`, 2000, { refuseIdentifiers: true });
    if (level.assessmentRequired) singleLineText(level.assessmentRequired, `${levelAt}.assessmentRequired`, 400);
    if (level.ledBy) singleLineText(level.ledBy, `${levelAt}.ledBy`, 200);
    level.indicators.forEach((indicator, position) =>
      multiLineText(indicator.text, `${levelAt}.indicators[${position}].text`, 1000, { refuseIdentifiers: true }),
    );
    multiLineText(level.regionalPlacement.rationale, `${levelAt}.regionalPlacement.rationale`, 2000, { refuseIdentifiers: true });
  });
}

const samePlacement = (mapping: CrosswalkMappingEntity, level: ThresholdLevelPack) =>
  firstDifference(
    { regionalLevelIds: level.regionalPlacement.regionalLevels, rationale: level.regionalPlacement.rationale, confidence: level.regionalPlacement.confidence },
    { regionalLevelIds: mapping.regionalLevelIds, rationale: mapping.rationale, confidence: mapping.confidence },
  ) === null;

export async function applyPartnershipThresholds(
  manager: EntityManager,
  value: PartnershipThresholds,
  scope: string,
  applier: ThresholdsApplier,
): Promise<PackChange[]> {
  const file = `${scope}/thresholds.yaml`;
  checkEveryText(applier, file, value);
  const regionalScale = await manager.find(RegionalLevelEntity, { order: { rank: 'ASC' } });
  // As publishThresholdModelVersion does: a publication through the API and a pack for the same
  // partnership happen one after the other, so each sees the other's latest version.
  const schema = (manager.connection.options as { schema?: string }).schema ?? 'public';
  await manager.query(`SELECT id FROM "${schema}"."threshold_model" WHERE partnership_id = $1 ORDER BY id FOR UPDATE`, [scope]);
  const published = await manager.find(ThresholdModelEntity, { where: { partnershipId: scope, status: 'PUBLISHED' } });
  const held = await buildPartnershipThresholds(manager, scope);
  const heldByCode = new Map(held.thresholdModelVersions.map((version) => [version.code, version]));
  const givenCodes = new Set(value.thresholdModelVersions.map((version) => version.code));
  for (const version of held.thresholdModelVersions) {
    if (!givenCodes.has(version.code))
      throw refusal(
        applier,
        file,
        ['thresholdModelVersions'],
        `the published version "${version.code}" (${scope}.${version.code}) is missing: a published threshold version is the record and cannot be removed; keep it in the pack.`,
      );
  }
  const drafts = await manager.find(ThresholdModelEntity, { where: { partnershipId: scope, status: 'DRAFT' }, select: { id: true } });
  const draftIds = new Set(drafts.map((draft) => draft.id));

  // Versions oldest first; new ones published in that order, each superseding the latest before it.
  const versionsSoFar: PublishedVersion[] = published.map(({ id, effectiveFrom, effectiveTo }) => ({ id, effectiveFrom, effectiveTo }));
  const endDates = new Map(published.map((model) => [model.id, model.effectiveTo]));
  const codes = new Set<string>();
  value.thresholdModelVersions.forEach((version, index) => {
    const at: Path = ['thresholdModelVersions', index];
    const id = `${scope}.${version.code}`;
    if (codes.has(version.code)) throw refusal(applier, file, [...at, 'code'], `version "${version.code}" is given twice; each version needs its own code.`);
    codes.add(version.code);
    const before = heldByCode.get(version.code);
    if (before) {
      const differs = firstDifference(contentOf(version), contentOf(before));
      if (differs) {
        const fieldAt = differs[0] === 'levels' && differs.length > 2 && differs[2] === 'indicators' && differs.length > 3 ? [...differs, 'text'] : differs;
        throw refusal(
          applier,
          file,
          [...at, ...fieldAt],
          `${id} is published and cannot be edited: a published threshold version is immutable (only its notes, provenance and regional placements can be corrected). Add a new version with a new code and a later startDate instead; it is published when the pack is applied.`,
        );
      }
      return;
    }
    if (draftIds.has(id))
      throw refusal(applier, file, [...at, 'code'], `${id} is a draft made through the API; publish or discard it there, or give this version another code.`);
    checkTexts(version, fieldPath(at));
    const dates = { approvedOn: version.approvedOn ?? null, effectiveFrom: version.startDate ?? null, effectiveTo: null };
    const firstEver = versionsSoFar.length === 0 && index === 0;
    if (dates.effectiveFrom === null && !firstEver)
      throw refusal(
        applier,
        file,
        [...at, 'code'],
        `version "${version.code}" has no startDate: only a partnership's first version may leave it out (it then counts as in force since records began). Give the date it comes into force.`,
      );
    if (dates.effectiveFrom !== null) refuseUnless(applier, file, at, checkVersionDates(dates, 'version'));
    refuseUnless(
      applier,
      file,
      at,
      checkLevels(
        version.levels.map((level) => ({ code: level.code, rank: level.rank, name: level.name, indicatorCount: level.indicators.length })),
        'version.levels',
      ),
    );
    version.levels.forEach((level, levelIndex) => {
      const span = checkRegionalSpan(level.regionalPlacement.regionalLevels, regionalScale);
      if (!span.ok) throw refusal(applier, file, [...at, 'levels', levelIndex, 'regionalPlacement', 'regionalLevels'], span.problem);
    });
    const levelIds = version.levels.map((level) => ({ id: `${id}.${level.code}`, name: level.name }));
    refuseUnless(applier, file, [...at, 'levels'], checkCrosswalkComplete(levelIds, new Set(levelIds.map((level) => level.id))));
    if (dates.effectiveFrom !== null) {
      const succession = supersession(versionsSoFar, dates.effectiveFrom);
      if (!succession.ok) throw refusal(applier, file, [...at, 'startDate'], succession.problem);
      if (succession.previous && succession.previousEndsOn) {
        endDates.set(succession.previous.id, succession.previousEndsOn);
        succession.previous.effectiveTo = succession.previousEndsOn;
      }
    }
    versionsSoFar.push({ id, effectiveFrom: dates.effectiveFrom, effectiveTo: null });
    endDates.set(id, null);
  });

  // A published level's placement is the regional administrators' to change (as updateCrosswalkMapping).
  const mayMovePlacements = applier.caller === null || mayAct(applier.caller, 'editCrosswalk');
  const publishedIds = published.map((model) => model.id);
  const heldMappings = new Map(
    (
      await manager
        .getRepository(CrosswalkMappingEntity)
        .createQueryBuilder('mapping')
        .innerJoin(ThresholdLevelEntity, 'level', 'level.id = mapping.level_id')
        .where('level.model_id IN (:...ids)', { ids: publishedIds.length > 0 ? publishedIds : [''] })
        .getMany()
    ).map((mapping) => [mapping.levelId, mapping]),
  );
  const now = new Date();
  const byCode = new Map(published.map((model) => [model.id, model]));

  const models: Partial<ThresholdModelEntity>[] = [];
  const levels: Partial<ThresholdLevelEntity>[] = [];
  const indicators: Partial<ThresholdIndicatorEntity>[] = [];
  const mappings: Partial<CrosswalkMappingEntity>[] = [];
  value.thresholdModelVersions.forEach((version, index) => {
    const id = `${scope}.${version.code}`;
    const existing = byCode.get(id);
    const frontDoor: FrontDoor | null = version.frontDoor
      ? {
          name: version.frontDoor.name,
          kind: version.frontDoor.kind,
          servesChildren: version.frontDoor.servesChildren,
          servesAdults: version.frontDoor.servesAdults,
          description: version.frontDoor.description,
          source: stored(version.frontDoor.provenance),
        }
      : null;
    models.push({
      id,
      partnershipId: scope,
      title: version.title,
      documentVersion: version.documentVersion ?? null,
      approvedOn: version.approvedOn ?? null,
      effectiveFrom: version.startDate ?? null,
      effectiveTo: endDates.get(id) ?? null,
      verified: version.verified,
      provenance: version.note,
      frontDoor,
      source: stored(version.provenance),
      effectiveFromSource: version.startDateProvenance ? stored(version.startDateProvenance) : null,
      ...(existing
        ? {}
        : {
            status: 'PUBLISHED' as const,
            version: 1,
            draftedBy: null,
            publishedBy: applier.caller?.subject ?? null,
            publishedAt: applier.caller ? now : null,
          }),
    });
    version.levels.forEach((level, levelIndex) => {
      const levelId = `${id}.${level.code}`;
      levels.push({
        id: levelId,
        modelId: id,
        code: level.code,
        rank: level.rank,
        name: level.name,
        descriptor: level.descriptor ?? null,
        responses: level.responses,
        assessmentRequired: level.assessmentRequired ?? null,
        ledBy: level.ledBy ?? null,
        verified: level.verified,
        provenance: level.note,
        source: stored(level.provenance),
        responsesSource: level.responsesProvenance ? stored(level.responsesProvenance) : null,
      });
      level.indicators.forEach((indicator, position) =>
        indicators.push({
          id: `${levelId}.${position + 1}`,
          levelId,
          position: position + 1,
          text: indicator.text,
          source: stored(indicator.provenance),
        }),
      );
      const mapping = heldMappings.get(levelId);
      const placement = {
        levelId,
        regionalLevelIds: level.regionalPlacement.regionalLevels,
        rationale: level.regionalPlacement.rationale,
        confidence: level.regionalPlacement.confidence,
        source: stored(level.regionalPlacement.provenance),
      };
      if (mapping && samePlacement(mapping, level)) {
        mappings.push({ ...placement, version: mapping.version, editedBy: mapping.editedBy, editedAt: mapping.editedAt });
        return;
      }
      if (mapping && !mayMovePlacements)
        throw forbidden(
          `${file} thresholdModelVersions[${index}].levels[${levelIndex}].regionalPlacement: where a published level sits on the regional scale is a regional judgement; only a regional-admin may change it (as with updateCrosswalkMapping). Leave the placement as exported, or ask a regional administrator.`,
        );
      if (mapping) {
        multiLineText(placement.rationale, `thresholdModelVersions[${index}].levels[${levelIndex}].regionalPlacement.rationale`, 2000, {
          refuseIdentifiers: true,
        });
        const span = checkRegionalSpan(placement.regionalLevelIds, regionalScale);
        if (!span.ok)
          throw refusal(applier, file, ['thresholdModelVersions', index, 'levels', levelIndex, 'regionalPlacement', 'regionalLevels'], span.problem);
      }
      mappings.push({
        ...placement,
        version: (mapping?.version ?? 0) + 1,
        editedBy: mapping ? (applier.caller?.subject ?? null) : null,
        editedAt: mapping && applier.caller ? now : null,
      });
    });
  });

  const allModelIds = models.map((model) => model.id!);
  const allLevelIds = levels.map((level) => level.id!);
  const heldLevelIds = [...heldMappings.keys()];
  const changes: PackChange[] = [];
  changes.push(
    ...(await reconcileRows(
      manager,
      {
        entity: ThresholdModelEntity,
        name: 'ThresholdModel',
        key: (row) => row.id!,
        columns: [
          'title',
          'documentVersion',
          'approvedOn',
          'effectiveFrom',
          'effectiveTo',
          'verified',
          'provenance',
          'frontDoor',
          'source',
          'effectiveFromSource',
        ],
        existing: { partnershipId: scope, status: 'PUBLISHED' },
      },
      models,
    )),
  );
  changes.push(
    ...(await reconcileRows(
      manager,
      {
        entity: ThresholdLevelEntity,
        name: 'ThresholdLevel',
        key: (row) => row.id!,
        columns: ['verified', 'provenance', 'source', 'responsesSource'],
        existing: { modelId: In(publishedIds.length > 0 ? publishedIds : allModelIds) },
      },
      levels,
    )),
  );
  changes.push(
    ...(await reconcileRows(
      manager,
      {
        entity: ThresholdIndicatorEntity,
        name: 'ThresholdIndicator',
        key: (row) => row.id!,
        columns: ['source'],
        existing: { levelId: In(heldLevelIds.length > 0 ? heldLevelIds : allLevelIds) },
      },
      indicators,
    )),
  );
  changes.push(
    ...(await reconcileRows(
      manager,
      {
        entity: CrosswalkMappingEntity,
        name: 'CrosswalkMapping',
        key: (row) => row.levelId!,
        columns: ['regionalLevelIds', 'rationale', 'confidence', 'source', 'version', 'editedBy', 'editedAt'],
        existing: { levelId: In(heldLevelIds.length > 0 ? heldLevelIds : allLevelIds) },
      },
      mappings,
    )),
  );
  return changes;
}

// ---------------------------------------------------------------------------------------------
// The query and the mutation
// ---------------------------------------------------------------------------------------------

/** thresholdsPackSection: the section as the platform holds it, as the file's text. */
export function thresholdsPackSection(context: ThresholdsContext, scope: string): Promise<PackSectionText> {
  return scope === REGIONAL
    ? exportPackSection(context, regionalThresholdsSection, scope, (manager) => buildRegionalThresholds(manager))
    : exportPackSection(context, partnershipThresholdsSection, scope, (manager) => buildPartnershipThresholds(manager, scope));
}

/** applyThresholdsPackSection: checks, writes atomically (or, in a dry run, only reports) what changes. */
export async function applyThresholdsPackSection(
  context: ThresholdsContext,
  { scope, text, dryRun }: { scope: string; text: string; dryRun: boolean },
): Promise<PackSectionApplied> {
  const applier: ThresholdsApplier = { caller: context.caller, text };
  const applied =
    scope === REGIONAL
      ? await applyPackSection<RegionalThresholds>(context, {
          definition: regionalThresholdsSection,
          scope,
          text,
          dryRun,
          apply: (manager, value) => applyRegionalThresholds(manager, value, applier),
        })
      : await applyPackSection<PartnershipThresholds>(context, {
          definition: partnershipThresholdsSection,
          scope,
          text,
          dryRun,
          apply: (manager, value) => applyPartnershipThresholds(manager, value, scope, applier),
        });
  if (!dryRun) {
    context.loaders.modelsByPartnership.clearAll();
    context.loaders.model.clearAll();
  }
  return applied;
}
