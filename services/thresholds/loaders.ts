import type { DataSource } from 'typeorm';
import { loaderByKey, loaderOfMany, rowsWhereAnyOf } from '@safeguarding/subgraph-runtime';
import {
  CrosswalkMappingEntity,
  RegionalLevelEntity,
  ThresholdIndicatorEntity,
  ThresholdLevelEntity,
  ThresholdModelEntity,
  type ThresholdModelStatus,
} from './entities';

/** Per-request loaders: every relation of this subgraph is one batched query per level of nesting. */
export function createLoaders(dataSource: DataSource) {
  const level = loaderByKey<string, ThresholdLevelEntity>(
    (ids) => rowsWhereAnyOf(dataSource, ThresholdLevelEntity, 'id', ids),
    (row) => row.id,
  );
  const model = loaderByKey<string, ThresholdModelEntity>(
    (ids) => rowsWhereAnyOf(dataSource, ThresholdModelEntity, 'id', ids),
    (row) => row.id,
  );
  const modelsOf = async (partnershipIds: readonly string[], status: ThresholdModelStatus) => {
    const rows = await dataSource
      .getRepository(ThresholdModelEntity)
      .createQueryBuilder('model')
      .where('model.partnership_id IN (:...partnershipIds) AND model.status = :status', { partnershipIds: [...partnershipIds], status })
      .orderBy('model.effective_from', 'ASC', 'NULLS FIRST')
      .addOrderBy('model.id', 'ASC')
      .getMany();
    for (const row of rows) model.prime(row.id, row);
    return rows;
  };
  return {
    model,
    /**
     * Every published version of each partnership's model, oldest first (an unknown start sorts
     * first): what as-of questions are answered from. Drafts are never in force.
     */
    modelsByPartnership: loaderOfMany<string, ThresholdModelEntity>(
      (partnershipIds) => modelsOf(partnershipIds, 'PUBLISHED'),
      (row) => row.partnershipId,
    ),
    /** Each partnership's drafts, oldest first; the resolver shows them only inside the partnership. */
    draftsByPartnership: loaderOfMany<string, ThresholdModelEntity>(
      (partnershipIds) => modelsOf(partnershipIds, 'DRAFT'),
      (row) => row.partnershipId,
    ),
    level,
    /** A model's levels, lowest need first; primes `level` so later look-ups by id cost nothing. */
    levelsByModel: loaderOfMany<string, ThresholdLevelEntity>(
      async (modelIds) => {
        const rows = await rowsWhereAnyOf(dataSource, ThresholdLevelEntity, 'modelId', modelIds, ['rank']);
        for (const row of rows) level.prime(row.id, row);
        return rows;
      },
      (row) => row.modelId,
    ),
    indicatorsByLevel: loaderOfMany<string, ThresholdIndicatorEntity>(
      (levelIds) => rowsWhereAnyOf(dataSource, ThresholdIndicatorEntity, 'levelId', levelIds, ['position']),
      (row) => row.levelId,
    ),
    mappingByLevel: loaderByKey<string, CrosswalkMappingEntity>(
      (levelIds) => rowsWhereAnyOf(dataSource, CrosswalkMappingEntity, 'levelId', levelIds),
      (row) => row.levelId,
    ),
    regionalLevel: loaderByKey<string, RegionalLevelEntity>(
      (ids) => rowsWhereAnyOf(dataSource, RegionalLevelEntity, 'id', ids),
      (row) => row.id,
    ),
  };
}

export type ThresholdsLoaders = ReturnType<typeof createLoaders>;
