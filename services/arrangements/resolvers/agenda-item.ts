import { isUuid } from '@safeguarding/subgraph-runtime';
import type { Resolvers } from '../generated/graphql';
import { isPaperLate, paperworkClockFor } from '../rules/paperwork-clock';

/** The SDL type name of each subject kind an item may be about. */
const SUBJECT_TYPENAMES: Record<string, string> = {
  REVIEW: 'Review',
  STRATEGIC_PRIORITY: 'StrategicPriority',
  SUCCESS_STATEMENT: 'SuccessStatement',
  BODY: 'Body',
  MEETING: 'Meeting',
  THEME: 'Theme',
  THRESHOLD_MODEL: 'ThresholdModel',
  REGIONAL_PROCEDURE_CHAPTER: 'RegionalProcedureChapter',
};

export const agendaItemResolvers: Resolvers = {
  AgendaItem: {
    ownerPartnership: (item, _args, { loaders }) => (item.ownerPartnershipId ? loaders.partnership.load(item.ownerPartnershipId) : null),
    presenterOrganisation: (item) => (item.presenterOrganisationId ? { id: item.presenterOrganisationId } : null),
    paperLate: async (item, _args, { loaders }) => {
      if (!item.paperSubmittedOn) return false;
      const agenda = (await loaders.agenda.load(item.agendaId))!;
      const meeting = (await loaders.meeting.load(agenda.meetingId))!;
      const body = (await loaders.body.load(meeting.bodyId))!;
      return isPaperLate(meeting.meetingDate, item.paperSubmittedOn, paperworkClockFor(body));
    },
    subject: async (item, _args, { loaders }) => {
      if (!item.subjectType || !item.subjectId) return null;
      const typename = SUBJECT_TYPENAMES[item.subjectType];
      if (!typename) return null;
      const id = item.subjectId;
      // Subjects owned here are loaded; the rest are references the gateway resolves.
      const local: Record<string, () => Promise<object | null>> = {
        StrategicPriority: () => loaders.strategicPriority.load(id),
        SuccessStatement: () => (isUuid(id) ? loaders.successStatement.load(id) : Promise.resolve(null)),
        Body: () => loaders.body.load(id),
        Meeting: () => (isUuid(id) ? loaders.meeting.load(id) : Promise.resolve(null)),
        RegionalProcedureChapter: () => (isUuid(id) ? loaders.chapter.load(id) : Promise.resolve(null)),
      };
      const entity = local[typename] ? await local[typename]() : { id };
      return entity ? { __typename: typename, ...entity } : null;
    },
  },
};
