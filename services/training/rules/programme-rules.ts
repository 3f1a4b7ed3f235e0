/**
 * What keeping the programme through the API must satisfy: a course's description, a session's
 * date, times, place and capacity, a reschedule, a cancellation, a course's retirement and an
 * evaluation. Each evaluator is pure and returns the problems found, each naming the field and
 * saying what to do; an empty list means the write may go ahead.
 */
import { addMonths } from '@safeguarding/subgraph-runtime';
import { isThemeId } from '@safeguarding/vocabulary';
import type { DeliveryMethod, TrainingSessionStatus } from './vocabulary';

export interface Problem {
  field: string;
  message: string;
}

export const PROGRAMME_RULES = {
  titleMaximum: 200,
  summaryMaximum: 4000,
  minimumThemes: 1,
  maximumThemes: 12,
  minimumCapacity: 1,
  /** The largest session the business units run (a conference); larger events are arranged separately. */
  maximumCapacity: 500,
  venueMaximum: 200,
  reasonMaximum: 500,
  evaluationSummaryMaximum: 2000,
  /** How far ahead a session may be scheduled: a programme is planned a year or two ahead, never decades. */
  monthsAheadMaximum: 36,
  /** The earliest evidence a partnership records (the arrangements date from 2019; older evidence is kept in its archive). */
  earliestEvaluation: '2019-01-01',
  /** Delivered online: they need a link to join and have no venue. Every other method is in person and needs a venue. */
  onlineMethods: ['VIRTUAL', 'E_LEARNING'] as readonly DeliveryMethod[],
  /** 24-hour HH:MM. */
  clock: /^([01][0-9]|2[0-3]):[0-5][0-9]$/,
} as const;

/** True when a session counts in reach, learning coverage and the impact summary: a cancelled session does not. */
export const countsInFigures = (session: { status: TrainingSessionStatus }) => session.status !== 'CANCELLED';

export function courseThemeProblems(themeIds: readonly string[]): Problem[] {
  const { minimumThemes, maximumThemes } = PROGRAMME_RULES;
  if (themeIds.length < minimumThemes || themeIds.length > maximumThemes) {
    return [{ field: 'themeIds', message: `themeIds must name ${minimumThemes} to ${maximumThemes} themes, got ${themeIds.length}` }];
  }
  const unknown = themeIds.filter((id) => !isThemeId(id));
  if (unknown.length > 0) {
    return [
      {
        field: 'themeIds',
        message: `themeIds names no theme of the shared vocabulary: ${unknown.map((id) => `"${id.slice(0, 40)}"`).join(', ')}; query themes { id }`,
      },
    ];
  }
  if (new Set(themeIds).size !== themeIds.length) return [{ field: 'themeIds', message: 'themeIds names a theme twice; give each once' }];
  return [];
}

export interface SessionTimes {
  date: string;
  startTime: string;
  endTime: string;
  today: string;
  /** The course's last day, or null while current. */
  courseRetiredOn: string | null;
}

export function sessionTimeProblems({ date, startTime, endTime, today, courseRetiredOn }: SessionTimes): Problem[] {
  const problems: Problem[] = [];
  if (date < today) problems.push({ field: 'date', message: `date ${date} is in the past; schedule a session on or after ${today}` });
  const latest = addMonths(today, PROGRAMME_RULES.monthsAheadMaximum);
  if (date > latest)
    problems.push({ field: 'date', message: `date ${date} is more than ${PROGRAMME_RULES.monthsAheadMaximum} months ahead; schedule on or before ${latest}` });
  if (courseRetiredOn !== null && date > courseRetiredOn) {
    problems.push({ field: 'date', message: `the course was retired on ${courseRetiredOn}; no session may be held after that day` });
  }
  const { clock } = PROGRAMME_RULES;
  if (!clock.test(startTime)) problems.push({ field: 'startTime', message: `startTime must be HH:MM on the 24-hour clock, e.g. 09:30` });
  if (!clock.test(endTime)) problems.push({ field: 'endTime', message: `endTime must be HH:MM on the 24-hour clock, e.g. 16:00` });
  else if (clock.test(startTime) && endTime <= startTime)
    problems.push({ field: 'endTime', message: `endTime ${endTime} is not after startTime ${startTime}` });
  return problems;
}

export interface SessionPlan extends SessionTimes {
  deliveryMethod: DeliveryMethod;
  venue: string | null;
  virtualLink: string | null;
  capacity: number;
}

export function sessionProblems(plan: SessionPlan): Problem[] {
  const problems = sessionTimeProblems(plan);
  const online = PROGRAMME_RULES.onlineMethods.includes(plan.deliveryMethod);
  if (online) {
    if (plan.virtualLink === null)
      problems.push({ field: 'virtualLink', message: `a ${plan.deliveryMethod} session needs a virtualLink (https://...) to join` });
    else if (!isHttpsLink(plan.virtualLink)) problems.push({ field: 'virtualLink', message: 'virtualLink must be an https:// address' });
    if (plan.venue !== null) problems.push({ field: 'venue', message: `a ${plan.deliveryMethod} session has no venue; leave venue out` });
  } else {
    if (plan.venue === null) problems.push({ field: 'venue', message: `a ${plan.deliveryMethod} session needs a venue` });
    if (plan.virtualLink !== null)
      problems.push({ field: 'virtualLink', message: `a ${plan.deliveryMethod} session is held in person; leave virtualLink out` });
  }
  problems.push(...capacityRangeProblems(plan.capacity));
  return problems;
}

function isHttpsLink(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.hostname.length > 0 && !/\s/.test(value);
  } catch {
    return false;
  }
}

function capacityRangeProblems(capacity: number): Problem[] {
  const { minimumCapacity, maximumCapacity } = PROGRAMME_RULES;
  if (!Number.isInteger(capacity) || capacity < minimumCapacity || capacity > maximumCapacity) {
    return [{ field: 'capacity', message: `capacity must be between ${minimumCapacity} and ${maximumCapacity}, got ${capacity}` }];
  }
  return [];
}

/** A session that can still be changed: not cancelled, not yet held. */
export function sessionChangeableProblems(session: { status: TrainingSessionStatus; heldOn: string }, today: string): Problem[] {
  if (session.status === 'CANCELLED') return [{ field: 'id', message: 'the session was cancelled; schedule a new one instead' }];
  if (session.heldOn < today) return [{ field: 'id', message: `the session took place on ${session.heldOn}; it can no longer be changed` }];
  return [];
}

/** A session's capacity cannot drop below the places already booked (the database's CHECK backs this). */
export function capacityProblems({ capacity, bookedPlaces }: { capacity: number; bookedPlaces: number }): Problem[] {
  const range = capacityRangeProblems(capacity);
  if (range.length > 0) return range;
  if (capacity < bookedPlaces) {
    return [{ field: 'capacity', message: `capacity ${capacity} is below the ${bookedPlaces} places already booked; give at least ${bookedPlaces}` }];
  }
  return [];
}

/** A course may retire from a date only when no session after that date still goes ahead. */
export function retirementProblems({
  retiredOn,
  alreadyRetiredOn,
  sessionsGoingAheadAfter,
}: {
  retiredOn: string;
  alreadyRetiredOn: string | null;
  /** Dates of the course's SCHEDULED sessions after retiredOn. */
  sessionsGoingAheadAfter: string[];
}): Problem[] {
  if (alreadyRetiredOn !== null) return [{ field: 'id', message: `the course was already retired on ${alreadyRetiredOn}` }];
  if (sessionsGoingAheadAfter.length > 0) {
    return [
      {
        field: 'retiredOn',
        message: `sessions after ${retiredOn} still go ahead (${sessionsGoingAheadAfter.slice(0, 5).join(', ')}); cancel or move them first, or retire from a later date`,
      },
    ];
  }
  return [];
}

/** An evaluation records what happened: not dated in the future. */
export function evaluationProblems({ recordedOn, today }: { recordedOn: string; today: string }): Problem[] {
  if (recordedOn < PROGRAMME_RULES.earliestEvaluation) {
    return [{ field: 'recordedOn', message: `recordedOn ${recordedOn} is before ${PROGRAMME_RULES.earliestEvaluation}; give the day the evidence was found` }];
  }
  if (recordedOn > today)
    return [{ field: 'recordedOn', message: `recordedOn ${recordedOn} is in the future; record evidence on or after the day it was found` }];
  return [];
}
