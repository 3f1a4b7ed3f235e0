import type { AttendanceEntity, MembershipEntity } from '../entities';
import type { Resolvers } from '../generated/graphql';
import { meetingKey, type MembershipLoaders } from '../loaders';
import { inForceOn } from '../rules/dates';
import { evaluateQuorum, isUnexplained, unexplainedAbsences } from '../rules/quorum';
import type { AttendanceRecordParent, MeetingParent } from './parents';

/** The seats in force on the meeting day and what was recorded for them. */
async function meetingAttendance(meeting: MeetingParent, loaders: MembershipLoaders): Promise<{ seats: MembershipEntity[]; records: AttendanceEntity[] }> {
  if (!meeting.body || !meeting.date) return { seats: [], records: [] };
  const [seats, records] = await Promise.all([
    loaders.membershipsByBody.load(meeting.body.id),
    loaders.attendanceByMeeting.load(meetingKey(meeting.body.id, meeting.date)),
  ]);
  return { seats: seats.filter((seat) => inForceOn(seat, meeting.date!)), records };
}

const ATTENDANCE_ORDER = { ATTENDED: 0, APOLOGIES: 1, ABSENT: 2 } as const;

export const meetingResolvers: Resolvers = {
  Meeting: {
    // Attendance is keyed by the meeting's body and date, which the gateway passes with the id.
    // The reference carries them whenever a field that needs them was asked for (see @requires).
    __resolveReference: (reference) => reference as unknown as MeetingParent,
    attendance: async (meeting, _args, { loaders }) => {
      if (!meeting.body || !meeting.date) return [];
      const records = await loaders.attendanceByMeeting.load(meetingKey(meeting.body.id, meeting.date));
      const seats = await loaders.membership.loadMany(records.map((r) => r.membershipId));
      return records
        .map((record, index): AttendanceRecordParent => ({ seat: seats[index] as MembershipEntity, record }))
        .sort((a, b) => ATTENDANCE_ORDER[a.record!.outcome] - ATTENDANCE_ORDER[b.record!.outcome] || a.seat.organisationId.localeCompare(b.seat.organisationId));
    },
    unexplainedAbsences: async (meeting, _args, { loaders }) => {
      const { seats, records } = await meetingAttendance(meeting, loaders);
      const bySeat = new Map(records.map((r) => [r.membershipId, r]));
      return unexplainedAbsences(seats, bySeat)
        .map((seat): AttendanceRecordParent => ({ seat, record: bySeat.get(seat.id) ?? null }))
        .sort((a, b) => a.seat.organisationId.localeCompare(b.seat.organisationId));
    },
    quorum: async (meeting, _args, { loaders }) => {
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
        { kind: rule.kind, namedDeputyCounts: rule.namedDeputyCounts, requiredOrganisationIds: rule.requiredOrganisations.map((organisation: { id: string }) => organisation.id), unexplainedAbsenceReported: rule.unexplainedAbsenceReported },
        facts,
      );
      return { kind: rule.kind, ...result, reportUnexplainedAbsencesToLineManager: rule.unexplainedAbsenceReported };
    },
  },
  AttendanceRecord: {
    membership: (row) => row.seat,
    organisation: async (row, _args, { loaders }) => (await loaders.organisation.load(row.seat.organisationId))!,
    post: (row, _args, { loaders }) => (row.seat.postId ? loaders.post.load(row.seat.postId) : null),
    outcome: (row) => row.record?.outcome ?? null,
    attendedAs: (row) => row.record?.attendedAs ?? null,
    apologyReason: (row) => row.record?.apologyReason ?? null,
    apologyReasonValid: (row) => row.record?.apologyReasonValid ?? null,
    unexplained: (row) => isUnexplained(row.record ?? undefined),
    source: (row) => row.record?.source ?? null,
  },
  QuorumEvaluation: {
    missingAgencies: async (quorum, _args, { loaders }) => (await loaders.organisation.loadMany(quorum.missingOrganisationIds)).flatMap((o) => (o && !(o instanceof Error) ? [o] : [])),
    representedAgencies: async (quorum, _args, { loaders }) => (await loaders.organisation.loadMany(quorum.representedOrganisationIds)).flatMap((o) => (o && !(o instanceof Error) ? [o] : [])),
  },
};
