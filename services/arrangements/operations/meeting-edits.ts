import type { DataSource, EntityManager } from 'typeorm';
import { badUserInput, conflict, isUniqueViolation, isUuid, notFound, notPermitted, singleLineText, todayInEngland } from '@safeguarding/subgraph-runtime';
import { mayEditMeetings } from '../access';
import type { OperationContext } from '../context';
import { type BodyEntity, MeetingEntity, type MeetingReschedule } from '../entities';
import { clashingMeeting, type MeetingOnADay } from '../rules/meeting-date-clash';

/**
 * Meetings as a system of record: one ordinary meeting of a body a day (rules/meeting-date-clash.ts,
 * kept by a partial unique index as well), and a meeting moved to another date keeps the date it
 * left in its history.
 */

/** Refuses a date outside the days the body existed, naming the field. */
export function refuseDateOutsideBody(body: BodyEntity, date: string): void {
  if (body.validTo && date > body.validTo) throw badUserInput(`"${body.name}" ceased on ${body.validTo}; it cannot meet on ${date}.`, 'date');
  if (body.validFrom && date < body.validFrom) throw badUserInput(`"${body.name}" was established on ${body.validFrom}; it cannot meet on ${date}.`, 'date');
}

/** The refusal for a day another ordinary meeting of the body holds, naming that meeting. */
export function dateTaken(body: BodyEntity, existing: Pick<MeetingOnADay, 'id' | 'date'>) {
  return conflict(
    `"${body.name}" already has a meeting on ${existing.date} (meeting ${existing.id}); a second meeting that day must be marked extraordinary, or choose another date.`,
  );
}

/** The body's meetings on a date, read now (not from the request's loaders, which may be older). */
async function meetingsOn(manager: DataSource | EntityManager, bodyId: string, date: string): Promise<MeetingOnADay[]> {
  const rows = await manager.getRepository(MeetingEntity).findBy({ bodyId, meetingDate: date });
  return rows.map((row) => ({ id: row.id, date: row.meetingDate, extraordinary: row.extraordinary, status: row.status }));
}

/** Refuses the candidate when another meeting of the body holds its day (rules/meeting-date-clash.ts). */
export async function refuseDateClash(
  manager: DataSource | EntityManager,
  body: BodyEntity,
  candidate: Omit<MeetingOnADay, 'id'> & { id?: string },
): Promise<void> {
  const clash = clashingMeeting(candidate, await meetingsOn(manager, body.id, candidate.date));
  if (clash) throw dateTaken(body, clash);
}

/**
 * Runs a write that may lose the race for a day to another writer: the partial unique index
 * refuses the second one, which is answered as CONFLICT naming the meeting that won.
 */
export async function whileHoldingTheDay<T>(
  dataSource: DataSource,
  body: BodyEntity,
  candidate: Omit<MeetingOnADay, 'id'> & { id?: string },
  write: () => Promise<T>,
): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const winner = clashingMeeting(candidate, await meetingsOn(dataSource, body.id, candidate.date));
    throw winner ? dateTaken(body, winner) : conflict(`"${body.name}" already has a meeting on ${candidate.date}; read its meetings again.`);
  }
}

/** Moves a scheduled meeting to another date, only from the version the caller read; the date it left is kept. */
export async function rescheduleMeeting(
  { caller, dataSource, loaders }: OperationContext,
  id: string,
  expectedVersion: number,
  date: string,
  reason: string,
): Promise<MeetingEntity> {
  const meeting = isUuid(id) ? await loaders.meeting.load(id) : null;
  if (!meeting) throw notFound(`No meeting has the id "${id.slice(0, 80)}".`);
  const body = await loaders.body.load(meeting.bodyId);
  if (!body || !(await mayEditMeetings(caller, body, loaders))) {
    throw notPermitted(
      caller,
      body?.kind === 'LEAD_PARTNERS_FORUM'
        ? "Only the forum secretariat or a partnership-admin of the forum's partnerships may reschedule the forum's meetings."
        : "Only a partnership-admin of the body's partnership may reschedule its meetings.",
    );
  }
  const why = singleLineText(reason, 'reason', 500);
  if (meeting.version !== expectedVersion) throw conflict(`The meeting was changed by someone else since version ${expectedVersion}; read it again.`);
  if (meeting.status !== 'SCHEDULED') throw badUserInput(`The meeting is ${meeting.status}; only a SCHEDULED meeting can be moved to another date.`, 'id');
  if (date === meeting.meetingDate) throw badUserInput(`The meeting is on ${date} already; give a different date.`, 'date');
  refuseDateOutsideBody(body, date);
  const candidate = { id, date, extraordinary: meeting.extraordinary, status: meeting.status };
  await refuseDateClash(dataSource, body, candidate);
  const move: MeetingReschedule = { from: meeting.meetingDate, to: date, reason: why, recordedOn: todayInEngland(), recordedBy: caller.subject };
  const result = await whileHoldingTheDay(dataSource, body, candidate, () =>
    dataSource
      .createQueryBuilder()
      .update(MeetingEntity)
      .set({ meetingDate: date, reschedules: () => 'reschedules || CAST(:move AS jsonb)', version: () => 'version + 1' })
      .setParameter('move', JSON.stringify([move]))
      .where('id = :id AND version = :expectedVersion', { id, expectedVersion })
      .execute(),
  );
  if (result.affected !== 1) throw conflict(`The meeting was changed by someone else since version ${expectedVersion}; read it again.`);
  return dataSource.getRepository(MeetingEntity).findOneByOrFail({ id });
}
