import type { BodyKind } from '@safeguarding/seed-types';
import type { Role } from '@safeguarding/auth';

/**
 * Who prepares a body's agenda, as data: the joint LSP forum's secretariat prepares the forum's,
 * each partnership's admins prepare their own bodies'. Members of the body's partnerships read
 * drafts; everyone else sees only what has been published.
 */
export const AGENDA_EDITOR_ROLE: Partial<Record<BodyKind, Role>> = { LEAD_PARTNERS_FORUM: 'forum-secretariat' };
export const DEFAULT_AGENDA_EDITOR_ROLE: Role = 'partnership-admin';
export const DRAFT_READER_ROLES: Role[] = ['member', 'partnership-admin'];

export function agendaEditorRole(kind: BodyKind): Role {
  return AGENDA_EDITOR_ROLE[kind] ?? DEFAULT_AGENDA_EDITOR_ROLE;
}

/** What the candidates cover: since the body last met (or a year back if it never has), up to the meeting. */
export function candidateWindow(meetingDate: string, previousHeldMeetingDate: string | null): { since: string; until: string } {
  if (previousHeldMeetingDate) return { since: previousHeldMeetingDate, until: meetingDate };
  const date = new Date(`${meetingDate}T00:00:00Z`);
  date.setUTCFullYear(date.getUTCFullYear() - 1);
  return { since: date.toISOString().slice(0, 10), until: meetingDate };
}

