import { badUserInput, conflict, isUuid, notFound, notPermitted, singleLineText, todayInEngland } from '@safeguarding/subgraph-runtime';
import { mayEditMeetings } from '../access';
import type { OperationContext } from '../context';
import { MeetingEntity, type MeetingStatus } from '../entities';
import type { ScheduleMeetingInput } from '../generated/graphql';
import { refuseDateClash, refuseDateOutsideBody, whileHoldingTheDay } from './meeting-edits';

/**
 * Schedules a meeting of a body, within the dates the body existed, on a day no other ordinary
 * meeting of the body holds unless this one is extraordinary (rules/meeting-date-clash.ts).
 */
export async function scheduleMeeting({ caller, dataSource, loaders }: OperationContext, bodyId: string, input: ScheduleMeetingInput): Promise<MeetingEntity> {
  const body = await loaders.body.load(bodyId);
  if (!body) throw notFound(`No body has the id "${bodyId.slice(0, 80)}".`);
  if (!(await mayEditMeetings(caller, body, loaders))) {
    throw notPermitted(
      caller,
      body.kind === 'LEAD_PARTNERS_FORUM'
        ? `Only the forum secretariat or a partnership-admin of the forum's partnerships may schedule "${body.name}"'s meetings.`
        : `Only a partnership-admin of the partnership that owns "${body.name}" may schedule its meetings.`,
    );
  }
  refuseDateOutsideBody(body, input.date);
  if (input.startTime != null && !/^([01][0-9]|2[0-3]):[0-5][0-9]$/.test(input.startTime)) {
    throw badUserInput(`startTime "${input.startTime.slice(0, 20)}" is not a time; use HH:MM, e.g. 10:00`, 'startTime');
  }
  const meeting = dataSource.getRepository(MeetingEntity).create({
    bodyId,
    meetingDate: input.date,
    startTime: input.startTime ?? null,
    location: input.location == null ? null : singleLineText(input.location, 'location', 200),
    isVirtual: input.virtual ?? false,
    extraordinary: input.extraordinary ?? false,
    reschedules: [],
    status: 'SCHEDULED',
    source: { document: 'recorded through the API', section: `scheduleMeeting by ${caller.subject}`, synthetic: false },
  });
  const candidate = { date: input.date, extraordinary: meeting.extraordinary, status: meeting.status };
  await refuseDateClash(dataSource, body, candidate);
  return whileHoldingTheDay(dataSource, body, candidate, () => dataSource.getRepository(MeetingEntity).save(meeting));
}

/** Records that a meeting was held or cancelled, only from the version the caller read. */
export async function setMeetingStatus(
  { caller, dataSource, loaders }: OperationContext,
  id: string,
  expectedVersion: number,
  status: MeetingStatus,
): Promise<MeetingEntity> {
  const meeting = isUuid(id) ? await loaders.meeting.load(id) : null;
  if (!meeting) throw notFound(`No meeting has the id "${id.slice(0, 80)}".`);
  const body = await loaders.body.load(meeting.bodyId);
  if (!body || !(await mayEditMeetings(caller, body, loaders)))
    throw notPermitted(caller, "Only a partnership-admin of the body's partnership (or, for the joint forum, its secretariat) may record its meetings.");
  if (status === 'HELD' && meeting.meetingDate > todayInEngland())
    throw badUserInput(`The meeting is on ${meeting.meetingDate}; it cannot have been held yet.`, 'status');
  // A cancelled meeting frees its day; restoring it needs the day to be free again.
  const candidate = { id, date: meeting.meetingDate, extraordinary: meeting.extraordinary, status };
  if (meeting.status === 'CANCELLED' && status !== 'CANCELLED') await refuseDateClash(dataSource, body, candidate);
  const result = await whileHoldingTheDay(dataSource, body, candidate, () =>
    dataSource
      .createQueryBuilder()
      .update(MeetingEntity)
      .set({ status, version: () => 'version + 1' })
      .where('id = :id AND version = :expectedVersion', { id, expectedVersion })
      .execute(),
  );
  if (result.affected !== 1) throw conflict(`The meeting was changed by someone else since version ${expectedVersion}; read it again.`);
  return dataSource.getRepository(MeetingEntity).findOneByOrFail({ id });
}
