import type { MeetingFrequencySeed } from '@safeguarding/packs';
import { addDays, addMonths } from '@safeguarding/subgraph-runtime';

/**
 * Meetings a body's frequency implies, projected forward as *expected* (not scheduled, not held):
 * so a calendar shows the next meeting even when nobody has scheduled it yet.
 *
 * - Anchored on the body's last ordinary meeting held or scheduled (cancelled and extraordinary
 *   meetings do not set the rhythm); with none recorded, on today.
 * - Spaced by the frequency: 12 / meetingsPerYear months (rounded per step, counted from the
 *   anchor so month ends do not drift), or 365.25 / meetingsPerYear days above 12 a year.
 * - Never more ordinary meetings in one year of the rule's period (calendar or financial) than
 *   meetingsPerYear, counting those held or scheduled: a date that would exceed it is skipped.
 * - Never on a date that already has a meeting of the body (not cancelled), never before today or
 *   `from`, never after `to` or the body's last day.
 */
export interface KnownMeeting {
  date: string;
  status: 'SCHEDULED' | 'HELD' | 'CANCELLED';
  extraordinary?: boolean;
}

export interface ExpectedMeetingProjection {
  date: string;
  /** The meeting the projection counts from; null when none is recorded (it counts from today). */
  projectedFrom: string | null;
  basis: string;
}

export interface ProjectionWindow {
  /** Today in England; nothing is projected before it. */
  today: string;
  /** Earliest date to return; default today (a date before today counts as today). */
  from?: string | null;
  /** Latest date to return; default no limit but `limit`. */
  to?: string | null;
  /** How many dates at most. */
  limit: number;
  /** The body's first and last days; null when open. */
  validFrom?: string | null;
  validTo?: string | null;
}

/** The year a date counts in under the rule's period: its calendar year, or the financial year starting 1 April. */
export function meetingYear(date: string, period: MeetingFrequencySeed['period']): number {
  const year = Number(date.slice(0, 4));
  return period === 'FINANCIAL_YEAR' && date.slice(5, 7) < '04' ? year - 1 : year;
}

/** The k-th date after the anchor under the rule (k >= 1). */
export function stepFrom(anchor: string, meetingsPerYear: number, k: number): string {
  if (meetingsPerYear <= 12) return addMonths(anchor, Math.round((k * 12) / meetingsPerYear));
  return addDays(anchor, Math.round((k * 365.25) / meetingsPerYear));
}

function interval(meetingsPerYear: number, k: number): string {
  if (meetingsPerYear <= 12) {
    const months = Math.round((k * 12) / meetingsPerYear);
    return `${months} month${months === 1 ? '' : 's'}`;
  }
  const days = Math.round((k * 365.25) / meetingsPerYear);
  return `${days} day${days === 1 ? '' : 's'}`;
}

const MAXIMUM_STEPS = 5000;

export function projectExpectedMeetings(rule: MeetingFrequencySeed, meetings: KnownMeeting[], window: ProjectionWindow): ExpectedMeetingProjection[] {
  if (rule.meetingsPerYear < 1 || window.limit < 1) return [];
  const ordinary = meetings.filter((m) => m.status !== 'CANCELLED' && !m.extraordinary);
  const anchor = ordinary.reduce<string | null>((latest, m) => (latest === null || m.date > latest ? m.date : latest), null);
  const base = anchor ?? (window.validFrom && window.validFrom > window.today ? window.validFrom : window.today);
  const earliest = window.from && window.from > window.today ? window.from : window.today;
  const taken = new Set(meetings.filter((m) => m.status !== 'CANCELLED').map((m) => m.date));
  const perYear = new Map<number, number>();
  for (const m of ordinary) perYear.set(meetingYear(m.date, rule.period), (perYear.get(meetingYear(m.date, rule.period)) ?? 0) + 1);
  const yearWords = rule.period === 'FINANCIAL_YEAR' ? 'a financial year' : 'a calendar year';
  const projected: ExpectedMeetingProjection[] = [];
  for (let k = 1; k <= MAXIMUM_STEPS && projected.length < window.limit; k++) {
    const date = stepFrom(base, rule.meetingsPerYear, k);
    if ((window.to && date > window.to) || (window.validTo && date > window.validTo)) break;
    const year = meetingYear(date, rule.period);
    if (taken.has(date) || (perYear.get(year) ?? 0) >= rule.meetingsPerYear) continue;
    // Dates before the window still fill their year, so the yearly count holds across the window's start.
    perYear.set(year, (perYear.get(year) ?? 0) + 1);
    if (date < earliest) continue;
    projected.push({
      date,
      projectedFrom: anchor,
      basis: `${rule.description} (${rule.meetingsPerYear} ${yearWords}): ${interval(rule.meetingsPerYear, k)} after ${anchor ? `the meeting on ${anchor}` : `${base}, no meeting being recorded`}`,
    });
  }
  return projected;
}
