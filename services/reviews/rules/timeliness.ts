import { type ClockMilestone, type ClockRule, evaluateDeadline } from './clock';
import { workingDaysBetween } from './working-days';

/**
 * Per kind of review, the counts analysts compare across partnerships (002's success statements:
 * Rapid Reviews within 15 working days, action plans within 3 months, briefings within 10 working
 * days). Counts only: nothing here can identify one review.
 */
export interface ReviewTimelinessFacts {
  reviewKindId: string;
  notifiedOn: string;
  signedOffOn: string | null;
  learningBriefingPublishedOn: string | null;
  actionPlanCompletedOn: string | null;
}

export interface KindTimeliness {
  reviewKindId: string;
  completed: number;
  completedOnTime: number;
  completedLate: number;
  medianWorkingDaysToSignOff: number | null;
  openNow: number;
  overdueNow: number;
  learningBriefingsOnTime: number;
  actionPlansCompletedOnTime: number;
  actionPlansOverdueNow: number;
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * `completed` are the reviews signed off between `from` and `to` inclusive; the "now" counts are
 * taken on `asOf`. `clockOf` gives the partnership's clock for a kind and milestone.
 */
export function summariseTimeliness(
  reviewKindIds: readonly string[],
  reviews: readonly ReviewTimelinessFacts[],
  clockOf: (reviewKindId: string, milestone: ClockMilestone) => Pick<ClockRule, 'length' | 'unit'> | null,
  from: string,
  to: string,
  asOf: string,
): KindTimeliness[] {
  return reviewKindIds.map((reviewKindId) => {
    const ofKind = reviews.filter((review) => review.reviewKindId === reviewKindId);
    const reviewClock = clockOf(reviewKindId, 'REVIEW_COMPLETION');
    const briefingClock = clockOf(reviewKindId, 'LEARNING_BRIEFING_PUBLICATION');
    const actionPlanClock = clockOf(reviewKindId, 'ACTION_PLAN_COMPLETION');
    const completed = ofKind.filter((review) => review.signedOffOn !== null && review.signedOffOn >= from && review.signedOffOn <= to);
    // Evaluated at the later of sign-off and asOf, so a completion is judged even when asOf precedes it.
    const onTime = (clock: typeof reviewClock, start: string | null, end: string | null, at: string) =>
      evaluateDeadline(clock, start, end, end !== null && end > at ? end : at).completedOnTime;
    const open = ofKind.filter((review) => review.notifiedOn <= asOf && (review.signedOffOn === null || review.signedOffOn > asOf));
    return {
      reviewKindId,
      completed: completed.length,
      completedOnTime: completed.filter((review) => onTime(reviewClock, review.notifiedOn, review.signedOffOn, asOf) === true).length,
      completedLate: completed.filter((review) => onTime(reviewClock, review.notifiedOn, review.signedOffOn, asOf) === false).length,
      medianWorkingDaysToSignOff: median(completed.map((review) => workingDaysBetween(review.notifiedOn, review.signedOffOn as string))),
      openNow: open.length,
      overdueNow: open.filter((review) => evaluateDeadline(reviewClock, review.notifiedOn, null, asOf).isOverdue).length,
      learningBriefingsOnTime: completed.filter((review) => onTime(briefingClock, review.signedOffOn, review.learningBriefingPublishedOn, asOf) === true)
        .length,
      actionPlansCompletedOnTime: completed.filter((review) => onTime(actionPlanClock, review.signedOffOn, review.actionPlanCompletedOn, asOf) === true).length,
      actionPlansOverdueNow: ofKind.filter((review) => evaluateDeadline(actionPlanClock, review.signedOffOn, review.actionPlanCompletedOn, asOf).isOverdue)
        .length,
    };
  });
}
