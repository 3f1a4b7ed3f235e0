import { applyArrangementsPackSection } from '../operations/pack';
import type { Resolvers } from '../generated/graphql';
import { issueDraftActionNotes, requestActionNotesAmendment } from '../operations/action-notes';
import { addAgendaItem, prepareAgenda, publishAgenda, reorderAgenda } from '../operations/agenda';
import { updateBody } from '../operations/bodies';
import { changeBody, changeReportingLines, correctBody, createBody, endBody, shareBody } from '../operations/body-records';
import { scheduleMeeting, setMeetingStatus } from '../operations/meetings';
import { recordSuccessMeasurement } from '../operations/strategic-plan';
import {
  changeLeadSafeguardingPartner,
  correctLeadSafeguardingPartner,
  createPartnership,
  recordBudget,
  recordPopulationFigure,
  setStatutoryFunctions,
  updatePartnershipFacts,
} from '../operations/partnership-facts';
// --- meetings and escalation procedures (system of record)
import { createEscalationProcedure, replaceEscalationSteps, retireEscalationProcedure } from '../operations/escalation-procedures';
import { rescheduleMeeting } from '../operations/meeting-edits';
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
    applyArrangementsPackSection: (_parent, { scope, text, dryRun }, context) => applyArrangementsPackSection(context, scope, text, dryRun),
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
    // --- bodies (system of record)
    createBody: (_root, { input }, context) => createBody(context, input),
    changeBody: (_root, { id, expectedVersion, effectiveFrom, input }, context) => changeBody(context, id, expectedVersion, effectiveFrom, input),
    correctBody: (_root, { id, expectedVersion, asOf, input }, context) => correctBody(context, id, expectedVersion, asOf, input),
    changeReportingLines: (_root, { id, expectedVersion, effectiveFrom, lines }, context) =>
      changeReportingLines(context, id, expectedVersion, effectiveFrom, lines),
    endBody: (_root, { id, expectedVersion, validTo }, context) => endBody(context, id, expectedVersion, validTo),
    shareBody: (_root, { id, expectedVersion, partnershipSlug }, context) => shareBody(context, id, expectedVersion, partnershipSlug),
    // --- partnership facts (system of record)
    createPartnership: (_root, { input }, context) => createPartnership(context, input),
    updatePartnershipFacts: (_root, { slug, expectedVersion, input }, context) => updatePartnershipFacts(context, slug, expectedVersion, input),
    setStatutoryFunctions: (_root, { slug, expectedVersion, functions }, context) => setStatutoryFunctions(context, slug, expectedVersion, functions),
    recordPopulationFigure: (_root, { slug, expectedVersion, input, correction }, context) =>
      recordPopulationFigure(context, slug, expectedVersion, input, correction),
    changeLeadSafeguardingPartner: (_root, { slug, expectedVersion, input }, context) => changeLeadSafeguardingPartner(context, slug, expectedVersion, input),
    correctLeadSafeguardingPartner: (_root, { slug, expectedVersion, id, input }, context) =>
      correctLeadSafeguardingPartner(context, slug, expectedVersion, id, input),
    recordBudget: (_root, { slug, expectedVersion, input, correction }, context) => recordBudget(context, slug, expectedVersion, input, correction),
    // --- meetings and escalation procedures (system of record)
    rescheduleMeeting: (_root, { id, expectedVersion, date, reason }, context) => rescheduleMeeting(context, id, expectedVersion, date, reason),
    createEscalationProcedure: (_root, { partnershipSlug, input }, context) => createEscalationProcedure(context, partnershipSlug, input),
    replaceEscalationSteps: (_root, { id, expectedVersion, steps }, context) => replaceEscalationSteps(context, id, expectedVersion, steps),
    retireEscalationProcedure: (_root, { id, expectedVersion, lastDay }, context) => retireEscalationProcedure(context, id, expectedVersion, lastDay),
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
