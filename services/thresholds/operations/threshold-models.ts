import { ThresholdModelEntity, type ThresholdIndicatorEntity } from '../entities';
import type { ThresholdsOperationContext } from '../context';
import type { IndicatorSearchResultShape } from '../models';
import { modelInForce } from '../rules/model-in-force';

type Reading = Pick<ThresholdsOperationContext, 'dataSource' | 'loaders'>;

/** Each partnership's versions, grouped, in the order given. */
function versionsByPartnership(models: ThresholdModelEntity[]): Map<string, ThresholdModelEntity[]> {
  const byPartnership = new Map<string, ThresholdModelEntity[]>();
  for (const model of models) byPartnership.set(model.partnershipId, [...(byPartnership.get(model.partnershipId) ?? []), model]);
  return byPartnership;
}

/**
 * Published threshold models of one partnership (or of all, by partnership then start): every
 * version, or the one in force on `asOf` for each partnership. Drafts are never listed here.
 */
export async function thresholdModels(
  { partnershipId, asOf, allVersions }: { partnershipId: string | null; asOf: string; allVersions: boolean },
  { dataSource, loaders }: Reading,
): Promise<ThresholdModelEntity[]> {
  const models =
    partnershipId !== null
      ? await loaders.modelsByPartnership.load(partnershipId)
      : await dataSource
          .getRepository(ThresholdModelEntity)
          .createQueryBuilder('model')
          .where("model.status = 'PUBLISHED'")
          .orderBy('model.partnership_id', 'ASC')
          .addOrderBy('model.effective_from', 'ASC', 'NULLS FIRST')
          .getMany();
  if (allVersions) return models;
  return [...versionsByPartnership(models).values()]
    .map((versions) => modelInForce(versions, asOf))
    .filter((model): model is ThresholdModelEntity => model !== null);
}

/**
 * Indicators matching plain words, best first, among the published model versions in force on
 * `today` (a superseded version's indicators would mislead, a draft's are not yet the record), of
 * one partnership or all.
 */
export async function searchIndicators(
  { text, partnershipId, limit, today }: { text: string; partnershipId: string | null; limit: number; today: string },
  { dataSource }: Pick<ThresholdsOperationContext, 'dataSource'>,
): Promise<IndicatorSearchResultShape[]> {
  const models = await dataSource.getRepository(ThresholdModelEntity).findBy({ status: 'PUBLISHED' });
  const modelIds = [...versionsByPartnership(models).entries()]
    .filter(([id]) => partnershipId === null || id === partnershipId)
    .map(([, versions]) => modelInForce(versions, today)?.id)
    .filter((id): id is string => id !== undefined);
  if (modelIds.length === 0) return [];
  const schema = (dataSource.options as { schema?: string }).schema ?? 'public';
  // The search text is a bound parameter, parsed by websearch_to_tsquery: never SQL, never a raw tsquery.
  const found: (Omit<ThresholdIndicatorEntity, 'levelId'> & { level_id: string; rank: number })[] = await dataSource.query(
    `SELECT indicator.id, indicator.level_id, indicator.position, indicator.text, indicator.source,
            ts_rank(indicator.search_vector, query) AS rank
       FROM "${schema}"."threshold_indicator" indicator
       JOIN "${schema}"."threshold_level" level ON level.id = indicator.level_id,
            websearch_to_tsquery('english', $1) query
      WHERE indicator.search_vector @@ query AND level.model_id = ANY($2::text[])
      ORDER BY rank DESC, indicator.id ASC
      LIMIT $3`,
    [text, modelIds, limit],
  );
  return found.map(({ level_id, rank, ...indicator }) => ({ indicator: { ...indicator, levelId: level_id }, rank: Number(rank) }));
}
