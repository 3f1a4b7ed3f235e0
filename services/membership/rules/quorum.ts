import type { AttendanceOutcome, AttendedAs, MembershipRole } from '../entities';

/**
 * Quorum rules are data owned by arrangements (Body.quorumRule); this evaluates one meeting's
 * recorded attendance against one. ALL_STATUTORY_PARTNERS_REPRESENTED: each required agency must
 * have someone there, in person, or by a named deputy where the rule lets a deputy count
 * (Telford & Wrekin Executive: yes; Shropshire: the documents say nothing about deputies, so no).
 */
export interface QuorumRuleSnapshot {
  kind: 'ALL_STATUTORY_PARTNERS_REPRESENTED' | 'NOT_STATED';
  namedDeputyCounts: boolean;
  requiredOrganisationIds: readonly string[];
  unexplainedAbsenceReported: boolean;
}

export interface AttendanceFact {
  organisationId: string;
  outcome: AttendanceOutcome;
  attendedAs: AttendedAs | null;
}

export interface QuorumResult {
  quorate: boolean | null;
  missingOrganisationIds: string[];
  representedOrganisationIds: string[];
  attendanceRecorded: boolean;
}

export function evaluateQuorum(rule: QuorumRuleSnapshot, attendance: readonly AttendanceFact[]): QuorumResult {
  const attendanceRecorded = attendance.length > 0;
  const counts = (fact: AttendanceFact) =>
    fact.outcome === 'ATTENDED' && (fact.attendedAs === 'MEMBER' || (fact.attendedAs === 'NAMED_DEPUTY' && rule.namedDeputyCounts));
  // Until attendance is taken nobody is missing: the meeting is simply not evaluated yet.
  if (!attendanceRecorded || rule.kind === 'NOT_STATED')
    return { quorate: null, missingOrganisationIds: [], representedOrganisationIds: [], attendanceRecorded };
  const present = new Set(attendance.filter(counts).map((fact) => fact.organisationId));
  const representedOrganisationIds = rule.requiredOrganisationIds.filter((id) => present.has(id));
  const missingOrganisationIds = rule.requiredOrganisationIds.filter((id) => !present.has(id));
  return { quorate: missingOrganisationIds.length === 0, missingOrganisationIds, representedOrganisationIds, attendanceRecorded };
}

export interface Seat {
  id: string;
  role: MembershipRole;
  organisationId: string;
  postId: string | null;
}

/**
 * The seats expected at a meeting: members, co-opted members and the chair (a chair who also holds
 * a member seat for the same post is expected once, in that seat). Deputies and virtual members
 * attend only when called on, so they are never missing.
 */
export function expectedSeats<T extends Seat>(seats: readonly T[]): T[] {
  const memberPosts = new Set(seats.filter((s) => s.role === 'MEMBER').map((s) => `${s.organisationId}|${s.postId}`));
  return seats.filter((s) => s.role === 'MEMBER' || s.role === 'CO_OPTED' || (s.role === 'CHAIR' && !memberPosts.has(`${s.organisationId}|${s.postId}`)));
}

export interface RecordedOutcome {
  outcome: AttendanceOutcome;
  apologyReasonValid: boolean | null;
}

/** Absent, or apologies without a valid reason: what the Shropshire rule reports to the line manager. */
export function isUnexplained(record: RecordedOutcome | undefined): boolean {
  if (!record) return true;
  if (record.outcome === 'ABSENT') return true;
  return record.outcome === 'APOLOGIES' && record.apologyReasonValid !== true;
}

/**
 * Expected seats with no valid reason for missing a meeting. Nothing is listed until some
 * attendance is recorded: an unrecorded meeting is not a meeting everyone missed.
 */
export function unexplainedAbsences<T extends Seat>(seats: readonly T[], recorded: ReadonlyMap<string, RecordedOutcome>): T[] {
  if (recorded.size === 0) return [];
  return expectedSeats(seats).filter((seat) => isUnexplained(recorded.get(seat.id)));
}
