import { badUserInput, conflict, isUniqueViolation, isUuid, multiLineText, notFound, notPermitted, todayInEngland } from '@safeguarding/subgraph-runtime';
import { MeetingActionNotesEntity, type MeetingEntity } from '../entities';
import type { Resolvers } from '../generated/graphql';
import { paperworkClockFor, paperworkDeadlines, type PaperworkClockRule } from '../rules/paperwork-clock';
import { canEditAgenda, canReadAgendaDrafts } from './agenda-access';

export interface ActionNotesParent extends MeetingActionNotesEntity {
  meetingDate: string;
  rule: PaperworkClockRule;
}

const stageOn = (notes: ActionNotesParent, date: string) => (date <= paperworkDeadlines(notes.meetingDate, notes.rule).amendmentRequestsCloseOn ? 'AMENDMENTS_OPEN' : 'RECORD');

export const actionNotesResolvers: Resolvers = {
  Meeting: {
    actionNotes: async (meeting, _args, { caller, loaders }) => {
      const notes = await loaders.actionNotes.load(meeting.id);
      if (!notes) return null;
      const body = (await loaders.body.load(meeting.bodyId))!;
      const rule = paperworkClockFor(body);
      const parent = { ...notes, meetingDate: meeting.meetingDate, rule };
      // Draft notes stay inside the partnerships; once they are the record, they are published.
      if (stageOn(parent, todayInEngland()) === 'AMENDMENTS_OPEN' && !(await canReadAgendaDrafts(caller, body, loaders))) return null;
      return parent;
    },
  },
  ActionNotes: {
    issuedLate: (notes) => notes.issuedOn > paperworkDeadlines(notes.meetingDate, notes.rule).draftActionNotesDueOn,
    amendmentRequestsCloseOn: (notes) => paperworkDeadlines(notes.meetingDate, notes.rule).amendmentRequestsCloseOn,
    stage: (notes, { asOf }) => stageOn(notes, asOf ?? todayInEngland()),
  },
  Mutation: {
    issueDraftActionNotes: async (_root, { meetingId, text }, { caller, dataSource, loaders }) => {
      const meeting = isUuid(meetingId) ? await loaders.meeting.load(meetingId) : null;
      if (!meeting) throw notFound(`No meeting has the id "${meetingId.slice(0, 80)}".`);
      const body = (await loaders.body.load(meeting.bodyId))!;
      if (!(await canEditAgenda(caller, body, loaders))) throw notPermitted(caller, 'Only whoever prepares the agenda (the forum secretariat for the joint forum) issues the action notes.');
      const today = todayInEngland();
      if (meeting.meetingDate > today) throw badUserInput(`The meeting is on ${meeting.meetingDate}; notes are issued after it.`, 'meetingId');
      const notes = { meetingId, text: multiLineText(text, 'text', 50_000, { refuseIdentifiers: true }), issuedOn: today, issuedBy: caller.subject, amendmentRequests: [] };
      try {
        await dataSource.getRepository(MeetingActionNotesEntity).insert(notes);
      } catch (error) {
        if (isUniqueViolation(error)) throw conflict('Draft notes were already issued for this meeting; request an amendment instead.');
        throw error;
      }
      return { ...notes, meetingDate: meeting.meetingDate, rule: paperworkClockFor(body) };
    },
    requestActionNotesAmendment: async (_root, { meetingId, request }, { caller, dataSource, loaders }) => {
      const meeting: MeetingEntity | null = isUuid(meetingId) ? await loaders.meeting.load(meetingId) : null;
      if (!meeting) throw notFound(`No meeting has the id "${meetingId.slice(0, 80)}".`);
      const body = (await loaders.body.load(meeting.bodyId))!;
      if (!(await canReadAgendaDrafts(caller, body, loaders))) throw notPermitted(caller, "Only members of the body's partnerships may request amendments to its notes.");
      const rule = paperworkClockFor(body);
      const closes = paperworkDeadlines(meeting.meetingDate, rule).amendmentRequestsCloseOn;
      const today = todayInEngland();
      if (today > closes) throw badUserInput(`The amendment window closed on ${closes}; the notes are now the record and read-only.`, 'meetingId');
      const amendment = { requestedOn: today, requestedBy: caller.subject, request: multiLineText(request, 'request', 5000, { refuseIdentifiers: true }) };
      // Appended in one statement, so two members asking at once both keep their request.
      const result = await dataSource
        .createQueryBuilder()
        .update(MeetingActionNotesEntity)
        .set({ amendmentRequests: () => `amendment_requests || :amendment::jsonb` })
        .where('meeting_id = :meetingId')
        .setParameters({ amendment: JSON.stringify([amendment]), meetingId })
        .execute();
      if (result.affected !== 1) throw badUserInput('No draft notes have been issued for this meeting yet.', 'meetingId');
      const notes = await dataSource.getRepository(MeetingActionNotesEntity).findOneByOrFail({ meetingId });
      return { ...notes, meetingDate: meeting.meetingDate, rule };
    },
  },
};
