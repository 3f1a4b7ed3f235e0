import { RegionalLevelEntity } from '../entities';
import type { ThresholdsOperationContext } from '../context';

/** The whole regional scale, lowest first; primes the loader so mappings reuse the rows. */
export async function allRegionalLevels({ dataSource, loaders }: Pick<ThresholdsOperationContext, 'dataSource' | 'loaders'>): Promise<RegionalLevelEntity[]> {
  const levels = await dataSource.getRepository(RegionalLevelEntity).find({ order: { rank: 'ASC' } });
  for (const level of levels) loaders.regionalLevel.prime(level.id, level);
  return levels;
}
