import { badUserInput, conflict, isUuid, notFound, notPermitted, singleLineText, todayInEngland } from '@safeguarding/subgraph-runtime';
import { mayEditBody } from '../access';
import type { OperationContext } from '../context';
import { MeetingEntity, type MeetingStatus } from '../entities';
import type { ScheduleMeetingInput } from '../generated/graphql';

/** Schedules a meeting of a body, within the dates the body existed. */
export async function scheduleMeeting({ caller, dataSource, loaders }: OperationContext, bodyId: string, input: ScheduleMeetingInput): Promise<MeetingEntity> {
  const body = await loaders.body.load(bodyId);
  if (!body) throw notFound(`No body has the id "${bodyId.slice(0, 80)}".`);
  if (!(await mayEditBody(caller, body, loaders)))
    throw notPermitted(caller, `Only a partnership-admin of the partnership that owns "${body.name}" may schedule its meetings.`);
  if (body.validTo && input.date > body.validTo) throw badUserInput(`"${body.name}" ceased on ${body.validTo}; it cannot meet on ${input.date}.`, 'date');
  if (body.validFrom && input.date < body.validFrom)
    throw badUserInput(`"${body.name}" was established on ${body.validFrom}; it cannot meet on ${input.date}.`, 'date');
  if (input.startTime != null && !/^([01][0-9]|2[0-3]):[0-5][0-9]$/.test(input.startTime)) {
    throw badUserInput(`startTime "${input.startTime.slice(0, 20)}" is not a time; use HH:MM, e.g. 10:00`, 'startTime');
  }
  const meeting = dataSource.getRepository(MeetingEntity).create({
    bodyId,
    meetingDate: input.date,
    startTime: input.startTime ?? null,
    location: input.location == null ? null : singleLineText(input.location, 'location', 200),
    isVirtual: input.virtual ?? false,
    status: 'SCHEDULED',
    source: { document: 'recorded through the API', section: `scheduleMeeting by ${caller.subject}`, synthetic: false },
  });
  return dataSource.getRepository(MeetingEntity).save(meeting);
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
  if (!body || !(await mayEditBody(caller, body, loaders)))
    throw notPermitted(caller, "Only a partnership-admin of the body's partnership may record its meetings.");
  if (status === 'HELD' && meeting.meetingDate > todayInEngland())
    throw badUserInput(`The meeting is on ${meeting.meetingDate}; it cannot have been held yet.`, 'status');
  const result = await dataSource
    .createQueryBuilder()
    .update(MeetingEntity)
    .set({ status, version: () => 'version + 1' })
    .where('id = :id AND version = :expectedVersion', { id, expectedVersion })
    .execute();
  if (result.affected !== 1) throw conflict(`The meeting was changed by someone else since version ${expectedVersion}; read it again.`);
  return dataSource.getRepository(MeetingEntity).findOneByOrFail({ id });
}
