import type { Resolvers } from '../generated/graphql';
import { reviewClock, reviewDeadline } from '../operations/deadlines';
import { actionPlanCompletedOn, actionPlanStatus } from '../rules/action-plan';

export const actionPlanResolvers: Resolvers = {
  ActionPlan: {
    clock: ({ review }, _args, { loaders }) => reviewClock(review, 'ACTION_PLAN_COMPLETION', loaders),
    dueDate: async ({ review }, _args, { loaders }) => (await reviewDeadline(review, 'ACTION_PLAN_COMPLETION', loaders)).dueDate,
    completedOn: async ({ review }, _args, { loaders }) => actionPlanCompletedOn(await loaders.actions.load(review.id)),
    status: async ({ review }, _args, { loaders }) => actionPlanStatus(await loaders.actions.load(review.id)),
    isOverdue: async ({ review }, _args, { loaders }) => (await reviewDeadline(review, 'ACTION_PLAN_COMPLETION', loaders)).isOverdue,
    daysLate: async ({ review }, _args, { loaders }) => (await reviewDeadline(review, 'ACTION_PLAN_COMPLETION', loaders)).daysLate,
    actions: ({ review }, _args, { loaders }) => loaders.actions.load(review.id),
  },
};
