import { mayEditAgenda } from '../access';
import type { Resolvers } from '../generated/graphql';
import { visibleItems } from '../operations/agenda';

export const agendaResolvers: Resolvers = {
  Agenda: {
    meeting: async (agenda, _args, { loaders }) => (await loaders.meeting.load(agenda.meetingId))!,
    status: (agenda) => (agenda.seesDrafts ? agenda.status : 'PUBLISHED'),
    hasUnpublishedChanges: (agenda) => agenda.seesDrafts && agenda.status === 'DRAFT' && agenda.publishedVersion > 0,
    items: (agenda, _args, { loaders }) => visibleItems(agenda, loaders),
    totalMinutes: async (agenda, _args, { loaders }) => (await visibleItems(agenda, loaders)).reduce((sum, item) => sum + item.minutesAllotted, 0),
    minutesBySection: async (agenda, _args, { loaders }) => {
      const items = await visibleItems(agenda, loaders);
      return (['JOINT', 'CHILDREN', 'ADULTS'] as const).map((section) => ({
        section,
        minutes: items.filter((item) => item.section === section).reduce((sum, item) => sum + item.minutesAllotted, 0),
      }));
    },
    versions: (agenda, _args, { loaders }) => loaders.agendaVersions.load(agenda.id),
    viewerCanEdit: async (agenda, _args, { caller, loaders }) => {
      const meeting = (await loaders.meeting.load(agenda.meetingId))!;
      return mayEditAgenda(caller, (await loaders.body.load(meeting.bodyId))!, loaders);
    },
  },
};
