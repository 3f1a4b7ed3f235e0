import fs from 'node:fs';
import path from 'node:path';
import type { DataSource, EntityManager } from 'typeorm';
import {
  packFolders,
  partnershipThresholdsSection,
  readPackFile,
  regionalThresholdsSection,
  formatProblem,
  sectionFile,
  REGIONAL,
  type PartnershipThresholds,
  type RegionalThresholds,
  type SourceCitation,
} from '@safeguarding/packs';
import {
  CrosswalkMappingEntity,
  RegionalLevelEntity,
  ThresholdIndicatorEntity,
  ThresholdLevelEntity,
  ThresholdModelEntity,
  type FrontDoor,
  type MappingConfidence,
  type ThresholdResponse,
} from '../entities';
import { applyPartnershipThresholds, applyRegionalThresholds } from '../operations/pack';

/**
 * The platform's threshold facts live in packs/ (packs/regional/thresholds.yaml: the regional
 * scale; packs/<slug>/thresholds.yaml: each partnership's model). The seed applies them with the
 * same functions applyThresholdsPackSection uses, so a pack that loads at first start is one the
 * API would accept. There is no synthetic history to generate for thresholds.
 */

/** A model version as rows, for tests that insert versions the API could not make (e.g. many at once). */
export interface IndicatorSeed {
  text: string;
  source: SourceCitation;
}
export interface CrosswalkSeed {
  regionalLevelIds: string[];
  rationale: string;
  confidence: MappingConfidence;
  source: SourceCitation;
}
export interface LevelSeed {
  code: string;
  rank: number;
  name: string;
  descriptor: string | null;
  responses: ThresholdResponse[];
  assessmentRequired: string | null;
  ledBy: string | null;
  verified: boolean;
  provenance: string;
  indicators: IndicatorSeed[];
  crosswalk: CrosswalkSeed;
  source: SourceCitation;
}
export interface ThresholdModelSeed {
  id: string;
  partnershipId: string;
  title: string;
  documentVersion: string | null;
  approvedOn: string | null;
  effectiveFrom: string | null;
  effectiveTo: string | null;
  verified: boolean;
  provenance: string;
  frontDoor: FrontDoor | null;
  levels: LevelSeed[];
  source: SourceCitation;
}

/** Inserts one model version with its levels, indicators and crosswalk mappings (seed and tests). */
export async function insertThresholdModel(manager: EntityManager, model: ThresholdModelSeed): Promise<void> {
  await manager.insert(ThresholdModelEntity, {
    id: model.id,
    partnershipId: model.partnershipId,
    title: model.title,
    documentVersion: model.documentVersion,
    approvedOn: model.approvedOn,
    effectiveFrom: model.effectiveFrom,
    effectiveTo: model.effectiveTo,
    verified: model.verified,
    provenance: model.provenance,
    frontDoor: model.frontDoor,
    source: model.source,
  });
  const levels = model.levels.map((level) => ({ ...level, id: `${model.id}.${level.code}` }));
  await manager.insert(
    ThresholdLevelEntity,
    levels.map((level) => ({
      id: level.id,
      modelId: model.id,
      code: level.code,
      rank: level.rank,
      name: level.name,
      descriptor: level.descriptor,
      responses: level.responses,
      assessmentRequired: level.assessmentRequired,
      ledBy: level.ledBy,
      verified: level.verified,
      provenance: level.provenance,
      source: level.source,
    })),
  );
  const indicators = levels.flatMap((level) =>
    level.indicators.map((indicator, index) => ({
      id: `${level.id}.${index + 1}`,
      levelId: level.id,
      position: index + 1,
      text: indicator.text,
      source: indicator.source,
    })),
  );
  if (indicators.length > 0) await manager.insert(ThresholdIndicatorEntity, indicators);
  await manager.insert(
    CrosswalkMappingEntity,
    levels.map((level) => ({
      levelId: level.id,
      regionalLevelIds: level.crosswalk.regionalLevelIds,
      rationale: level.crosswalk.rationale,
      confidence: level.crosswalk.confidence,
      version: 1,
      editedBy: null,
      editedAt: null,
      source: level.crosswalk.source,
    })),
  );
}

/** A pack's thresholds section read against its schema; a broken pack stops the start, saying where. */
function readSection<Value>(folder: string, definition: typeof regionalThresholdsSection | typeof partnershipThresholdsSection): Value | undefined {
  const file = path.join(folder, sectionFile('thresholds'));
  if (!fs.existsSync(file)) return undefined;
  const read = readPackFile(file, fs.readFileSync(file, 'utf8'), definition.schema);
  if (read.value === undefined) {
    throw new Error(`The thresholds pack ${file} cannot be loaded; correct it and start again:\n${read.problems.map(formatProblem).join('\n')}`);
  }
  return read.value as Value;
}

/**
 * Loads every pack's thresholds section (the regional scale first) in one transaction, when the
 * schema holds no regional level yet; at first start there is no caller, so no scope check.
 */
export async function seedThresholds(dataSource: DataSource, folders = packFolders()): Promise<void> {
  await dataSource.transaction(async (manager) => {
    if ((await manager.count(RegionalLevelEntity)) > 0) return;
    for (const folder of folders) {
      const scope = path.basename(folder);
      if (scope === REGIONAL) {
        const value = readSection<RegionalThresholds>(folder, regionalThresholdsSection);
        if (value) await applyRegionalThresholds(manager, value, { caller: null });
      } else {
        const value = readSection<PartnershipThresholds>(folder, partnershipThresholdsSection);
        if (value) await applyPartnershipThresholds(manager, value, scope, { caller: null });
      }
    }
  });
}
