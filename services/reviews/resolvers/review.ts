import { isLoaded, isUuid, todayInEngland } from '@safeguarding/subgraph-runtime';
import type { ThemeEntity } from '../entities';
import type { Resolvers } from '../generated/graphql';
import { reviewClock, reviewDeadline } from '../operations/deadlines';
import { workingDaysBetween } from '../rules/working-days';
import { canEditReviews, canSeeReview } from '../access';

export const reviewResolvers: Resolvers = {
  Review: {
    // References from other subgraphs obey the same visibility as review(id).
    __resolveReference: async (reference, { caller, loaders }) => {
      const review = isUuid(reference.id) ? await loaders.review.load(reference.id) : null;
      return review && canSeeReview(caller, review) ? review : null;
    },
    partnership: (review) => ({ id: review.partnershipId }),
    kind: async (review, _args, { loaders }) => (await loaders.reviewKind.load(review.reviewKindId))!,
    clock: (review, _args, { loaders }) => reviewClock(review, 'REVIEW_COMPLETION', loaders),
    dueDate: async (review, _args, { loaders }) => (await reviewDeadline(review, 'REVIEW_COMPLETION', loaders)).dueDate,
    isOverdue: async (review, _args, { loaders }) => (await reviewDeadline(review, 'REVIEW_COMPLETION', loaders)).isOverdue,
    daysLate: async (review, _args, { loaders }) => (await reviewDeadline(review, 'REVIEW_COMPLETION', loaders)).daysLate,
    workingDaysTaken: (review) => workingDaysBetween(review.notifiedOn, review.signedOffOn ?? todayInEngland()),
    learningBriefing: (review) => ({ review }),
    actionPlan: (review) => ({ review }),
    themes: async (review, _args, { loaders }) => {
      const links = await loaders.reviewThemes.load(review.id);
      const themes = await loaders.theme.loadMany(links.map((link) => link.themeId));
      return themes.filter(isLoaded<ThemeEntity>).sort((a, b) => a.name.localeCompare(b.name));
    },
    learningPoints: (review, _args, { loaders }) => loaders.learningPoints.load(review.id),
    viewerCanEdit: (review, _args, { caller }) => canEditReviews(caller, review.partnershipId),
  },
};
