import { hasRole, type Caller } from '@safeguarding/auth';
import type { BodyReferenceEntity } from '../entities';

/**
 * Who may do what with a body's membership. Membership lists are public (they are published
 * terms of reference). Edits: a partnership-admin of one of the body's partnerships, and the forum
 * secretariat for the joint Lead Safeguarding Partners forum. Attendance and apologies name
 * agencies that missed meetings, so they are for the body's own partnerships (members and admins),
 * the forum secretariat for the forum, and regional analysts and administrators.
 */
export function canEditMembership(caller: Caller, body: BodyReferenceEntity): boolean {
  if (body.kind === 'LEAD_PARTNERS_FORUM' && hasRole(caller, 'forum-secretariat')) return true;
  return body.partnershipSlugs.some((slug) => hasRole(caller, 'partnership-admin', slug));
}

export function canSeeAttendance(caller: Caller, body: BodyReferenceEntity | null): boolean {
  if (hasRole(caller, 'analyst') || hasRole(caller, 'regional-admin')) return true;
  if (!body) return false;
  if (body.kind === 'LEAD_PARTNERS_FORUM' && hasRole(caller, 'forum-secretariat')) return true;
  return body.partnershipSlugs.some((slug) => hasRole(caller, 'member', slug) || hasRole(caller, 'partnership-admin', slug));
}
