import { addMonths } from '@safeguarding/subgraph-runtime';
import { addWorkingDays, calendarDaysBetween } from './working-days';

/**
 * The one evaluator of review clocks. A clock is data (a row of review_clock): which milestone of
 * which kind of review it times, how long, in what unit, and what starts it. This file picks the
 * clock that applies and says when a milestone is due, whether it is overdue and how late it was.
 */
export type ClockUnit = 'WORKING_DAYS' | 'MONTHS';
export type ClockMilestone = 'REVIEW_COMPLETION' | 'ACTION_PLAN_COMPLETION' | 'LEARNING_BRIEFING_PUBLICATION';
export type ClockStart = 'NOTIFICATION' | 'SIGN_OFF';

export interface ClockRule {
  partnershipId: string | null;
  reviewKindId: string;
  milestone: ClockMilestone;
  length: number;
  unit: ClockUnit;
  startsFrom: ClockStart;
}

/** The platform's rule: each milestone runs from its own event (setReviewClock and packs follow it). */
export const MILESTONE_STARTS: Record<ClockMilestone, ClockStart> = {
  REVIEW_COMPLETION: 'NOTIFICATION',
  ACTION_PLAN_COMPLETION: 'SIGN_OFF',
  LEARNING_BRIEFING_PUBLICATION: 'SIGN_OFF',
};

const LONGEST_CLOCK: Record<ClockUnit, number> = { WORKING_DAYS: 520, MONTHS: 36 };

/** What is wrong with a clock's length, or null: 1 to 520 working days, or 1 to 36 months. */
export function clockLengthProblem(length: number, unit: ClockUnit): string | null {
  const longest = LONGEST_CLOCK[unit];
  if (Number.isInteger(length) && length >= 1 && length <= longest) return null;
  return `length must be between 1 and ${longest} ${unit === 'MONTHS' ? 'months' : 'working days'}.`;
}

/** A partnership's own clock wins over the default (the row with no partnership); null when neither exists. */
export function clockFor<Rule extends Pick<ClockRule, 'partnershipId' | 'reviewKindId' | 'milestone'>>(
  rules: readonly Rule[],
  partnershipId: string,
  reviewKindId: string,
  milestone: ClockMilestone,
): Rule | null {
  const matching = rules.filter((rule) => rule.reviewKindId === reviewKindId && rule.milestone === milestone);
  return matching.find((rule) => rule.partnershipId === partnershipId) ?? matching.find((rule) => rule.partnershipId === null) ?? null;
}

/** When a milestone started on `start` is due under `clock`. */
export function dueDate(clock: Pick<ClockRule, 'length' | 'unit'>, start: string): string {
  return clock.unit === 'WORKING_DAYS' ? addWorkingDays(start, clock.length) : addMonths(start, clock.length);
}

export interface DeadlineEvaluation {
  /** Null when there is no clock or it has not started. */
  dueDate: string | null;
  completedOn: string | null;
  /** Not completed, and `asOf` is past the due date. */
  isOverdue: boolean;
  /** Calendar days past the due date at completion (or at `asOf` while open); 0 when on time; null with no due date. */
  daysLate: number | null;
  /** Completed by the due date; null while open or with no due date. */
  completedOnTime: boolean | null;
}

/**
 * Evaluates one milestone. `start` is the date its clock starts (notification or sign-off), null
 * when that has not happened; `completedOn` is null while the milestone is open; `asOf` is "today".
 * A completion recorded after `asOf` counts as still open on `asOf`.
 */
export function evaluateDeadline(
  clock: Pick<ClockRule, 'length' | 'unit'> | null,
  start: string | null,
  completedOn: string | null,
  asOf: string,
): DeadlineEvaluation {
  const completed = completedOn !== null && completedOn <= asOf ? completedOn : null;
  if (!clock || !start || start > asOf) {
    return {
      dueDate: clock && start ? dueDate(clock, start) : null,
      completedOn: completed,
      isOverdue: false,
      daysLate: clock && start ? 0 : null,
      completedOnTime: null,
    };
  }
  const due = dueDate(clock, start);
  const end = completed ?? asOf;
  return {
    dueDate: due,
    completedOn: completed,
    isOverdue: completed === null && asOf > due,
    daysLate: Math.max(0, calendarDaysBetween(due, end)),
    completedOnTime: completed === null ? null : completed <= due,
  };
}

/** "15 working days from notification", for people reading a clock. */
export function describeClock(clock: Pick<ClockRule, 'length' | 'unit' | 'startsFrom'>): string {
  const unit = clock.unit === 'WORKING_DAYS' ? (clock.length === 1 ? 'working day' : 'working days') : clock.length === 1 ? 'month' : 'months';
  return `${clock.length} ${unit} from ${clock.startsFrom === 'NOTIFICATION' ? 'notification' : 'sign-off'}`;
}
