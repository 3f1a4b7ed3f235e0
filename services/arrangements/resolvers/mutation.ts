import type { Resolvers } from '../generated/graphql';
import { issueDraftActionNotes, requestActionNotesAmendment } from '../operations/action-notes';
import { addAgendaItem, prepareAgenda, publishAgenda, reorderAgenda } from '../operations/agenda';
import { updateBody } from '../operations/bodies';
import { scheduleMeeting, setMeetingStatus } from '../operations/meetings';
import { recordSuccessMeasurement } from '../operations/strategic-plan';
import {
  addRegionalProcedureChapter,
  adoptRegionalProcedure,
  publishRegionalProcedureChapterVersion,
  updateRegionalProcedureAdoption,
} from '../operations/regional-procedures';
import {
  addStrategicAction,
  addStrategicPriority,
  addSuccessStatement,
  createStrategicPlan,
  retireStrategicPriority,
  retireSuccessStatement,
  reviseStrategicPriority,
  reviseSuccessStatement,
  updateStrategicAction,
} from '../operations/strategic-plan-edits';

/** Every edit is a named operation; each checks the caller's scope itself (access.ts). */
export const mutationResolvers: Resolvers = {
  Mutation: {
    updateBody: (_root, { id, expectedVersion, input }, context) => updateBody(context, id, expectedVersion, input),
    scheduleMeeting: (_root, { bodyId, input }, context) => scheduleMeeting(context, bodyId, input),
    setMeetingStatus: (_root, { id, expectedVersion, status }, context) => setMeetingStatus(context, id, expectedVersion, status),
    recordSuccessMeasurement: (_root, { statementId, measuredOn, value }, context) => recordSuccessMeasurement(context, statementId, measuredOn, value),
    prepareAgenda: (_root, { meetingId }, context) => prepareAgenda(context, meetingId),
    addAgendaItem: (_root, { agendaId, input }, context) => addAgendaItem(context, agendaId, input),
    reorderAgenda: (_root, { agendaId, expectedVersion, itemIds }, context) => reorderAgenda(context, agendaId, expectedVersion, itemIds),
    publishAgenda: (_root, { agendaId, expectedVersion, changeNote }, context) => publishAgenda(context, agendaId, expectedVersion, changeNote),
    issueDraftActionNotes: (_root, { meetingId, text }, context) => issueDraftActionNotes(context, meetingId, text),
    requestActionNotesAmendment: (_root, { meetingId, request }, context) => requestActionNotesAmendment(context, meetingId, request),
    // --- strategic plans and regional procedures (system of record)
    createStrategicPlan: (_root, { partnershipSlug, input }, context) => createStrategicPlan(context, partnershipSlug, input),
    addStrategicPriority: (_root, { planId, input }, context) => addStrategicPriority(context, planId, input),
    reviseStrategicPriority: (_root, { id, expectedVersion, effectiveFrom, input }, context) =>
      reviseStrategicPriority(context, id, expectedVersion, effectiveFrom, input),
    retireStrategicPriority: (_root, { id, expectedVersion, lastDay }, context) => retireStrategicPriority(context, id, expectedVersion, lastDay),
    addSuccessStatement: (_root, { priorityId, input, effectiveFrom }, context) => addSuccessStatement(context, priorityId, input, effectiveFrom),
    reviseSuccessStatement: (_root, { id, expectedVersion, effectiveFrom, input }, context) =>
      reviseSuccessStatement(context, id, expectedVersion, effectiveFrom, input),
    retireSuccessStatement: (_root, { id, expectedVersion, lastDay }, context) => retireSuccessStatement(context, id, expectedVersion, lastDay),
    addStrategicAction: (_root, { bodyId, input }, context) => addStrategicAction(context, bodyId, input),
    updateStrategicAction: (_root, { id, expectedVersion, input }, context) => updateStrategicAction(context, id, expectedVersion, input),
    addRegionalProcedureChapter: (_root, { procedureId, input }, context) => addRegionalProcedureChapter(context, procedureId, input),
    publishRegionalProcedureChapterVersion: (_root, { chapterId, input }, context) => publishRegionalProcedureChapterVersion(context, chapterId, input),
    adoptRegionalProcedure: (_root, { procedureId, partnershipSlug, input }, context) => adoptRegionalProcedure(context, procedureId, partnershipSlug, input),
    updateRegionalProcedureAdoption: (_root, { id, expectedVersion, input }, context) => updateRegionalProcedureAdoption(context, id, expectedVersion, input),
  },
};
