import { allow, hasAnyRole, readableByEveryone, type IRules } from '@safeguarding/subgraph-runtime';
import { rolesFor } from './access';

/**
 * Arrangements come from published documents, so anyone may read them. Edits need a role from
 * access.ts; the operation then checks it is held for the body's own partnership (access.ts too).
 * Anything not listed here is denied.
 */

const editsBodies = hasAnyRole(...rolesFor('editBody'));
const editsAgendas = hasAnyRole(...rolesFor('editForumAgenda', 'editAgenda'));

export const permissions: IRules = {
  Query: { partnerships: allow, partnership: allow, body: allow, regionalProcedures: allow, meeting: allow, comparePartnerships: allow },
  Mutation: {
    updateBody: editsBodies,
    scheduleMeeting: editsBodies,
    setMeetingStatus: editsBodies,
    recordSuccessMeasurement: hasAnyRole(...rolesFor('recordSuccessMeasurement')),
    // Agenda edits: the operation checks the body's rule (forum secretariat or the partnership's admin).
    prepareAgenda: editsAgendas,
    addAgendaItem: editsAgendas,
    reorderAgenda: editsAgendas,
    publishAgenda: editsAgendas,
    issueDraftActionNotes: editsAgendas,
    requestActionNotesAmendment: hasAnyRole(...rolesFor('editForumAgenda', 'editAgenda', 'readAgendaDrafts')),
  },
  Partnership: readableByEveryone('id', 'slug', 'name', 'shortName', 'policeForce', 'population', 'statutoryFunctions', 'independentScrutiny', 'leadSafeguardingPartners', 'arrangementDocuments', 'budgets', 'bodies', 'regionalProcedureAdoptions', 'strategicPriorities', 'structureChart', 'viewerCanEdit', 'source'),
  PopulationFigure: readableByEveryone('value', 'year', 'description', 'source'),
  StatutoryFunction: readableByEveryone('kind', 'description', 'source'),
  IndependentScrutiny: readableByEveryone('description', 'source'),
  LeadSafeguardingPartner: readableByEveryone('organisation', 'leadPost', 'delegatedPost', 'source'),
  ArrangementDocument: readableByEveryone('title', 'version', 'approvedOn', 'reviewOn', 'publishedOn', 'source'),
  Money: readableByEveryone('minorUnits', 'currency', 'formatted'),
  Budget: readableByEveryone('financialYear', 'total', 'accountableBody', 'description', 'contributions', 'source'),
  BudgetContribution: readableByEveryone('organisation', 'amount', 'description', 'source'),
  MeetingFrequency: readableByEveryone('meetingsPerYear', 'description', 'period'),
  ChairRule: readableByEveryone('appointedFrom', 'organisation', 'post', 'appointedBy', 'termMonths', 'termAlignedToFinancialYear', 'noConsecutiveTermsSameOrganisation', 'viceChairFromDifferentOrganisation', 'viceChairSucceeds', 'description', 'source'),
  QuorumRule: readableByEveryone('kind', 'namedDeputyCounts', 'requiredOrganisations', 'statutoryPartnersInKeyDecisions', 'unexplainedAbsenceReported', 'description', 'source'),
  Body: readableByEveryone('id', 'name', 'kind', 'purpose', 'partnerships', 'reportsTo', 'reportingBodies', 'closeRelationships', 'meetingFrequency', 'chairRule', 'quorumRule', 'usesPaperworkClock', 'separateChildrenAndAdultsTime', 'validFrom', 'validTo', 'meetings', 'upcomingMeetings', 'missedCadence', 'strategicPriorities', 'strategicActionPlan', 'version', 'viewerCanEdit', 'source'),
  RegionalProcedure: readableByEveryone('id', 'title', 'region', 'description', 'adoptions', 'adoptedBy', 'chapters', 'changesSince', 'source'),
  RegionalProcedureAdoption: readableByEveryone('partnership', 'procedure', 'how', 'localVariation', 'source'),
  SourceCitation: readableByEveryone('document', 'section', 'synthetic'),
  Organisation: readableByEveryone('id'),
  // Meetings' dates and places are public; attendance and notes are guarded where they live.
  Meeting: readableByEveryone('id', 'body', 'date', 'startTime', 'location', 'virtual', 'status', 'paperwork', 'version', 'viewerCanEdit', 'previousMeeting', 'agenda', 'agendaCandidates', 'agendaDocument', 'actionNotes', 'source'),
  PaperworkClock: readableByEveryone('papersDueOn', 'draftActionNotesDueOn', 'amendmentRequestsCloseOn', 'notesBecomeRecordOn', 'stage', 'statedForThisBody', 'source'),
  CadenceCheck: readableByEveryone('from', 'to', 'rule', 'expectedMeetings', 'heldMeetings', 'shortfall', 'missed'),
  // The strategic plan and its RAG are published; measurements here are synthetic aggregates.
  StrategicPriority: readableByEveryone('id', 'title', 'kind', 'periodStart', 'periodEnd', 'owningGroup', 'successStatements', 'ragSummary', 'source'),
  RagSummary: readableByEveryone('red', 'amber', 'green', 'noData', 'notMeasurable'),
  SuccessTarget: readableByEveryone('comparison', 'value', 'unit', 'baselinePeriod', 'baselineValue', 'baselineSource', 'measures'),
  SuccessStatement: readableByEveryone('id', 'position', 'text', 'measurable', 'target', 'measurements', 'rag', 'viewerCanRecordMeasurement', 'source'),
  SuccessMeasurement: readableByEveryone('measuredOn', 'value', 'source'),
  StrategicActionPlan: readableByEveryone('group', 'actions', 'multiAgencyCaseFileAuditCheck'),
  MultiAgencyCaseFileAuditPeriod: readableByEveryone('period', 'multiAgencyCaseFileAudits', 'compliant'),
  StrategicAction: readableByEveryone('id', 'heading', 'headingText', 'description', 'successMeasure', 'owner', 'dueOn', 'progress', 'evidence', 'period', 'isMultiAgencyCaseFileAudit', 'source'),
  StructureChart: readableByEveryone('format', 'asOf', 'content', 'bodyNames'),
  PartnershipComparison: readableByEveryone('id', 'asOf', 'partnershipSlugs', 'partnerships', 'governance'),
  ComparisonRow: readableByEveryone('measure', 'unit', 'cells'),
  ComparisonCell: readableByEveryone('partnershipSlug', 'value', 'text', 'missingReason', 'source'),
  // Drafts are filtered in the resolvers (Meeting.agenda, Meeting.actionNotes) by the caller's partnerships.
  Agenda: readableByEveryone('id', 'meeting', 'status', 'version', 'publishedVersion', 'hasUnpublishedChanges', 'items', 'totalMinutes', 'minutesBySection', 'versions', 'viewerCanEdit'),
  AgendaItem: readableByEveryone('id', 'position', 'section', 'title', 'ownerPartnership', 'presenterOrganisation', 'presenterPost', 'paperTitle', 'paperSubmittedOn', 'paperLate', 'minutesAllotted', 'decisionSought', 'subject', 'candidateKey'),
  AgendaSectionTime: readableByEveryone('section', 'minutes'),
  AgendaVersion: readableByEveryone('number', 'publishedAt', 'publishedBy', 'changeNote', 'items'),
  AgendaDocument: readableByEveryone('title', 'html', 'version'),
  AgendaCandidates: readableByEveryone('id', 'since', 'until', 'partnershipSlugs', 'governance', 'bodyQuorumRules'),
  AgendaCandidate: readableByEveryone('key', 'partnershipSlug', 'title', 'reason', 'subjectType', 'subjectId'),
  BodyQuorumRule: readableByEveryone('bodyId', 'bodyName', 'quorumRule'),
  ActionNotes: readableByEveryone('text', 'issuedOn', 'issuedLate', 'amendmentRequestsCloseOn', 'stage', 'amendmentRequests'),
  ActionNotesAmendment: readableByEveryone('requestedOn', 'requestedBy', 'request'),
  RegionalProcedureChapter: readableByEveryone('id', 'procedure', 'number', 'title', 'version', 'effectiveFrom', 'changeSummary', 'source'),
  Review: readableByEveryone('id'),
  Theme: readableByEveryone('id'),
  ThresholdModel: readableByEveryone('id'),
};

/** What the resolvers filter below fields everyone may read (docs/access-inventory.md shows these). */
export const accessNotes: Record<string, string> = {
  Meeting: "`agenda` and `actionNotes`: drafts only for the body's own partnerships (and whoever prepares the agenda); everyone else sees the published version or null (access.ts).",
  AgendaCandidates: "candidates are for whoever may read the body's agenda drafts.",
};
