import type { MeetingStatus } from '../entities/meeting';

/**
 * Two meetings of one body on one date are refused unless one is marked extraordinary (issue 16's
 * domain rules). As data: which meetings hold their day, and which may share it. The database keeps
 * the same rule as a partial unique index (migration 1734130000000), which settles two writers
 * racing for the same day; this evaluator names the meeting already there.
 */
export const MEETING_DATE_RULE = {
  /** A cancelled meeting frees its day: another may be scheduled on it. */
  statusesHoldingTheDay: ['SCHEDULED', 'HELD'] as readonly MeetingStatus[],
  /** An extraordinary meeting may share its day with any other meeting of the body. */
  extraordinaryMayShare: true,
  description: 'A body has at most one ordinary meeting a day; an extraordinary meeting may share its date with another meeting of the body.',
} as const;

export interface MeetingOnADay {
  id: string;
  date: string;
  extraordinary: boolean;
  status: MeetingStatus;
}

/** The meeting that already holds `candidate`'s day (the candidate itself aside), or null when the candidate may have it. */
export function clashingMeeting(candidate: Omit<MeetingOnADay, 'id'> & { id?: string }, others: readonly MeetingOnADay[]): MeetingOnADay | null {
  const holdsTheDay = (meeting: Omit<MeetingOnADay, 'id'>) =>
    MEETING_DATE_RULE.statusesHoldingTheDay.includes(meeting.status) && !(MEETING_DATE_RULE.extraordinaryMayShare && meeting.extraordinary);
  if (!holdsTheDay(candidate)) return null;
  return others.find((other) => other.id !== candidate.id && other.date === candidate.date && holdsTheDay(other)) ?? null;
}
