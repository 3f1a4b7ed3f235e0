import type { MeetingFrequencySeed } from '@safeguarding/packs';

/**
 * Whether a body met as often as its frequency rule says over a period. The expected count is the
 * rule's yearly count pro rata to the period's length, rounded down, so a part year never expects
 * a meeting that could not yet have fallen due. Only the past is judged: a period that runs beyond
 * today ends at today (`to` is the last day judged), so meetings still to come are never missed.
 */
export interface CadenceCheck {
  from: string;
  to: string;
  expectedMeetings: number;
  heldMeetings: number;
  shortfall: number;
  missed: boolean;
}

const DAY = 24 * 3600 * 1000;

function daysInclusive(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY) + 1;
}

export function expectedMeetings(rule: Pick<MeetingFrequencySeed, 'meetingsPerYear'>, from: string, to: string): number {
  if (to < from) return 0;
  const days = daysInclusive(from, to);
  // A whole year of 365 or 366 days expects exactly the yearly count.
  if (days >= 365) return Math.floor((rule.meetingsPerYear * days) / 365.25 + 0.01);
  return Math.floor((rule.meetingsPerYear * days) / 365.25);
}

/** The last day of a period that can be judged on `today`: the period's end, or today if that is earlier. */
export function judgedUntil(to: string, today: string): string {
  return to < today ? to : today;
}

/**
 * Checks the cadence from `from` to the earlier of `to` and `today` (both inclusive). A period that
 * starts after today expects nothing; `today` is an argument so tests pin it (callers pass
 * todayInEngland()).
 */
export function checkCadence(
  rule: Pick<MeetingFrequencySeed, 'meetingsPerYear'>,
  heldMeetingDates: string[],
  from: string,
  periodEnd: string,
  today: string,
): CadenceCheck {
  const to = judgedUntil(periodEnd, today);
  const expected = expectedMeetings(rule, from, to);
  const held = heldMeetingDates.filter((date) => date >= from && date <= to).length;
  const shortfall = Math.max(0, expected - held);
  return { from, to, expectedMeetings: expected, heldMeetings: held, shortfall, missed: shortfall > 0 };
}
