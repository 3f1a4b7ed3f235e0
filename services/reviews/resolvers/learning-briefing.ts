import type { Resolvers } from '../generated/graphql';
import { reviewClock, reviewDeadline } from '../operations/deadlines';

export const learningBriefingResolvers: Resolvers = {
  LearningBriefing: {
    clock: ({ review }, _args, { loaders }) => reviewClock(review, 'LEARNING_BRIEFING_PUBLICATION', loaders),
    dueDate: async ({ review }, _args, { loaders }) => (await reviewDeadline(review, 'LEARNING_BRIEFING_PUBLICATION', loaders)).dueDate,
    publishedOn: ({ review }) => review.learningBriefingPublishedOn,
    isOverdue: async ({ review }, _args, { loaders }) => (await reviewDeadline(review, 'LEARNING_BRIEFING_PUBLICATION', loaders)).isOverdue,
    daysLate: async ({ review }, _args, { loaders }) => (await reviewDeadline(review, 'LEARNING_BRIEFING_PUBLICATION', loaders)).daysLate,
  },
};
