import { In, type DataSource } from 'typeorm';
import { loaderByKey, loaderOfMany } from '@safeguarding/subgraph-runtime';
import { CrosswalkMappingEntity, RegionalLevelEntity, ThresholdIndicatorEntity, ThresholdLevelEntity, ThresholdModelEntity } from './entities';

/** Per-request loaders: every relation of this subgraph is one batched query per level of nesting. */
export function createLoaders(dataSource: DataSource) {
  const level = loaderByKey<string, ThresholdLevelEntity>(
    (ids) => dataSource.getRepository(ThresholdLevelEntity).findBy({ id: In([...ids]) }),
    (row) => row.id,
  );
  const model = loaderByKey<string, ThresholdModelEntity>(
    (ids) => dataSource.getRepository(ThresholdModelEntity).findBy({ id: In([...ids]) }),
    (row) => row.id,
  );
  return {
    model,
    /** Every version of each partnership's model, oldest first (an unknown start sorts first). */
    modelsByPartnership: loaderOfMany<string, ThresholdModelEntity>(
      async (partnershipIds) => {
        const rows = await dataSource
          .getRepository(ThresholdModelEntity)
          .createQueryBuilder('model')
          .where('model.partnership_id IN (:...partnershipIds)', { partnershipIds: [...partnershipIds] })
          .orderBy('model.effective_from', 'ASC', 'NULLS FIRST')
          .addOrderBy('model.id', 'ASC')
          .getMany();
        for (const row of rows) model.prime(row.id, row);
        return rows;
      },
      (row) => row.partnershipId,
    ),
    level,
    /** A model's levels, lowest need first; primes `level` so later look-ups by id cost nothing. */
    levelsByModel: loaderOfMany<string, ThresholdLevelEntity>(
      async (modelIds) => {
        const rows = await dataSource.getRepository(ThresholdLevelEntity).find({ where: { modelId: In([...modelIds]) }, order: { rank: 'ASC' } });
        for (const row of rows) level.prime(row.id, row);
        return rows;
      },
      (row) => row.modelId,
    ),
    indicatorsByLevel: loaderOfMany<string, ThresholdIndicatorEntity>(
      (levelIds) => dataSource.getRepository(ThresholdIndicatorEntity).find({ where: { levelId: In([...levelIds]) }, order: { position: 'ASC' } }),
      (row) => row.levelId,
    ),
    mappingByLevel: loaderByKey<string, CrosswalkMappingEntity>(
      (levelIds) => dataSource.getRepository(CrosswalkMappingEntity).findBy({ levelId: In([...levelIds]) }),
      (row) => row.levelId,
    ),
    regionalLevel: loaderByKey<string, RegionalLevelEntity>(
      (ids) => dataSource.getRepository(RegionalLevelEntity).findBy({ id: In([...ids]) }),
      (row) => row.id,
    ),
  };
}

export type ThresholdsLoaders = ReturnType<typeof createLoaders>;
