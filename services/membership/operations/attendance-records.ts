import { badUserInput, conflict, isUniqueViolation, isUuid } from '@safeguarding/subgraph-runtime';
import { IsNull } from 'typeorm';
import { AttendanceEntity } from '../entities';
import type { MembershipOperationContext } from '../context';

/**
 * Attendance belongs to a meeting, not a date: a body may hold an extraordinary second meeting on
 * the date of another. Membership cannot see arrangements' meetings, so it decides from what is
 * recorded on the date:
 *  - with meetingId: the records are that meeting's (a seat recorded again for it is replaced);
 *  - without: accepted while the date's records belong to one meeting at most; they join that
 *    meeting (its id when the earlier records named one). Once the date has records of two meetings
 *    (two ids, or one id and records without one), meetingId is required (BAD_USER_INPUT, field meetingId).
 * Reads (operations/attendance.ts, recordsOfMeeting) give a meeting the records naming its id, or,
 * when none does, the date's records without an id.
 */

export type AttendanceRow = Omit<AttendanceEntity, 'id' | 'meetingId'>;

/** Stores one meeting's records in one transaction, all or none; returns the meeting's records as stored. */
export async function storeAttendance(
  context: MembershipOperationContext,
  meeting: { bodyId: string; meetingDate: string; meetingId?: string | null },
  rows: readonly AttendanceRow[],
): Promise<AttendanceEntity[]> {
  if (meeting.meetingId != null && !isUuid(meeting.meetingId))
    throw badUserInput(
      `meetingId "${meeting.meetingId.slice(0, 40)}" is not a meeting id (a UUID); query body { meetings { id date } } for the ids.`,
      'meetingId',
    );
  try {
    return await context.dataSource.transaction(async (manager) => {
      // One writer per body and date: the choice of meeting below sees every earlier write.
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`membership.attendance|${meeting.bodyId}|${meeting.meetingDate}`]);
      const repository = manager.getRepository(AttendanceEntity);
      const ofDate = await repository.findBy({ bodyId: meeting.bodyId, meetingDate: meeting.meetingDate });
      let meetingId = meeting.meetingId ?? null;
      if (meetingId === null) {
        const meetings = new Set(ofDate.map((record) => record.meetingId));
        if (meetings.size > 1)
          throw badUserInput(
            `Attendance on ${meeting.meetingDate} is already recorded for ${meetings.size} meetings of ${meeting.bodyId}; give meetingId to say which meeting this is.`,
            'meetingId',
          );
        meetingId = [...meetings][0] ?? null;
      }
      const sameMeeting = { bodyId: meeting.bodyId, meetingDate: meeting.meetingDate, meetingId: meetingId ?? IsNull() };
      const replaced = new Set(rows.map((row) => row.membershipId));
      const earlier = ofDate.filter((record) => record.meetingId === meetingId && replaced.has(record.membershipId));
      if (earlier.length > 0) await repository.delete(earlier.map((record) => record.id));
      await repository.insert(rows.map((row) => ({ ...row, meetingId })));
      return repository.findBy(sameMeeting);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict('Someone recorded attendance for the same meeting at the same moment; read it again and retry.');
    throw error;
  }
}
