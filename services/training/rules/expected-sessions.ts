import { addMonths } from '@safeguarding/subgraph-runtime';
import type { DeliveryMethod, TrainingSessionStatus } from './vocabulary';

/**
 * A course's programme repeats yearly: its sessions of the last programme year (the twelve months
 * ending with its latest session not cancelled) are projected forward a year at a time as
 * *expected* sessions, so a calendar shows the next sessions before anyone schedules them. Never
 * before today, never on a date that already has a session of the course (not cancelled), never
 * after the course's retiredOn. Soonest first.
 */
export interface KnownSession {
  date: string;
  status: TrainingSessionStatus;
  deliveryMethod: DeliveryMethod;
}

export interface ExpectedSessionProjection {
  date: string;
  /** The session it repeats. */
  projectedFrom: string;
  deliveryMethod: DeliveryMethod;
  basis: string;
}

const MAXIMUM_YEARS = 100;

export function projectYearlySessions(
  sessions: KnownSession[],
  window: { today: string; limit: number; retiredOn?: string | null },
): ExpectedSessionProjection[] {
  const live = sessions.filter((session) => session.status !== 'CANCELLED').sort((a, b) => a.date.localeCompare(b.date));
  if (live.length === 0 || window.limit < 1) return [];
  const latest = live[live.length - 1]!.date;
  const yearStart = addMonths(latest, -12);
  const lastYear = live.filter((session) => session.date > yearStart);
  const taken = new Set(live.map((session) => session.date));
  const projected: ExpectedSessionProjection[] = [];
  for (let years = 1; years <= MAXIMUM_YEARS; years++) {
    for (const session of lastYear) {
      const date = addMonths(session.date, 12 * years);
      if (window.retiredOn && date > window.retiredOn) return projected;
      if (date < window.today || taken.has(date)) continue;
      taken.add(date);
      projected.push({
        date,
        projectedFrom: session.date,
        deliveryMethod: session.deliveryMethod,
        basis: `repeats yearly: ${years} year${years === 1 ? '' : 's'} after the session on ${session.date}`,
      });
      if (projected.length === window.limit) return projected;
    }
  }
  return projected;
}
