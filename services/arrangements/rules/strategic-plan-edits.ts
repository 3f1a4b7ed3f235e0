/**
 * Rules for editing strategic plans (pure: no database). Each returns the problem as a field and a
 * message, or null when the edit keeps the rule; the operations turn a problem into BAD_USER_INPUT.
 */
import type { SuccessTarget, TargetComparison, TargetUnit } from './success-target';

export interface RuleProblem {
  field: string;
  message: string;
}

/** A plan period is at most this many years long. */
export const PLAN_PERIOD_RULE = { maximumYears: 10 };

/** A plan's period: in order, at most ten years, and not overlapping another plan of the same partnership. */
export function checkPlanPeriod(
  period: { periodStart: string; periodEnd: string },
  otherPlans: { title: string; periodStart: string; periodEnd: string }[],
  rule = PLAN_PERIOD_RULE,
): RuleProblem | null {
  if (period.periodEnd < period.periodStart)
    return { field: 'periodEnd', message: `periodEnd ${period.periodEnd} is before periodStart ${period.periodStart}` };
  const limit = `${Number(period.periodStart.slice(0, 4)) + rule.maximumYears}${period.periodStart.slice(4)}`;
  if (period.periodEnd >= limit)
    return { field: 'periodEnd', message: `a plan period is at most ${rule.maximumYears} years; periodEnd must be before ${limit}` };
  const overlapping = otherPlans.find((plan) => plan.periodStart <= period.periodEnd && period.periodStart <= plan.periodEnd);
  if (overlapping) {
    return {
      field: 'periodStart',
      message: `the period overlaps the partnership's plan "${overlapping.title}" (${overlapping.periodStart} to ${overlapping.periodEnd})`,
    };
  }
  return null;
}

/** A date within a priority's (or plan's) period. */
export function checkWithinPeriod(date: string, period: { periodStart: string; periodEnd: string }, field: string): RuleProblem | null {
  if (date < period.periodStart || date > period.periodEnd) {
    return { field, message: `${field} ${date} is outside the period ${period.periodStart} to ${period.periodEnd}` };
  }
  return null;
}

/**
 * A change from a date: it must come after the date the current values took effect (dates in
 * order, so every earlier version keeps at least one day) and fall within the period.
 */
export function checkRevisionDate(effectiveFrom: string, currentFrom: string, periodEnd: string): RuleProblem | null {
  if (effectiveFrom <= currentFrom) {
    return { field: 'effectiveFrom', message: `effectiveFrom ${effectiveFrom} must be after ${currentFrom}, when the current version took effect` };
  }
  if (effectiveFrom > periodEnd) return { field: 'effectiveFrom', message: `effectiveFrom ${effectiveFrom} is after the period ends (${periodEnd})` };
  return null;
}

/** The earlier version in force on a date, or null when the current values are (validUntil is exclusive). */
export function earlierVersionOn<T extends { validFrom: string; validUntil: string }>(earlier: T[], asOf: string): T | null {
  return earlier.find((version) => version.validFrom <= asOf && asOf < version.validUntil) ?? null;
}

/** A financial year label: "2026-27", the second year following the first. */
export function isFinancialYear(period: string): boolean {
  const match = /^(\d{4})-(\d{2})$/.exec(period);
  return match !== null && (Number(match[1]) + 1) % 100 === Number(match[2]);
}

export interface SuccessTargetInputShape {
  comparison: TargetComparison;
  value: number;
  unit: TargetUnit;
  baselinePeriod?: string | null;
  baselineValue?: number | null;
  measures: string;
}

/** Which units each comparison takes. */
export const TARGET_UNITS: Record<TargetComparison, TargetUnit[]> = {
  ABOVE: ['PERCENT'],
  AT_LEAST: ['PERCENT'],
  REDUCE_BY_AT_LEAST_PERCENT: ['PERCENT'],
  COMPLETED_WITHIN: ['WORKING_DAYS', 'MONTHS'],
};

/**
 * A typed target (the same shape rules/success-target.ts reads from a statement's words): the unit
 * fits the comparison, percentages are 0 to 100, a time limit is positive, and a baseline belongs to a
 * reduction target only (which needs its period).
 */
export function checkSuccessTarget(target: SuccessTargetInputShape, field = 'target'): RuleProblem | null {
  if (!TARGET_UNITS[target.comparison].includes(target.unit)) {
    return { field: `${field}.unit`, message: `a ${target.comparison} target is in ${TARGET_UNITS[target.comparison].join(' or ')}, not ${target.unit}` };
  }
  if (!Number.isFinite(target.value)) return { field: `${field}.value`, message: 'value must be a finite number' };
  if (target.unit === 'PERCENT' && (target.value < 0 || target.value > 100)) {
    return { field: `${field}.value`, message: `value is a percentage here: between 0 and 100, got ${target.value}` };
  }
  if (target.comparison === 'REDUCE_BY_AT_LEAST_PERCENT' && target.value <= 0) {
    return { field: `${field}.value`, message: 'a reduction target must be above 0%' };
  }
  if (target.comparison === 'COMPLETED_WITHIN' && (target.value <= 0 || !Number.isInteger(target.value) || target.value > 1000)) {
    return { field: `${field}.value`, message: `a time limit is a whole number of ${target.unit === 'MONTHS' ? 'months' : 'working days'} from 1 to 1000` };
  }
  const reduction = target.comparison === 'REDUCE_BY_AT_LEAST_PERCENT';
  if (reduction && (target.baselinePeriod == null || !isFinancialYear(target.baselinePeriod))) {
    return { field: `${field}.baselinePeriod`, message: 'a reduction target needs its baseline period, a financial year such as 2022-23' };
  }
  if (!reduction && target.baselinePeriod != null) return { field: `${field}.baselinePeriod`, message: 'only a reduction target has a baseline period' };
  if (!reduction && target.baselineValue != null) return { field: `${field}.baselineValue`, message: 'only a reduction target has a baseline value' };
  if (target.baselineValue != null && (!Number.isFinite(target.baselineValue) || target.baselineValue < 0 || target.baselineValue > 100)) {
    return { field: `${field}.baselineValue`, message: `baselineValue is a percentage: between 0 and 100, got ${target.baselineValue}` };
  }
  return null;
}

/** The stored target of a checked input (baselineValue is kept beside it, as for the seeded ones). */
export function successTargetOf(target: SuccessTargetInputShape, measures: string): SuccessTarget {
  return { comparison: target.comparison, value: target.value, unit: target.unit, baselinePeriod: target.baselinePeriod ?? null, measures };
}
