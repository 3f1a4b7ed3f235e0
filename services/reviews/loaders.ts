import { In, type DataSource } from 'typeorm';
import { loaderByKey, loaderOfMany } from '@safeguarding/subgraph-runtime';
import {
  ActionPlanActionEntity,
  LearningPointEntity,
  ReviewClockEntity,
  ReviewEntity,
  ReviewKindEntity,
  ReviewThemeEntity,
  ThemeEntity,
} from './entities';

const ALL = 'all';

/** Per-request loaders: every relation of this subgraph is one batched query per level. */
export function createLoaders(dataSource: DataSource) {
  const reviewThemesByTheme = loaderOfMany<string, ReviewThemeEntity>(
    (ids) => dataSource.getRepository(ReviewThemeEntity).find({ where: { themeId: In([...ids]) } }),
    (row) => row.themeId,
  );
  return {
    review: loaderByKey<string, ReviewEntity>((ids) => dataSource.getRepository(ReviewEntity).findBy({ id: In([...ids]) }), (row) => row.id),
    reviewsByPartnership: loaderOfMany<string, ReviewEntity>(
      (ids) => dataSource.getRepository(ReviewEntity).find({ where: { partnershipId: In([...ids]) }, order: { notifiedOn: 'ASC', code: 'ASC' } }),
      (row) => row.partnershipId,
    ),
    reviewThemes: loaderOfMany<string, ReviewThemeEntity>(
      (ids) => dataSource.getRepository(ReviewThemeEntity).find({ where: { reviewId: In([...ids]) } }),
      (row) => row.reviewId,
    ),
    reviewThemesByTheme,
    learningPoints: loaderOfMany<string, LearningPointEntity>(
      (ids) => dataSource.getRepository(LearningPointEntity).find({ where: { reviewId: In([...ids]) }, order: { position: 'ASC', id: 'ASC' } }),
      (row) => row.reviewId,
    ),
    actions: loaderOfMany<string, ActionPlanActionEntity>(
      (ids) => dataSource.getRepository(ActionPlanActionEntity).find({ where: { reviewId: In([...ids]) }, order: { position: 'ASC', id: 'ASC' } }),
      (row) => row.reviewId,
    ),
    theme: loaderByKey<string, ThemeEntity>((ids) => dataSource.getRepository(ThemeEntity).findBy({ id: In([...ids]) }), (row) => row.id),
    reviewKind: loaderByKey<string, ReviewKindEntity>(
      (ids) => dataSource.getRepository(ReviewKindEntity).findBy({ id: In([...ids]) }),
      (row) => row.id,
    ),
    /** Small reference tables, read whole once per request. */
    allReviewKinds: loaderOfMany<typeof ALL, ReviewKindEntity>(
      () => dataSource.getRepository(ReviewKindEntity).find({ order: { sortOrder: 'ASC' } }),
      () => ALL,
    ),
    allClocks: loaderOfMany<typeof ALL, ReviewClockEntity>(() => dataSource.getRepository(ReviewClockEntity).find(), () => ALL),
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
