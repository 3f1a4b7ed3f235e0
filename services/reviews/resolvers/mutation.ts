import type { Resolvers } from '../generated/graphql';
import { applyReviewsPackSection } from '../operations/pack';
import {
  addActionPlanAction,
  addLearningPoint,
  recordReviewStage,
  setReviewClock,
  startReview,
  tagReviewThemes,
  updateActionPlanAction,
} from '../operations/review-edits';

/** Shield checks the role (permissions.ts); each operation checks the partnership is the caller's (access.ts). */
export const mutationResolvers: Resolvers = {
  Mutation: {
    startReview: (_root, { input }, context) => startReview(context, input),
    recordReviewStage: (_root, { id, expectedVersion, stage, on }, context) => recordReviewStage(context, { id, expectedVersion, stage, on }),
    tagReviewThemes: (_root, { id, themeIds }, context) => tagReviewThemes(context, id, themeIds),
    addLearningPoint: (_root, { reviewId, input }, context) => addLearningPoint(context, reviewId, input),
    addActionPlanAction: (_root, { reviewId, input }, context) => addActionPlanAction(context, reviewId, input),
    updateActionPlanAction: (_root, { id, expectedVersion, input }, context) => updateActionPlanAction(context, { id, expectedVersion, input }),
    setReviewClock: (_root, { input }, context) => setReviewClock(context, input),
    applyReviewsPackSection: (_root, { scope, text, dryRun }, context) => applyReviewsPackSection(context, { scope, text, dryRun }),
  },
};
