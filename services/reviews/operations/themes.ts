import { badUserInput, slugArgument } from '@safeguarding/subgraph-runtime';
import { PartnershipEntity, ReviewForCountsEntity, ReviewThemeEntity, ThemeEntity, type ReviewEntity } from '../entities';
import type { ReviewsLoaders } from '../loaders';
import type { ReviewsOperationContext } from '../context';
import { repeatedThemes, type RepeatedThemeCount } from '../rules/repeated-themes';

/** The shared theme vocabulary, by name. */
export function listThemes({ dataSource }: Pick<ReviewsOperationContext, 'dataSource'>): Promise<ThemeEntity[]> {
  return dataSource.getRepository(ThemeEntity).find({ order: { name: 'ASC' } });
}

/**
 * Themes raised by at least `minimumReviews` reviews of the named partnerships (all by default)
 * notified in a range: counts only, unpublished reviews included but never named.
 */
export async function repeatedThemesAcross(
  { dataSource }: Pick<ReviewsOperationContext, 'dataSource'>,
  {
    partnershipIds,
    from,
    to,
    minimumReviews,
  }: { partnershipIds?: readonly string[] | null; from?: string | null; to?: string | null; minimumReviews?: number | null },
): Promise<RepeatedThemeCount[]> {
  if (from && to && from > to) throw badUserInput(`from ${from} is after to ${to}; give a range that runs forwards.`, 'from');
  const minimum = minimumReviews ?? 2;
  if (!Number.isInteger(minimum) || minimum < 1 || minimum > 1000) throw badUserInput('minimumReviews must be between 1 and 1000', 'minimumReviews');
  const known = (await dataSource.getRepository(PartnershipEntity).find({ order: { id: 'ASC' } })).map((partnership) => partnership.id);
  // The argument keeps its public name (partnershipSlugs); its values are Partnership ids.
  const asked = partnershipIds ? [...new Set(partnershipIds.map((partnershipId) => slugArgument(partnershipId, 'partnershipSlugs')))] : known;
  const unknown = asked.filter((partnershipId) => !known.includes(partnershipId));
  if (unknown.length > 0) throw badUserInput(`Unknown partnership ${unknown.join(', ')}; the partnerships are ${known.join(', ')}.`, 'partnershipSlugs');
  if (asked.length === 0) return [];
  const query = dataSource
    .getRepository(ReviewThemeEntity)
    .createQueryBuilder('reviewTheme')
    // Every review counts, published or not: an aggregate (the view is not filtered by row-level security).
    .innerJoin(ReviewForCountsEntity, 'review', 'review.id = reviewTheme.reviewId')
    .select('reviewTheme.reviewId', 'reviewId')
    .addSelect('reviewTheme.themeId', 'themeId')
    .addSelect('review.partnershipId', 'partnershipId')
    .where('review.partnershipId IN (:...asked)', { asked });
  if (from) query.andWhere('review.notifiedOn >= :from', { from });
  if (to) query.andWhere('review.notifiedOn <= :to', { to });
  const facts = await query.getRawMany<{ reviewId: string; themeId: string; partnershipId: string }>();
  return repeatedThemes(facts, asked, minimum);
}

/** The distinct theme ids of some reviews, sorted. */
export async function themeIdsOf(reviews: readonly ReviewEntity[], loaders: ReviewsLoaders): Promise<string[]> {
  const links = await loaders.reviewThemes.loadMany(reviews.map((review) => review.id));
  return [...new Set(links.flatMap((link) => (Array.isArray(link) ? link.map((row) => row.themeId) : [])))].sort();
}
