import { loadAll, type ReviewsLoaders } from '../loaders';
import type { ReviewKindTimelinessModel } from '../models';
import { actionPlanCompletedOn } from '../rules/action-plan';
import { clockFor, type ClockMilestone } from '../rules/clock';
import { summariseTimeliness } from '../rules/timeliness';

/**
 * A partnership's timeliness per review kind over a period, against its own clocks: counts over
 * every review, published or not (nothing individual is returned). Partnership.reviewTimeliness
 * and the comparison's review section both read it.
 */
export async function partnershipTimeliness(
  partnershipId: string,
  from: string,
  to: string,
  asOf: string,
  loaders: ReviewsLoaders,
): Promise<ReviewKindTimelinessModel[]> {
  const [kinds, clocks, reviews] = await Promise.all([
    loaders.allReviewKinds.load(loadAll),
    loaders.allClocks.load(loadAll),
    loaders.reviewsByPartnership.load(partnershipId),
  ]);
  const actions = await loaders.actions.loadMany(reviews.map((review) => review.id));
  const facts = reviews.map((review, index) => {
    const reviewActions = actions[index];
    return {
      reviewKindId: review.reviewKindId,
      notifiedOn: review.notifiedOn,
      signedOffOn: review.signedOffOn,
      learningBriefingPublishedOn: review.learningBriefingPublishedOn,
      actionPlanCompletedOn: Array.isArray(reviewActions) ? actionPlanCompletedOn(reviewActions) : null,
    };
  });
  const clockOf = (reviewKindId: string, milestone: ClockMilestone) => clockFor(clocks, partnershipId, reviewKindId, milestone);
  return summariseTimeliness(
    kinds.map((kind) => kind.id),
    facts,
    clockOf,
    from,
    to,
    asOf,
  ).map((summary) => ({ ...summary, clock: clockOf(summary.reviewKindId, 'REVIEW_COMPLETION') }));
}
