import { badUserInput, conflict, isUuid, notFound, notPermitted, singleLineText, todayInEngland } from '@safeguarding/subgraph-runtime';
import { MeetingEntity } from '../entities';
import type { Resolvers } from '../generated/graphql';
import { checkCadence } from '../rules/meeting-cadence';
import { paperworkClockFor, paperworkDeadlines, paperworkStage, TELFORD_AND_WREKIN_PAPERWORK_CLOCK, type PaperworkClockRule, type PaperworkDeadlines } from '../rules/paperwork-clock';
import { canEditBody } from './body';

/** What PaperworkClock's resolvers receive: the deadlines plus the meeting date they came from. */
export interface PaperworkClockParent extends PaperworkDeadlines {
  meetingDate: string;
  rule: PaperworkClockRule;
}

const MAXIMUM_UPCOMING = 50;

export const meetingResolvers: Resolvers = {
  Meeting: {
    __resolveReference: (reference, { loaders }) => loaders.meeting.load(reference.id),
    body: async (meeting, _args, { loaders }) => (await loaders.body.load(meeting.bodyId))!,
    date: (meeting) => meeting.meetingDate,
    virtual: (meeting) => meeting.isVirtual,
    paperwork: async (meeting, _args, { loaders }) => {
      const body = (await loaders.body.load(meeting.bodyId))!;
      const rule = paperworkClockFor(body);
      return { meetingDate: meeting.meetingDate, rule, ...paperworkDeadlines(meeting.meetingDate, rule) };
    },
    viewerCanEdit: async (meeting, _args, { caller, loaders }) => {
      const body = await loaders.body.load(meeting.bodyId);
      return body ? canEditBody(caller, body, loaders) : false;
    },
  },
  PaperworkClock: {
    stage: (clock, { asOf }) => paperworkStage(clock.meetingDate, asOf ?? todayInEngland(), clock.rule),
    statedForThisBody: (clock) => clock.rule === TELFORD_AND_WREKIN_PAPERWORK_CLOCK,
    source: (clock) => clock.rule.source,
  },
  Body: {
    meetings: async (body, { from, to }, { loaders }) =>
      (await loaders.meetingsByBody.load(body.id)).filter((m) => (!from || m.meetingDate >= from) && (!to || m.meetingDate <= to)),
    upcomingMeetings: async (body, { after, limit }, { loaders }) => {
      const count = limit ?? 3;
      if (count < 1 || count > MAXIMUM_UPCOMING) throw badUserInput(`limit must be between 1 and ${MAXIMUM_UPCOMING}`, 'limit');
      const since = after ?? todayInEngland();
      return (await loaders.meetingsByBody.load(body.id)).filter((m) => m.meetingDate > since && m.status === 'SCHEDULED').slice(0, count);
    },
    missedCadence: async (body, { from, to }, { loaders }) => {
      if (to < from) throw badUserInput(`"to" (${to}) is before "from" (${from})`, 'to');
      if (!body.meetingFrequency) return null;
      const held = (await loaders.meetingsByBody.load(body.id)).filter((m) => m.status === 'HELD').map((m) => m.meetingDate);
      return { ...checkCadence(body.meetingFrequency, held, from, to), rule: body.meetingFrequency };
    },
  },
  Query: {
    meeting: (_root, { id }, { loaders }) => (isUuid(id) ? loaders.meeting.load(id) : null),
  },
  Mutation: {
    scheduleMeeting: async (_root, { bodyId, input }, { caller, dataSource, loaders }) => {
      const body = await loaders.body.load(bodyId);
      if (!body) throw notFound(`No body has the id "${bodyId.slice(0, 80)}".`);
      if (!(await canEditBody(caller, body, loaders))) throw notPermitted(caller, `Only a partnership-admin of the partnership that owns "${body.name}" may schedule its meetings.`);
      if (body.validTo && input.date > body.validTo) throw badUserInput(`"${body.name}" ceased on ${body.validTo}; it cannot meet on ${input.date}.`, 'date');
      if (body.validFrom && input.date < body.validFrom) throw badUserInput(`"${body.name}" was established on ${body.validFrom}; it cannot meet on ${input.date}.`, 'date');
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
    },
    setMeetingStatus: async (_root, { id, expectedVersion, status }, { caller, dataSource, loaders }) => {
      const meeting = isUuid(id) ? await loaders.meeting.load(id) : null;
      if (!meeting) throw notFound(`No meeting has the id "${id.slice(0, 80)}".`);
      const body = await loaders.body.load(meeting.bodyId);
      if (!body || !(await canEditBody(caller, body, loaders))) throw notPermitted(caller, 'Only a partnership-admin of the body\'s partnership may record its meetings.');
      if (status === 'HELD' && meeting.meetingDate > todayInEngland()) throw badUserInput(`The meeting is on ${meeting.meetingDate}; it cannot have been held yet.`, 'status');
      const result = await dataSource
        .createQueryBuilder()
        .update(MeetingEntity)
        .set({ status, version: () => 'version + 1' })
        .where('id = :id AND version = :expectedVersion', { id, expectedVersion })
        .execute();
      if (result.affected !== 1) throw conflict(`The meeting was changed by someone else since version ${expectedVersion}; read it again.`);
      return dataSource.getRepository(MeetingEntity).findOneByOrFail({ id });
    },
  },
};
