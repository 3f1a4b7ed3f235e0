import { inForceOn } from '@safeguarding/subgraph-runtime';
import type { AttendanceEntity, MembershipEntity } from '../entities';
import { meetingKey, type MembershipLoaders } from '../loaders';
import type { AttendanceRecordParent, MeetingParent, QuorumEvaluationParent } from '../models';
import { evaluateQuorum, unexplainedAbsences } from '../rules/quorum';

/**
 * A meeting's attendance read from the loaded rows: what was recorded, who was absent without a
 * valid reason, and whether the meeting was quorate under the body's rule (passed by the gateway).
 */

/**
 * The records of one meeting among those of its date: the ones naming the meeting's id; when none
 * does, the ones recorded by body and date alone (no meetingId), which belong to the date's meeting.
 */
export function recordsOfMeeting(meetingId: string, recordsOfDate: readonly AttendanceEntity[]): AttendanceEntity[] {
  const named = recordsOfDate.filter((record) => record.meetingId === meetingId);
  return named.length > 0 ? named : recordsOfDate.filter((record) => record.meetingId === null);
}

/** The seats in force on the meeting day and what was recorded for them. */
async function meetingAttendance(meeting: MeetingParent, loaders: MembershipLoaders): Promise<{ seats: MembershipEntity[]; records: AttendanceEntity[] }> {
  if (!meeting.body || !meeting.date) return { seats: [], records: [] };
  const [seats, records] = await Promise.all([
    loaders.membershipsByBody.load(meeting.body.id),
    loaders.attendanceByMeeting.load(meetingKey(meeting.body.id, meeting.date)),
  ]);
  return { seats: seats.filter((seat) => inForceOn(seat, meeting.date)), records: recordsOfMeeting(meeting.id, records) };
}

const ATTENDANCE_ORDER = { ATTENDED: 0, APOLOGIES: 1, ABSENT: 2 } as const;

/** Every record of the meeting: attended first, then apologies, then absent; by organisation within each. */
export async function attendanceAt(meeting: MeetingParent, loaders: MembershipLoaders): Promise<AttendanceRecordParent[]> {
  if (!meeting.body || !meeting.date) return [];
  const records = recordsOfMeeting(meeting.id, await loaders.attendanceByMeeting.load(meetingKey(meeting.body.id, meeting.date)));
  const seats = await loaders.membership.loadMany(records.map((r) => r.membershipId));
  return records
    .map((record, index): AttendanceRecordParent => ({ seat: seats[index] as MembershipEntity, record }))
    .sort((a, b) => ATTENDANCE_ORDER[a.record!.outcome] - ATTENDANCE_ORDER[b.record!.outcome] || a.seat.organisationId.localeCompare(b.seat.organisationId));
}

/** Seats in force that day with no record or an apology without a valid reason. */
export async function unexplainedAbsencesAt(meeting: MeetingParent, loaders: MembershipLoaders): Promise<AttendanceRecordParent[]> {
  const { seats, records } = await meetingAttendance(meeting, loaders);
  const bySeat = new Map(records.map((r) => [r.membershipId, r]));
  return unexplainedAbsences(seats, bySeat)
    .map((seat): AttendanceRecordParent => ({ seat, record: bySeat.get(seat.id) ?? null }))
    .sort((a, b) => a.seat.organisationId.localeCompare(b.seat.organisationId));
}

/** The meeting's quorum under the body's rule; null when the body has none. */
export async function quorumAt(meeting: MeetingParent, loaders: MembershipLoaders): Promise<QuorumEvaluationParent | null> {
  const rule = meeting.body?.quorumRule;
  if (!rule) return null;
  const { records } = await meetingAttendance(meeting, loaders);
  const seats = await loaders.membership.loadMany(records.map((r) => r.membershipId));
  const facts = records.map((record, index) => ({
    organisationId: (seats[index] as MembershipEntity).organisationId,
    outcome: record.outcome,
    attendedAs: record.attendedAs,
  }));
  const result = evaluateQuorum(
    {
      kind: rule.kind,
      namedDeputyCounts: rule.namedDeputyCounts,
      requiredOrganisationIds: rule.requiredOrganisations.map((organisation: { id: string }) => organisation.id),
      unexplainedAbsenceReported: rule.unexplainedAbsenceReported,
    },
    facts,
  );
  return { kind: rule.kind, ...result, reportUnexplainedAbsencesToLineManager: rule.unexplainedAbsenceReported };
}
