import { badUserInput, boundedText, slugArgument, todayInEngland } from '@safeguarding/subgraph-runtime';
import { ThresholdModelEntity, type ThresholdIndicatorEntity } from '../entities';
import { modelInForce } from '../evaluators/model-in-force';
import type { Resolvers } from '../generated/graphql';
import { allRegionalLevels } from './regional-levels';

/** Longest search text: a sentence or two; longer text is not a search. */
export const SEARCH_TEXT_MAXIMUM = 200;

export const queryResolvers: Resolvers = {
  Query: {
    thresholdModels: async (_root, { partnershipSlug, asOf, allVersions }, { dataSource, loaders }) => {
      let models: ThresholdModelEntity[];
      if (partnershipSlug != null) {
        models = await loaders.modelsByPartnership.load(slugArgument(partnershipSlug, 'partnershipSlug'));
      } else {
        models = await dataSource
          .getRepository(ThresholdModelEntity)
          .createQueryBuilder('model')
          .orderBy('model.partnership_id', 'ASC')
          .addOrderBy('model.effective_from', 'ASC', 'NULLS FIRST')
          .getMany();
      }
      if (allVersions) return models;
      const date = asOf ?? todayInEngland();
      const byPartnership = new Map<string, ThresholdModelEntity[]>();
      for (const model of models) byPartnership.set(model.partnershipId, [...(byPartnership.get(model.partnershipId) ?? []), model]);
      return [...byPartnership.values()].map((versions) => modelInForce(versions, date)).filter((model): model is ThresholdModelEntity => model !== null);
    },
    thresholdModel: (_root, { id }, { loaders }) => (id.length > 128 ? null : loaders.model.load(id)),
    regionalLevels: (_root, _args, context) => allRegionalLevels(context),
    searchIndicators: async (_root, { text, partnershipSlug, limit }, { dataSource }) => {
      const searchText = boundedText(text, 'text', SEARCH_TEXT_MAXIMUM);
      const slug = partnershipSlug == null ? null : slugArgument(partnershipSlug, 'partnershipSlug');
      const rows = limit ?? 20;
      if (rows < 1 || rows > 100) throw badUserInput(`limit must be between 1 and 100; ${rows} was given.`, 'limit');
      // Only the versions in force today: a superseded version's indicators would mislead.
      const models = await dataSource.getRepository(ThresholdModelEntity).find();
      const byPartnership = new Map<string, ThresholdModelEntity[]>();
      for (const model of models) byPartnership.set(model.partnershipId, [...(byPartnership.get(model.partnershipId) ?? []), model]);
      const today = todayInEngland();
      const modelIds = [...byPartnership.entries()]
        .filter(([partnershipId]) => slug === null || partnershipId === slug)
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
        [searchText, modelIds, rows],
      );
      return found.map(({ level_id, rank, ...indicator }) => ({ indicator: { ...indicator, levelId: level_id }, rank: Number(rank) }));
    },
  },
};
