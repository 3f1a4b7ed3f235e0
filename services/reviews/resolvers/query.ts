import { isUuid } from '@safeguarding/subgraph-runtime';
import type { Resolvers } from '../generated/graphql';
import { loadAll } from '../loaders';
import { reviewsPackSection } from '../operations/pack';
import { listThemes, repeatedThemesAcross } from '../operations/themes';
import { canSeeReview } from '../access';

export const queryResolvers: Resolvers = {
  Query: {
    review: async (_root, { id }, { caller, loaders }) => {
      if (!isUuid(id)) return null;
      const review = await loaders.review.load(id);
      // An unpublished review outside the caller's partnership is answered exactly as a missing one.
      return review && canSeeReview(caller, review) ? review : null;
    },
    reviewKinds: (_root, _args, { loaders }) => loaders.allReviewKinds.load(loadAll),
    themes: (_root, _args, context) => listThemes(context),
    theme: (_root, { id }, { loaders }) => (id.length > 64 ? null : loaders.theme.load(id)),
    repeatedThemes: (_root, { partnershipSlugs, from, to, minimumReviews }, context) =>
      repeatedThemesAcross(context, { partnershipIds: partnershipSlugs, from, to, minimumReviews }),
    reviewsPackSection: (_root, { scope }, context) => reviewsPackSection(context, scope),
  },
};
