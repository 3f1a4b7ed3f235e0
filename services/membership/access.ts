import { accessTable, hasRole, type AccessRule, type Caller } from '@safeguarding/auth';
import type { BodyReferenceEntity } from './entities';

/**
 * Who may do what with the registry and a body's membership. The registry, posts, seats and
 * designations are public (they come from published terms of reference). Registering an
 * organisation is a regional job. Edits of a body's membership: a partnership-admin of one of the
 * body's partnerships, and the forum secretariat for the joint Lead Safeguarding Partners forum.
 * Attendance and apologies name agencies that missed meetings, so they are for the body's own
 * partnerships (members and admins), the forum secretariat for the forum, and regional analysts
 * and administrators. This table feeds permissions.ts (shield's coarse rule) and the scope checks
 * below, which the operations and resolvers call.
 */
export const MEMBERSHIP_ACCESS = {
  registerOrganisation: { partnershipRoles: [], forumRoles: [], regionalRoles: ['regional-admin'] },
  // Posts belong to organisations, not to bodies: any partnership-admin may add one (no scope check).
  addPost: { partnershipRoles: ['partnership-admin'], forumRoles: [], regionalRoles: ['regional-admin'] },
  editMembership: { partnershipRoles: ['partnership-admin'], forumRoles: ['forum-secretariat'], regionalRoles: [] },
  readAttendance: { partnershipRoles: ['member', 'partnership-admin'], forumRoles: ['forum-secretariat'], regionalRoles: ['analyst', 'regional-admin'] },
  // A partnership's designations: its own admins, or a regional administrator.
  designate: { partnershipRoles: ['partnership-admin'], forumRoles: [], regionalRoles: ['regional-admin'] },
} as const satisfies Record<string, AccessRule>;

export type MembershipAction = keyof typeof MEMBERSHIP_ACCESS;

const table = accessTable<MembershipAction>(MEMBERSHIP_ACCESS);
export const rolesFor = table.rolesFor;

/** True when the caller holds a regional role for the action: no body needed. */
export const mayActRegionally = (caller: Caller, action: MembershipAction): boolean => table.mayAct(caller, action);

/** True when the caller may take `action` on `body` (a body arrangements owns; null when unknown here). */
export function mayActOnBody(caller: Caller, action: MembershipAction, body: BodyReferenceEntity | null): boolean {
  if (mayActRegionally(caller, action)) return true;
  if (!body) return false;
  const rule: AccessRule = MEMBERSHIP_ACCESS[action];
  if (body.kind === 'LEAD_PARTNERS_FORUM' && (rule.forumRoles ?? []).some((role) => hasRole(caller, role))) return true;
  return body.partnershipIds.some((partnershipId) => rule.partnershipRoles.some((role) => hasRole(caller, role, partnershipId)));
}

/** True when the caller may designate, end or correct designations in the partnership. */
export function canDesignate(caller: Caller, partnershipId: string): boolean {
  if (mayActRegionally(caller, 'designate')) return true;
  return MEMBERSHIP_ACCESS.designate.partnershipRoles.some((role) => hasRole(caller, role, partnershipId));
}

export function canEditMembership(caller: Caller, body: BodyReferenceEntity): boolean {
  return mayActOnBody(caller, 'editMembership', body);
}

export function canSeeAttendance(caller: Caller, body: BodyReferenceEntity | null): boolean {
  return mayActOnBody(caller, 'readAttendance', body);
}

/**
 * Quorum failures of a body as agenda candidates: those who may read its attendance, and the
 * forum secretariat for every body, whose job is to put them on the joint forum's agenda (the
 * outcome only; the attendance list stays with the body's partnerships).
 */
export async function canSeeQuorumFailures(caller: Caller, body: () => Promise<BodyReferenceEntity | null>): Promise<boolean> {
  // The body is loaded only when the role alone does not settle it.
  return hasRole(caller, 'forum-secretariat') || canSeeAttendance(caller, await body());
}
