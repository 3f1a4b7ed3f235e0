import { todayInEngland } from '@safeguarding/subgraph-runtime';
import type { Resolvers } from '../generated/graphql';
import { actionNotesStageOn } from '../operations/action-notes';
import { paperworkDeadlines } from '../rules/paperwork-clock';

export const actionNotesResolvers: Resolvers = {
  ActionNotes: {
    issuedLate: (notes) => notes.issuedOn > paperworkDeadlines(notes.meetingDate, notes.rule).draftActionNotesDueOn,
    amendmentRequestsCloseOn: (notes) => paperworkDeadlines(notes.meetingDate, notes.rule).amendmentRequestsCloseOn,
    stage: (notes, { asOf }) => actionNotesStageOn(notes, asOf ?? todayInEngland()),
  },
};
