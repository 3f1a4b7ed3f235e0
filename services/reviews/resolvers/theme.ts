import { isLoaded } from '@safeguarding/subgraph-runtime';
import type { ReviewEntity } from '../entities';
import type { Resolvers } from '../generated/graphql';
import { canSeeReview } from '../access';

export const themeResolvers: Resolvers = {
  Theme: {
    __resolveReference: (reference, { loaders }) => loaders.theme.load(reference.id),
    reviewCount: async (theme, _args, { loaders }) => (await loaders.themeReviewCount.load(theme.id))?.count ?? 0,
    reviews: async (theme, _args, { caller, loaders }) => {
      const links = await loaders.reviewThemesByTheme.load(theme.id);
      const reviews = await loaders.review.loadMany(links.map((link) => link.reviewId));
      return reviews
        .filter((review): review is ReviewEntity => isLoaded(review) && canSeeReview(caller, review))
        .sort((a, b) => a.notifiedOn.localeCompare(b.notifiedOn) || a.code.localeCompare(b.code));
    },
  },
};
