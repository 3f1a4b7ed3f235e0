import { isoDate } from '@safeguarding/subgraph-runtime';

/**
 * What the candidates cover: since the body last met (or a year back if it never has), up to the
 * meeting. Who prepares and reads an agenda is in access.ts.
 */
export function candidateWindow(meetingDate: string, previousHeldMeetingDate: string | null): { since: string; until: string } {
  if (previousHeldMeetingDate) return { since: previousHeldMeetingDate, until: meetingDate };
  // Not the calendar's addMonths(-12): from 29 February this lands on 1 March, as it always has.
  const date = new Date(`${meetingDate}T00:00:00Z`);
  date.setUTCFullYear(date.getUTCFullYear() - 1);
  return { since: isoDate(date), until: meetingDate };
}
