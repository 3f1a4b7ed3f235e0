import type { Resolvers } from '../generated/graphql';
import { mayEditMeetings } from '../access';
import { visibleActionNotes } from '../operations/action-notes';
import { agendaDocument, visibleAgenda } from '../operations/agenda';
import { candidatesForMeeting } from '../operations/agenda-candidates';
import { paperworkClockFor, paperworkDeadlines } from '../rules/paperwork-clock';

export const meetingResolvers: Resolvers = {
  Meeting: {
    __resolveReference: (reference, { loaders }) => loaders.meeting.load(reference.id),
    body: async (meeting, _args, { loaders }) => (await loaders.body.load(meeting.bodyId))!,
    date: (meeting) => meeting.meetingDate,
    virtual: (meeting) => meeting.isVirtual,
    rescheduledFrom: (meeting) => meeting.reschedules.at(-1)?.from ?? null,
    reschedules: (meeting) => meeting.reschedules,
    paperwork: async (meeting, _args, { loaders }) => {
      const body = (await loaders.body.load(meeting.bodyId))!;
      const rule = paperworkClockFor(body);
      return { meetingDate: meeting.meetingDate, rule, ...paperworkDeadlines(meeting.meetingDate, rule) };
    },
    viewerCanEdit: async (meeting, _args, { caller, loaders }) => {
      const body = await loaders.body.load(meeting.bodyId);
      return body ? mayEditMeetings(caller, body, loaders) : false;
    },
    previousMeeting: async (meeting, _args, { loaders }) => {
      const meetings = await loaders.meetingsByBody.load(meeting.bodyId);
      return meetings.filter((m) => m.meetingDate < meeting.meetingDate).pop() ?? null;
    },
    agenda: (meeting, _args, context) => visibleAgenda(meeting, context),
    agendaDocument: (meeting, _args, context) => agendaDocument(meeting, context),
    agendaCandidates: (meeting, _args, { loaders }) => candidatesForMeeting(meeting, loaders),
    actionNotes: (meeting, _args, context) => visibleActionNotes(meeting, context),
  },
};
