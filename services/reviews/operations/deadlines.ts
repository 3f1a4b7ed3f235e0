/** A review's three deadlines (completion, learning briefing, action plan) against the clock its partnership runs. */
import { todayInEngland } from '@safeguarding/subgraph-runtime';
import type { ReviewClockEntity, ReviewEntity } from '../entities';
import type { ReviewsLoaders } from '../loaders';
import { loadAll } from '../loaders';
import { actionPlanCompletedOn } from '../rules/action-plan';
import { type ClockMilestone, clockFor, evaluateDeadline, type DeadlineEvaluation } from '../rules/clock';

/** The clock a partnership runs a milestone of a review against (its own, else the default). */
export async function reviewClock(review: ReviewEntity, milestone: ClockMilestone, loaders: ReviewsLoaders): Promise<ReviewClockEntity | null> {
  return clockFor(await loaders.allClocks.load(loadAll), review.partnershipId, review.reviewKindId, milestone);
}

/** Evaluates one of a review's three deadlines today, through the one clock evaluator. */
export async function reviewDeadline(review: ReviewEntity, milestone: ClockMilestone, loaders: ReviewsLoaders): Promise<DeadlineEvaluation> {
  const clock = await reviewClock(review, milestone, loaders);
  const today = todayInEngland();
  switch (milestone) {
    case 'REVIEW_COMPLETION':
      return evaluateDeadline(clock, review.notifiedOn, review.signedOffOn, today);
    case 'LEARNING_BRIEFING_PUBLICATION':
      return evaluateDeadline(clock, review.signedOffOn, review.learningBriefingPublishedOn, today);
    case 'ACTION_PLAN_COMPLETION':
      return evaluateDeadline(clock, review.signedOffOn, actionPlanCompletedOn(await loaders.actions.load(review.id)), today);
  }
}

const MILESTONES: ClockMilestone[] = ['REVIEW_COMPLETION', 'ACTION_PLAN_COMPLETION', 'LEARNING_BRIEFING_PUBLICATION'];

/** The clock a partnership runs for every kind and milestone (its own, else the default). */
export async function partnershipClocks(partnershipId: string, loaders: ReviewsLoaders): Promise<ReviewClockEntity[]> {
  const [kinds, clocks] = await Promise.all([loaders.allReviewKinds.load(loadAll), loaders.allClocks.load(loadAll)]);
  return kinds.flatMap((kind) =>
    MILESTONES.map((milestone) => clockFor(clocks, partnershipId, kind.id, milestone)).filter((clock): clock is ReviewClockEntity => clock !== null),
  );
}
