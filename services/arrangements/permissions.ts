import { allow, hasAnyRole, type IRules } from '@safeguarding/subgraph-runtime';

/**
 * Arrangements come from published documents, so anyone may read them. Edits need a
 * partnership-admin role; the resolver then checks it is for the body's own partnership.
 * Anything not listed here is denied.
 */
const publicRead = { '*': allow };

export const permissions: IRules = {
  Query: { partnerships: allow, partnership: allow, body: allow, regionalProcedures: allow, meeting: allow, comparePartnerships: allow },
  Mutation: {
    updateBody: hasAnyRole('partnership-admin'),
    scheduleMeeting: hasAnyRole('partnership-admin'),
    setMeetingStatus: hasAnyRole('partnership-admin'),
    recordSuccessMeasurement: hasAnyRole('partnership-admin'),
    // Agenda edits: the resolver checks the body's rule (forum secretariat or the partnership's admin).
    prepareAgenda: hasAnyRole('forum-secretariat', 'partnership-admin'),
    addAgendaItem: hasAnyRole('forum-secretariat', 'partnership-admin'),
    reorderAgenda: hasAnyRole('forum-secretariat', 'partnership-admin'),
    publishAgenda: hasAnyRole('forum-secretariat', 'partnership-admin'),
    issueDraftActionNotes: hasAnyRole('forum-secretariat', 'partnership-admin'),
    requestActionNotesAmendment: hasAnyRole('forum-secretariat', 'partnership-admin', 'member'),
  },
  Partnership: publicRead,
  PopulationFigure: publicRead,
  StatutoryFunction: publicRead,
  IndependentScrutiny: publicRead,
  LeadSafeguardingPartner: publicRead,
  ArrangementDocument: publicRead,
  Money: publicRead,
  Budget: publicRead,
  BudgetContribution: publicRead,
  MeetingFrequency: publicRead,
  ChairRule: publicRead,
  QuorumRule: publicRead,
  Body: publicRead,
  RegionalProcedure: publicRead,
  RegionalProcedureAdoption: publicRead,
  SourceCitation: publicRead,
  Organisation: publicRead,
  // Meetings' dates and places are public; attendance and notes are guarded where they live.
  Meeting: publicRead,
  PaperworkClock: publicRead,
  CadenceCheck: publicRead,
  // The strategic plan and its RAG are published; measurements here are synthetic aggregates.
  StrategicPriority: publicRead,
  RagSummary: publicRead,
  SuccessTarget: publicRead,
  SuccessStatement: publicRead,
  SuccessMeasurement: publicRead,
  StrategicActionPlan: publicRead,
  MultiAgencyCaseFileAuditPeriod: publicRead,
  StrategicAction: publicRead,
  StructureChart: publicRead,
  PartnershipComparison: publicRead,
  ComparisonRow: publicRead,
  ComparisonCell: publicRead,
  // Drafts are filtered in the resolvers (Meeting.agenda, Meeting.actionNotes) by the caller's partnerships.
  Agenda: publicRead,
  AgendaItem: publicRead,
  AgendaSectionTime: publicRead,
  AgendaVersion: publicRead,
  AgendaDocument: publicRead,
  AgendaCandidates: publicRead,
  AgendaCandidate: publicRead,
  BodyQuorumRule: publicRead,
  ActionNotes: publicRead,
  ActionNotesAmendment: publicRead,
  RegionalProcedureChapter: publicRead,
  Review: publicRead,
  Theme: publicRead,
  ThresholdModel: publicRead,
};
