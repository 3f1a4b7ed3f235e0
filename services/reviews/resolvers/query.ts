import { badUserInput, slugArgument } from '@safeguarding/subgraph-runtime';
import { PartnershipEntity, ReviewEntity, ReviewForCountsEntity, ReviewThemeEntity, ThemeEntity } from '../entities';
import type { Resolvers } from '../generated/graphql';
import { loadAll } from '../loaders';
import { repeatedThemes } from '../rules/repeated-themes';
import { canSeeReview } from '../visibility';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: string): boolean => UUID.test(value);

export const queryResolvers: Resolvers = {
  Query: {
    review: async (_root, { id }, { caller, loaders }) => {
      if (!isUuid(id)) return null;
      const review = await loaders.review.load(id);
      // An unpublished review outside the caller's partnership is answered exactly as a missing one.
      return review && canSeeReview(caller, review) ? review : null;
    },
    reviewKinds: (_root, _args, { loaders }) => loaders.allReviewKinds.load(loadAll),
    themes: (_root, _args, { dataSource }) => dataSource.getRepository(ThemeEntity).find({ order: { name: 'ASC' } }),
    theme: (_root, { id }, { loaders }) => (id.length > 64 ? null : loaders.theme.load(id)),
    repeatedThemes: async (_root, { partnershipSlugs, from, to, minimumReviews }, { dataSource }) => {
      if (from && to && from > to) throw badUserInput(`from ${from} is after to ${to}; give a range that runs forwards.`, 'from');
      const minimum = minimumReviews ?? 2;
      if (!Number.isInteger(minimum) || minimum < 1 || minimum > 1000) throw badUserInput('minimumReviews must be between 1 and 1000', 'minimumReviews');
      const known = (await dataSource.getRepository(PartnershipEntity).find({ order: { id: 'ASC' } })).map((partnership) => partnership.id);
      const asked = partnershipSlugs ? [...new Set(partnershipSlugs.map((slug) => slugArgument(slug, 'partnershipSlugs')))] : known;
      const unknown = asked.filter((slug) => !known.includes(slug));
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
    },
  },
  Theme: {
    __resolveReference: (reference, { loaders }) => loaders.theme.load(reference.id),
    reviewCount: async (theme, _args, { loaders }) => (await loaders.themeReviewCount.load(theme.id))?.count ?? 0,
    reviews: async (theme, _args, { caller, loaders }) => {
      const links = await loaders.reviewThemesByTheme.load(theme.id);
      const reviews = await loaders.review.loadMany(links.map((link) => link.reviewId));
      return reviews
        .filter((review): review is ReviewEntity => review !== null && !(review instanceof Error) && canSeeReview(caller, review))
        .sort((a, b) => a.notifiedOn.localeCompare(b.notifiedOn) || a.code.localeCompare(b.code));
    },
  },
};
