import type DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { loaderByKey, loaderOfMany, rowsWhereAnyOf, type RowBound } from '@safeguarding/subgraph-runtime';
import {
  ActionPlanActionEntity,
  LearningPointEntity,
  ReviewClockEntity,
  ReviewEntity,
  ReviewForCountsEntity,
  ReviewKindEntity,
  ReviewThemeEntity,
  ThemeEntity,
} from './entities';

const ALL = 'all';

/** Per-request loaders: every relation of this subgraph is one batched query per level. */
export function createLoaders(dataSource: DataSource) {
  // Reviews notified within a range, one loader per range so partnerships asking for the same
  // range share one batch; the range is read through review_partnership_notified.
  const notifiedWithin = new Map<string, DataLoader<string, ReviewEntity[]>>();
  const reviewsByPartnershipNotified = (from: string | null | undefined, to: string | null | undefined) => {
    const key = `${from ?? ''}|${to ?? ''}`;
    let loader = notifiedWithin.get(key);
    if (!loader) {
      const bounds: RowBound<ReviewEntity>[] = [];
      if (from) bounds.push({ property: 'notifiedOn', operator: '>=', value: from });
      if (to) bounds.push({ property: 'notifiedOn', operator: '<=', value: to });
      loader = loaderOfMany<string, ReviewEntity>(
        (ids) => rowsWhereAnyOf(dataSource, ReviewEntity, 'partnershipId', ids, ['notifiedOn', 'code'], bounds),
        (row) => row.partnershipId,
      );
      notifiedWithin.set(key, loader);
    }
    return loader;
  };
  const reviewThemesByTheme = loaderOfMany<string, ReviewThemeEntity>(
    (ids) => rowsWhereAnyOf(dataSource, ReviewThemeEntity, 'themeId', ids),
    (row) => row.themeId,
  );
  return {
    review: loaderByKey<string, ReviewEntity>(
      (ids) => rowsWhereAnyOf(dataSource, ReviewEntity, 'id', ids),
      (row) => row.id,
    ),
    /** Every review of each partnership, published or not (row-level security does not filter it): for counts and aggregates. */
    reviewsByPartnership: loaderOfMany<string, ReviewEntity>(
      (ids) => rowsWhereAnyOf(dataSource, ReviewForCountsEntity, 'partnershipId', ids, ['notifiedOn', 'code']),
      (row) => row.partnershipId,
    ),
    reviewThemes: loaderOfMany<string, ReviewThemeEntity>(
      (ids) => rowsWhereAnyOf(dataSource, ReviewThemeEntity, 'reviewId', ids),
      (row) => row.reviewId,
    ),
    reviewThemesByTheme,
    reviewsByPartnershipNotified,
    learningPoints: loaderOfMany<string, LearningPointEntity>(
      (ids) => rowsWhereAnyOf(dataSource, LearningPointEntity, 'reviewId', ids, ['position', 'id']),
      (row) => row.reviewId,
    ),
    actions: loaderOfMany<string, ActionPlanActionEntity>(
      (ids) => rowsWhereAnyOf(dataSource, ActionPlanActionEntity, 'reviewId', ids, ['position', 'id']),
      (row) => row.reviewId,
    ),
    theme: loaderByKey<string, ThemeEntity>(
      (ids) => rowsWhereAnyOf(dataSource, ThemeEntity, 'id', ids),
      (row) => row.id,
    ),
    reviewKind: loaderByKey<string, ReviewKindEntity>(
      (ids) => rowsWhereAnyOf(dataSource, ReviewKindEntity, 'id', ids),
      (row) => row.id,
    ),
    /** Small reference tables, read whole once per request. */
    allReviewKinds: loaderOfMany<typeof ALL, ReviewKindEntity>(
      () => dataSource.getRepository(ReviewKindEntity).find({ order: { sortOrder: 'ASC' } }),
      () => ALL,
    ),
    allClocks: loaderOfMany<typeof ALL, ReviewClockEntity>(
      () => dataSource.getRepository(ReviewClockEntity).find(),
      () => ALL,
    ),
    /** How many reviews carry each theme, whoever may see them: an aggregate. */
    themeReviewCount: loaderByKey<string, { themeId: string; count: number }>(
      async (ids) =>
        (
          await dataSource
            .getRepository(ReviewThemeEntity)
            .createQueryBuilder('reviewTheme')
            .select('reviewTheme.themeId', 'themeId')
            .addSelect('COUNT(*)::int', 'count')
            .where('reviewTheme.themeId IN (:...ids)', { ids: [...ids] })
            .groupBy('reviewTheme.themeId')
            .getRawMany<{ themeId: string; count: number }>()
        ).map((row) => ({ themeId: row.themeId, count: Number(row.count) })),
      (row) => row.themeId,
    ),
  };
}

export const loadAll = ALL;
export type ReviewsLoaders = ReturnType<typeof createLoaders>;
