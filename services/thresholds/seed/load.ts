import type { DataSource, EntityManager } from 'typeorm';
import { CrosswalkMappingEntity, RegionalLevelEntity, ThresholdIndicatorEntity, ThresholdLevelEntity, ThresholdModelEntity } from '../entities';
import { regionalLevels, thresholdModels, type ThresholdModelSeed } from './data';

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

/** Loads the seed data in one transaction when the schema holds no regional level yet. */
export async function seedThresholds(dataSource: DataSource): Promise<void> {
  await dataSource.transaction(async (manager) => {
    if ((await manager.count(RegionalLevelEntity)) > 0) return;
    await manager.insert(RegionalLevelEntity, regionalLevels);
    for (const model of thresholdModels) await insertThresholdModel(manager, model);
  });
}
