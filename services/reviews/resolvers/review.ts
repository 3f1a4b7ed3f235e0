import type { Caller } from '@safeguarding/auth';
import { forbidden, possiblePersonalNames, todayInEngland } from '@safeguarding/subgraph-runtime';
import type { ThemeEntity } from '../entities';
import type { Resolvers } from '../generated/graphql';
import { loadAll, type ReviewsLoaders } from '../loaders';
import { actionPlanCompletedOn, actionPlanStatus } from '../rules/action-plan';
import { describeClock } from '../rules/clock';
import { workingDaysBetween } from '../rules/working-days';
import { canEditReviews, canSeeReview, canSeeUnpublishedText } from '../visibility';
import { isUuid } from './query';
import { reviewClock, reviewDeadline } from './deadlines';

/** The name flag of a review's text, for those who may read its unpublished text only. */
async function nameFlag(text: string, reviewId: string, caller: Caller, loaders: ReviewsLoaders): Promise<string[]> {
  const review = await loaders.review.load(reviewId);
  if (!review || !canSeeUnpublishedText(caller, review)) {
    throw forbidden("Only members and partnership-admins of the review's partnership may see the names flagged in its text.");
  }
  return possiblePersonalNames(text);
}

const present = <T>(value: T | null | Error): value is T => value !== null && !(value instanceof Error);

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
      return themes.filter(present<ThemeEntity>).sort((a, b) => a.name.localeCompare(b.name));
    },
    learningPoints: (review, _args, { loaders }) => loaders.learningPoints.load(review.id),
    viewerCanEdit: (review, _args, { caller }) => canEditReviews(caller, review.partnershipId),
  },
  LearningBriefing: {
    clock: ({ review }, _args, { loaders }) => reviewClock(review, 'LEARNING_BRIEFING_PUBLICATION', loaders),
    dueDate: async ({ review }, _args, { loaders }) => (await reviewDeadline(review, 'LEARNING_BRIEFING_PUBLICATION', loaders)).dueDate,
    publishedOn: ({ review }) => review.learningBriefingPublishedOn,
    isOverdue: async ({ review }, _args, { loaders }) => (await reviewDeadline(review, 'LEARNING_BRIEFING_PUBLICATION', loaders)).isOverdue,
    daysLate: async ({ review }, _args, { loaders }) => (await reviewDeadline(review, 'LEARNING_BRIEFING_PUBLICATION', loaders)).daysLate,
  },
  ActionPlan: {
    clock: ({ review }, _args, { loaders }) => reviewClock(review, 'ACTION_PLAN_COMPLETION', loaders),
    dueDate: async ({ review }, _args, { loaders }) => (await reviewDeadline(review, 'ACTION_PLAN_COMPLETION', loaders)).dueDate,
    completedOn: async ({ review }, _args, { loaders }) => actionPlanCompletedOn(await loaders.actions.load(review.id)),
    status: async ({ review }, _args, { loaders }) => actionPlanStatus(await loaders.actions.load(review.id)),
    isOverdue: async ({ review }, _args, { loaders }) => (await reviewDeadline(review, 'ACTION_PLAN_COMPLETION', loaders)).isOverdue,
    daysLate: async ({ review }, _args, { loaders }) => (await reviewDeadline(review, 'ACTION_PLAN_COMPLETION', loaders)).daysLate,
    actions: ({ review }, _args, { loaders }) => loaders.actions.load(review.id),
  },
  ActionPlanAction: {
    owner: (action) => ({ id: action.ownerOrganisationId }),
    possiblePersonalNames: (action, _args, { caller, loaders }) => nameFlag(action.description, action.reviewId, caller, loaders),
  },
  LearningPoint: {
    theme: async (point, _args, { loaders }) => (await loaders.theme.load(point.themeId))!,
    possiblePersonalNames: (point, _args, { caller, loaders }) => nameFlag(point.text, point.reviewId, caller, loaders),
  },
  ReviewKind: {
    defaultClocks: async (kind, _args, { loaders }) =>
      (await loaders.allClocks.load(loadAll)).filter((clock) => clock.reviewKindId === kind.id && clock.partnershipId === null),
  },
  ReviewClock: {
    reviewKind: async (clock, _args, { loaders }) => (await loaders.reviewKind.load(clock.reviewKindId))!,
    partnership: (clock) => (clock.partnershipId ? { id: clock.partnershipId } : null),
    description: (clock) => describeClock(clock),
  },
};
