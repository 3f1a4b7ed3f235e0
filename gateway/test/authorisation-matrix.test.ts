/**
 * Runs the authorisation matrix (authorisation-matrix.ts): for every Query and Mutation root field
 * and every caller column, one minimal operation through the gateway, answered as the table says.
 * Mutations run on the test federation's throwaway database; most are sent so that they fail
 * harmlessly after the permission check (a stale version, an impossible value).
 */
import fs from 'node:fs';
import path from 'node:path';
import { Kind, parse, type ObjectTypeDefinitionNode } from 'graphql';
import type { Grant } from '@safeguarding/auth';
import { grant, startTestFederation, type TestFederation } from '@safeguarding/testkit';
import { AUTHORISATION_MATRIX, CALLERS, FILTERED, NO, SIGN_IN, type CallerColumn, type MatrixRow } from './authorisation-matrix';

const OWN = 'telford-and-wrekin';
const OTHER = 'solihull';
const EXECUTIVE = 'telford-and-wrekin.executive';
const STALE = -1;

function grantsFor(column: CallerColumn, own: string): Grant[] | undefined {
  switch (column) {
    case 'anon':
      return undefined;
    case 'analyst':
      return [grant('analyst')];
    case 'member+':
      return [grant('member', own)];
    case 'member-':
      return [grant('member', OTHER)];
    case 'admin+':
      return [grant('partnership-admin', own)];
    case 'admin-':
      return [grant('partnership-admin', OTHER)];
    case 'forum':
      return [grant('forum-secretariat')];
    case 'regional':
      return [grant('regional-admin')];
  }
}

/** Records in the seed data (and a few made in beforeAll) that the operations point at. */
interface Fixtures {
  meetingId: string;
  meetingDate: string;
  upcomingMeetingId: string;
  agendaId: string;
  agendaItemIds: string[];
  membershipId: string;
  designationId: string;
  unpublishedReviewId: string;
  /** Mutations use a published review: an unpublished one is NOT_FOUND to outsiders, hiding that it exists. */
  publishedReviewId: string;
  actionId: string;
  statementId: string;
  sessionId: string;
  bookingId: string;
  courseId: string;
  thresholdModelId: string;
  escalationProcedureId: string;
  // --- strategic plans and regional procedures (system of record)
  strategicPlanId: string;
  strategicActionId: string;
  chapterId: string;
  adoptionId: string;
}

interface Operation {
  document: string;
  variables?: Record<string, unknown>;
  /** For FILTERED cells: true when the answer is the filtered one. */
  filtered?(data: Record<string, any> | null | undefined): boolean;
}

let counter = 0;
const unique = () => `${Date.now().toString(36)}-${(counter += 1)}`;

/** One minimal operation per root field. */
const OPERATIONS: Record<string, (f: Fixtures) => Operation> = {
  partnerships: () => ({ document: `{ partnerships { id } }` }),
  partnership: () => ({ document: `{ partnership(slug: "${OWN}") { id } }` }),
  body: () => ({ document: `{ body(id: "${EXECUTIVE}") { id } }` }),
  regionalProcedures: () => ({ document: `{ regionalProcedures { id } }` }),
  meeting: (f) => ({ document: `query ($id: ID!) { meeting(id: $id) { id } }`, variables: { id: f.meetingId } }),
  comparePartnerships: () => ({ document: `{ comparePartnerships(slugs: ["${OWN}", "${OTHER}"]) { partnerships { id } } }` }),
  organisations: () => ({ document: `{ organisations(nameContains: "police") { id } }` }),
  organisation: () => ({ document: `{ organisation(id: "west-mercia-police") { id } }` }),
  sharedAgencies: () => ({ document: `{ sharedAgencies(partnershipSlugs: ["${OWN}", "shropshire"]) { organisation { id } } }` }),
  designations: () => ({ document: `{ designations(partnershipSlug: "${OWN}") { kind } }` }),
  posts: () => ({ document: `{ posts(organisationId: "west-mercia-police") { id } }` }),
  membershipPackSection: () => ({ document: `{ membershipPackSection(scope: "${OWN}") { text } }` }),
  review: (f) => ({
    document: `query ($id: ID!) { review(id: $id) { id } }`,
    variables: { id: f.unpublishedReviewId },
    filtered: (data) => data?.review === null,
  }),
  reviewKinds: () => ({ document: `{ reviewKinds { id } }` }),
  themes: () => ({ document: `{ themes { id } }` }),
  theme: () => ({ document: `{ theme(id: "neglect") { id } }` }),
  repeatedThemes: () => ({ document: `{ repeatedThemes(partnershipSlugs: ["${OWN}"]) { theme { id } } }` }),
  reviewsPackSection: () => ({ document: `{ reviewsPackSection(scope: "${OWN}") { text } }` }),
  thresholdModels: () => ({ document: `{ thresholdModels(partnershipSlug: "${OWN}") { id } }` }),
  thresholdModel: (f) => ({ document: `query ($id: ID!) { thresholdModel(id: $id) { id } }`, variables: { id: f.thresholdModelId } }),
  regionalLevels: () => ({ document: `{ regionalLevels { id } }` }),
  compareThresholds: () => ({ document: `{ compareThresholds(partnershipSlugs: ["${OWN}", "shropshire"]) { __typename } }` }),
  translateLevel: () => ({ document: `{ translateLevel(fromPartnership: "${OWN}", level: "universal", toPartnership: "shropshire") { __typename } }` }),
  searchIndicators: () => ({ document: `{ searchIndicators(text: "neglect", limit: 1) { __typename } }` }),
  course: (f) => ({ document: `query ($id: ID!) { course(id: $id) { id } }`, variables: { id: f.courseId } }),
  trainingSession: (f) => ({ document: `query ($id: ID!) { trainingSession(id: $id) { id } }`, variables: { id: f.sessionId } }),
  learningCoverage: () => ({ document: `{ learningCoverage(partnershipSlug: "${OWN}") { id } }` }),
  trainingPackSection: () => ({ document: `{ trainingPackSection(scope: "${OWN}") { scope } }` }),
  thresholdsPackSection: () => ({ document: `{ thresholdsPackSection(scope: "${OWN}") { text } }` }),

  updateBody: () => ({
    document: `mutation ($id: ID!) { updateBody(id: $id, expectedVersion: ${STALE}, input: { purpose: "Matrix" }) { id } }`,
    variables: { id: EXECUTIVE },
  }),
  // --- bodies (system of record): each fails harmlessly after the permission check (bad slug, stale version).
  createBody: () => ({
    document: `mutation { createBody(input: { partnershipSlug: "${OWN}", slug: "Not A Slug", name: "Matrix", kind: THEMATIC_GROUP, purpose: "Matrix", validFrom: "2030-01-01" }) { id } }`,
  }),
  changeBody: () => ({
    document: `mutation ($id: ID!) { changeBody(id: $id, expectedVersion: ${STALE}, effectiveFrom: "2199-01-01", input: { purpose: "Matrix" }) { id } }`,
    variables: { id: EXECUTIVE },
  }),
  correctBody: () => ({
    document: `mutation ($id: ID!) { correctBody(id: $id, expectedVersion: ${STALE}, input: { purpose: "Matrix" }) { id } }`,
    variables: { id: EXECUTIVE },
  }),
  changeReportingLines: () => ({
    document: `mutation ($id: ID!) { changeReportingLines(id: $id, expectedVersion: ${STALE}, effectiveFrom: "2199-01-01", lines: []) { id } }`,
    variables: { id: EXECUTIVE },
  }),
  endBody: () => ({
    document: `mutation ($id: ID!) { endBody(id: $id, expectedVersion: ${STALE}, validTo: "2199-12-31") { id } }`,
    variables: { id: EXECUTIVE },
  }),
  shareBody: () => ({
    document: `mutation ($id: ID!) { shareBody(id: $id, expectedVersion: ${STALE}, partnershipSlug: "${OTHER}") { id } }`,
    variables: { id: EXECUTIVE },
  }),
  scheduleMeeting: () => ({
    document: `mutation ($id: ID!) { scheduleMeeting(bodyId: $id, input: { date: "2031-02-28", startTime: "25:99" }) { id } }`,
    variables: { id: EXECUTIVE },
  }),
  setMeetingStatus: (f) => ({
    document: `mutation ($id: ID!) { setMeetingStatus(id: $id, expectedVersion: ${STALE}, status: HELD) { id } }`,
    variables: { id: f.meetingId },
  }),
  prepareAgenda: (f) => ({ document: `mutation ($id: ID!) { prepareAgenda(meetingId: $id) { id } }`, variables: { id: f.upcomingMeetingId } }),
  addAgendaItem: (f) => ({
    document: `mutation ($id: ID!) { addAgendaItem(agendaId: $id, input: { title: "Matrix item", minutesAllotted: -1 }) { id } }`,
    variables: { id: f.agendaId },
  }),
  reorderAgenda: (f) => ({
    document: `mutation ($id: ID!, $items: [ID!]!) { reorderAgenda(agendaId: $id, expectedVersion: ${STALE}, itemIds: $items) { id } }`,
    variables: { id: f.agendaId, items: f.agendaItemIds },
  }),
  publishAgenda: (f) => ({
    document: `mutation ($id: ID!) { publishAgenda(agendaId: $id, expectedVersion: ${STALE}) { id } }`,
    variables: { id: f.agendaId },
  }),
  issueDraftActionNotes: (f) => ({
    document: `mutation ($id: ID!) { issueDraftActionNotes(meetingId: $id, text: "1. Matrix.") { __typename } }`,
    variables: { id: f.meetingId },
  }),
  requestActionNotesAmendment: (f) => ({
    document: `mutation ($id: ID!) { requestActionNotesAmendment(meetingId: $id, request: "Matrix amendment") { __typename } }`,
    variables: { id: f.meetingId },
  }),
  recordSuccessMeasurement: (f) => ({
    document: `mutation ($id: ID!) { recordSuccessMeasurement(statementId: $id, measuredOn: "1901-01-01", value: -1) { id } }`,
    variables: { id: f.statementId },
  }),
  // --- partnership facts (system of record): refused after the permission check (bad slug, stale version)
  // --- packs: the export is read; the apply is a dry run of text with a syntax error (refused after the permission check)
  arrangementsPackSection: () => ({ document: `{ arrangementsPackSection(scope: "${OWN}") { text } }` }),
  applyArrangementsPackSection: () => ({
    document: `mutation { applyArrangementsPackSection(scope: "${OWN}", text: "partnership: [unclosed", dryRun: true) { applied } }`,
  }),
  createPartnership: () => ({
    document: `mutation { createPartnership(input: { slug: "Matrix Partnership", name: "Matrix", shortName: "M", policeForce: "Matrix Police" }) { id } }`,
  }),
  updatePartnershipFacts: () => ({
    document: `mutation { updatePartnershipFacts(slug: "${OWN}", expectedVersion: ${STALE}, input: { area: "Matrix" }) { id } }`,
  }),
  setStatutoryFunctions: () => ({
    document: `mutation { setStatutoryFunctions(slug: "${OWN}", expectedVersion: ${STALE}, functions: []) { id } }`,
  }),
  recordPopulationFigure: () => ({
    document: `mutation { recordPopulationFigure(slug: "${OWN}", expectedVersion: ${STALE}, input: { year: "2025", value: 1, description: "Matrix" }) { id } }`,
  }),
  changeLeadSafeguardingPartner: () => ({
    document: `mutation { changeLeadSafeguardingPartner(slug: "${OWN}", expectedVersion: ${STALE}, input: { organisationId: "cafcass", from: "2026-01-01", leadPost: "Matrix" }) { id } }`,
  }),
  correctLeadSafeguardingPartner: () => ({
    document: `mutation { correctLeadSafeguardingPartner(slug: "${OWN}", expectedVersion: ${STALE}, id: "00000000-0000-4000-8000-000000000000", input: { leadPost: "Matrix" }) { id } }`,
  }),
  recordBudget: () => ({
    document: `mutation { recordBudget(slug: "${OWN}", expectedVersion: ${STALE}, input: { financialYear: "2025-26", description: "Matrix", contributions: [] }) { id } }`,
  }),
  // --- meetings and escalation procedures (system of record)
  rescheduleMeeting: (f) => ({
    document: `mutation ($id: ID!) { rescheduleMeeting(id: $id, expectedVersion: ${STALE}, date: "2031-02-28", reason: "Matrix") { id } }`,
    variables: { id: f.meetingId },
  }),
  createEscalationProcedure: () => ({
    document: `mutation { createEscalationProcedure(partnershipSlug: "${OWN}", input: { title: "Matrix", steps: [] }) { id } }`,
  }),
  replaceEscalationSteps: (f) => ({
    document: `mutation ($id: ID!) { replaceEscalationSteps(id: $id, expectedVersion: ${STALE}, steps: [{ who: "Matrix", action: "Matrix" }]) { id } }`,
    variables: { id: f.escalationProcedureId },
  }),
  retireEscalationProcedure: (f) => ({
    document: `mutation ($id: ID!) { retireEscalationProcedure(id: $id, expectedVersion: ${STALE}, lastDay: "2031-02-28") { id } }`,
    variables: { id: f.escalationProcedureId },
  }),
  // --- strategic plans and regional procedures (system of record)
  createStrategicPlan: () => ({
    document: `mutation ($slug: String!) { createStrategicPlan(partnershipSlug: $slug, input: { title: "Matrix", periodStart: "2031-04-01", periodEnd: "2030-04-01" }) { id } }`,
    variables: { slug: OWN },
  }),
  addStrategicPriority: (f) => ({
    document: `mutation ($id: ID!) { addStrategicPriority(planId: $id, input: { title: "Matrix", kind: STRATEGIC_PRIORITY, owningGroupId: "shropshire.tackling-exploitation-group", effectiveFrom: "1901-01-01" }) { id } }`,
    variables: { id: f.strategicPlanId },
  }),
  reviseStrategicPriority: () => ({
    document: `mutation { reviseStrategicPriority(id: "shropshire.domestic-abuse", expectedVersion: ${STALE}, input: { title: "Matrix" }) { id } }`,
  }),
  retireStrategicPriority: () => ({
    document: `mutation { retireStrategicPriority(id: "shropshire.domestic-abuse", expectedVersion: ${STALE}, lastDay: "1901-01-01") { id } }`,
  }),
  addSuccessStatement: () => ({
    document: `mutation { addSuccessStatement(priorityId: "shropshire.domestic-abuse", input: { text: "Matrix", target: { comparison: AT_LEAST, value: 101, unit: PERCENT, measures: "x" } }) { id } }`,
  }),
  reviseSuccessStatement: (f) => ({
    document: `mutation ($id: ID!) { reviseSuccessStatement(id: $id, expectedVersion: ${STALE}, input: { text: "Matrix" }) { id } }`,
    variables: { id: f.statementId },
  }),
  retireSuccessStatement: (f) => ({
    document: `mutation ($id: ID!) { retireSuccessStatement(id: $id, expectedVersion: ${STALE}, lastDay: "1901-01-01") { id } }`,
    variables: { id: f.statementId },
  }),
  addStrategicAction: () => ({
    document: `mutation { addStrategicAction(bodyId: "shropshire.local-domestic-abuse-partnership-board", input: { heading: PREVENTION, description: "Matrix", successMeasure: "x", dueOn: "2031-01-01", period: "2030-32" }) { id } }`,
  }),
  updateStrategicAction: (f) => ({
    document: `mutation ($id: ID!) { updateStrategicAction(id: $id, expectedVersion: ${STALE}, input: { progress: COMPLETED }) { id } }`,
    variables: { id: f.strategicActionId },
  }),
  addRegionalProcedureChapter: () => ({
    document: `mutation { addRegionalProcedureChapter(procedureId: "west-midlands-regional-child-protection-procedures", input: { number: "x", title: "Matrix", version: "1", effectiveFrom: "2031-01-01" }) { id } }`,
  }),
  publishRegionalProcedureChapterVersion: (f) => ({
    document: `mutation ($id: ID!) { publishRegionalProcedureChapterVersion(chapterId: $id, input: { version: "matrix", effectiveFrom: "1901-01-01", changeSummary: "Matrix" }) { id } }`,
    variables: { id: f.chapterId },
  }),
  adoptRegionalProcedure: () => ({
    document: `mutation ($slug: String!) { adoptRegionalProcedure(procedureId: "west-midlands-lcspr-learning-framework", partnershipSlug: $slug, input: { how: "Matrix" }) { id } }`,
    variables: { slug: OWN },
  }),
  updateRegionalProcedureAdoption: (f) => ({
    document: `mutation ($id: ID!) { updateRegionalProcedureAdoption(id: $id, expectedVersion: ${STALE}, input: { how: "Matrix" }) { id } }`,
    variables: { id: f.adoptionId },
  }),
  registerOrganisation: () => ({
    document: `mutation ($id: ID!) { registerOrganisation(input: { id: $id, name: "Matrix agency", sector: POLICE }) { id } }`,
    variables: { id: `matrix-${unique()}` },
  }),
  addPost: () => ({ document: `mutation { addPost(input: { organisationId: "cafcass", title: "Matrix post ${unique()}" }) { id } }` }),
  addMembership: () => ({
    document: `mutation { addMembership(input: { bodyId: "telford-and-wrekin.neglect", organisationId: "cafcass", role: MEMBER, startDate: "2026-01-01", endDate: "2025-01-01" }) { id } }`,
  }),
  endMembership: (f) => ({
    document: `mutation ($id: ID!) { endMembership(id: $id, endDate: "1901-01-01") { id } }`,
    variables: { id: f.membershipId },
  }),
  appointChair: () => ({
    document: `mutation { appointChair(input: { bodyId: "${EXECUTIVE}", role: CHAIR, organisationId: "cafcass", startDate: "2026-04-01", endDate: "2025-01-01" }) { id } }`,
  }),
  correctChairAppointment: (f) => ({
    document: `mutation ($id: ID!) { correctChairAppointment(id: $id, expectedVersion: ${STALE}, input: { endDate: "1901-01-01" }) { id } }`,
    variables: { id: f.membershipId },
  }),
  withdrawChairAppointment: (f) => ({
    document: `mutation ($id: ID!) { withdrawChairAppointment(id: $id, expectedVersion: ${STALE}) { id } }`,
    variables: { id: f.membershipId },
  }),
  designate: () => ({
    document: `mutation { designate(input: { partnershipId: "${OWN}", kind: INDEPENDENT_CHAIR, organisationId: "cafcass", startDate: "2026-04-01", endDate: "2025-01-01" }) { id } }`,
  }),
  endDesignation: (f) => ({
    document: `mutation ($id: ID!) { endDesignation(id: $id, expectedVersion: ${STALE}, endDate: "1901-01-01") { id } }`,
    variables: { id: f.designationId },
  }),
  correctDesignation: (f) => ({
    document: `mutation ($id: ID!) { correctDesignation(id: $id, expectedVersion: ${STALE}, input: { endDate: "1901-01-01" }) { id } }`,
    variables: { id: f.designationId },
  }),
  applyMembershipPackSection: () => ({
    document: `mutation { applyMembershipPackSection(scope: "${OWN}", text: "memberships: 3", dryRun: true) { applied } }`,
  }),
  recordAttendance: (f) => ({
    document: `mutation ($date: Date!) { recordAttendance(input: { bodyId: "${EXECUTIVE}", meetingDate: $date, records: [{ membershipId: "00000000-0000-4000-8000-000000000000", outcome: ATTENDED }] }) { outcome } }`,
    variables: { date: f.meetingDate },
  }),
  startReview: () => ({
    document: `mutation { startReview(input: { partnershipSlug: "${OWN}", kindId: "rapid-review", code: "Matrix ${unique()}", notifiedOn: "2199-01-01" }) { id } }`,
  }),
  recordReviewStage: (f) => ({
    document: `mutation ($id: ID!) { recordReviewStage(id: $id, expectedVersion: ${STALE}, stage: PUBLISHED, on: "2025-01-06") { id } }`,
    variables: { id: f.publishedReviewId },
  }),
  tagReviewThemes: (f) => ({
    document: `mutation ($id: ID!) { tagReviewThemes(id: $id, themeIds: ["no-such-theme"]) { id } }`,
    variables: { id: f.publishedReviewId },
  }),
  addLearningPoint: (f) => ({
    document: `mutation ($id: ID!) { addLearningPoint(reviewId: $id, input: { themeId: "no-such-theme", text: "Matrix" }) { id } }`,
    variables: { id: f.publishedReviewId },
  }),
  addActionPlanAction: (f) => ({
    document: `mutation ($id: ID!) { addActionPlanAction(reviewId: $id, input: { description: "Matrix", ownerOrganisationId: "no-such-agency" }) { id } }`,
    variables: { id: f.publishedReviewId },
  }),
  updateActionPlanAction: (f) => ({
    document: `mutation ($id: ID!) { updateActionPlanAction(id: $id, expectedVersion: ${STALE}, input: { ragStatus: IN_PROGRESS }) { id } }`,
    variables: { id: f.actionId },
  }),
  setReviewClock: () => ({
    document: `mutation { setReviewClock(input: { partnershipSlug: "${OWN}", kindId: "rapid-review", milestone: REVIEW_COMPLETION, length: 4000, unit: MONTHS }) { __typename } }`,
  }),
  applyReviewsPackSection: () => ({
    document: `mutation { applyReviewsPackSection(scope: "${OWN}", text: "clocks: [unclosed", dryRun: false) { applied } }`,
  }),
  updateCrosswalkMapping: () => ({
    document: `mutation { updateCrosswalkMapping(levelId: "${OWN}.2019.universal", expectedVersion: ${STALE}, input: { regionalLevelIds: ["level-1"], rationale: "Matrix", confidence: HIGH }) { version } }`,
  }),
  draftThresholdModelVersion: () => ({
    document: `mutation { draftThresholdModelVersion(partnershipSlug: "${OWN}", input: { code: "matrix", title: "Matrix", effectiveFrom: "2031-01-01", levels: [] }) { id } }`,
  }),
  updateThresholdModelDraft: (f) => ({
    document: `mutation ($id: ID!) { updateThresholdModelDraft(id: $id, expectedVersion: ${STALE}, input: { title: "Matrix" }) { id } }`,
    variables: { id: f.thresholdModelId },
  }),
  discardThresholdModelDraft: (f) => ({
    document: `mutation ($id: ID!) { discardThresholdModelDraft(id: $id, expectedVersion: ${STALE}) }`,
    variables: { id: f.thresholdModelId },
  }),
  publishThresholdModelVersion: (f) => ({
    document: `mutation ($id: ID!) { publishThresholdModelVersion(id: $id, expectedVersion: ${STALE}) { id } }`,
    variables: { id: f.thresholdModelId },
  }),
  // A text of the wrong shape, as a dry run: an allowed caller gets BAD_USER_INPUT, nothing is written.
  applyThresholdsPackSection: () => ({
    document: `mutation { applyThresholdsPackSection(scope: "${OWN}", text: "thresholdModelVersions: 1", dryRun: true) { applied } }`,
  }),
  bookTrainingPlaces: (f) => ({
    document: `mutation ($id: ID!) { bookTrainingPlaces(input: { sessionId: $id, organisationId: "west-mercia-police", organisationSector: POLICE, places: 100000 }) { id } }`,
    variables: { id: f.sessionId },
  }),
  recordTrainingAttendance: (f) => ({
    document: `mutation ($id: ID!) { recordTrainingAttendance(bookingId: $id, attendedPlaces: -1) { id } }`,
    variables: { id: f.bookingId },
  }),
  createCourse: () => ({
    document: `mutation { createCourse(input: { partnershipIds: ["${OWN}"], title: "Matrix course", summary: "Matrix", themeIds: ["no-such-theme"], audience: WHOLE_WORKFORCE, level: AWARENESS, informedBy: [] }) { id } }`,
  }),
  updateCourse: (f) => ({
    document: `mutation ($id: ID!) { updateCourse(id: $id, expectedVersion: ${STALE}, input: { level: ADVANCED }) { id } }`,
    variables: { id: f.courseId },
  }),
  retireCourse: (f) => ({
    document: `mutation ($id: ID!) { retireCourse(id: $id, expectedVersion: ${STALE}, retiredOn: "2199-01-01") { id } }`,
    variables: { id: f.courseId },
  }),
  scheduleTrainingSession: (f) => ({
    document: `mutation ($id: ID!) { scheduleTrainingSession(input: { courseId: $id, date: "1901-01-01", startTime: "09:00", endTime: "10:00", deliveryMethod: FACE_TO_FACE, venue: "Matrix", capacity: 10 }) { id } }`,
    variables: { id: f.courseId },
  }),
  rescheduleTrainingSession: (f) => ({
    document: `mutation ($id: ID!) { rescheduleTrainingSession(id: $id, expectedVersion: ${STALE}, input: { date: "1901-01-01", startTime: "09:00", endTime: "10:00", reason: "Matrix" }) { id } }`,
    variables: { id: f.sessionId },
  }),
  cancelTrainingSession: (f) => ({
    document: `mutation ($id: ID!) { cancelTrainingSession(id: $id, expectedVersion: ${STALE}, reason: "Matrix") { id } }`,
    variables: { id: f.sessionId },
  }),
  changeSessionCapacity: (f) => ({
    document: `mutation ($id: ID!) { changeSessionCapacity(id: $id, expectedVersion: ${STALE}, capacity: 0) { id } }`,
    variables: { id: f.sessionId },
  }),
  recordTrainingEvaluation: (f) => ({
    document: `mutation ($id: ID!) { recordTrainingEvaluation(input: { courseId: $id, partnershipId: "${OWN}", kind: PRACTICE_AUDIT, recordedOn: "2199-01-01", summary: "Matrix" }) { id } }`,
    variables: { id: f.courseId },
  }),
  // A text of the wrong shape: the callers allowed reach the schema check (BAD_USER_INPUT), nothing is written.
  applyTrainingPackSection: () => ({
    document: `mutation { applyTrainingPackSection(scope: "${OWN}", text: "courses: 3") { applied } }`,
  }),
};

/** Every Query and Mutation root field the supergraph offers (federation's own excluded). */
function supergraphRootFields(): string[] {
  const document = parse(fs.readFileSync(path.join(__dirname, '..', 'supergraph.graphql'), 'utf8'));
  return document.definitions
    .filter(
      (definition): definition is ObjectTypeDefinitionNode =>
        definition.kind === Kind.OBJECT_TYPE_DEFINITION && ['Query', 'Mutation'].includes(definition.name.value),
    )
    .flatMap((definition) => (definition.fields ?? []).map((field) => `${definition.name.value}.${field.name.value}`))
    .filter((name) => !name.startsWith('Query._'));
}

let federation: TestFederation;
let fixtures: Fixtures;

beforeAll(async () => {
  federation = await startTestFederation();
  const admin = [grant('partnership-admin', OWN)];
  const ask = async (document: string, variables: Record<string, unknown> = {}, as: Grant[] = admin) => {
    const response = await federation.query(document, { variables, as });
    if (response.errors) throw new Error(`Fixture query failed: ${JSON.stringify(response.errors)}`);
    return response.data!;
  };
  const own = (await ask(
    `query ($slug: String!) {
      partnership(slug: $slug) {
        reviews { id status }
        escalationProcedures { id }
        trainingProgramme { sessions { id date course { id offeredBy { slug } } bookings { id } } }
      }
      body(id: "${EXECUTIVE}") { meetings { id date status } upcomingMeetings(after: "2026-01-01", limit: 1) { id } members { id } }
      thresholdModels(partnershipSlug: $slug) { id }
      designations(partnershipSlug: $slug) { id }
    }`,
    { slug: OWN },
  )) as any;
  const meeting = own.body.meetings.find((candidate: { status: string }) => candidate.status === 'HELD');
  const upcomingMeetingId = own.body.upcomingMeetings[0]?.id as string;
  const agenda = (await ask(`mutation ($id: ID!) { prepareAgenda(meetingId: $id) { id } }`, { id: upcomingMeetingId })).prepareAgenda as { id: string };
  const withItem = (
    await ask(`mutation ($id: ID!) { addAgendaItem(agendaId: $id, input: { title: "Matrix fixture", minutesAllotted: 10 }) { items { id } } }`, {
      id: agenda.id,
    })
  ).addAgendaItem as { items: { id: string }[] };
  const unpublished = own.partnership.reviews.find(
    (review: { status: string }) => review.status !== 'PUBLISHED' && review.status !== 'LEARNING_BRIEFING_PUBLISHED',
  );
  const published = own.partnership.reviews.find((review: { status: string }) => review.status === 'PUBLISHED');
  const action = (
    await ask(`mutation ($id: ID!) { addActionPlanAction(reviewId: $id, input: { description: "Matrix fixture", ownerOrganisationId: "cafcass" }) { id } }`, {
      id: published.id,
    })
  ).addActionPlanAction as { id: string };
  const ownOnly = own.partnership.trainingProgramme.sessions.filter(
    (session: { course: { offeredBy: { slug: string }[] }; bookings: unknown[] }) =>
      session.course.offeredBy.every((partnership) => partnership.slug === OWN) && session.bookings.length > 0,
  );
  const shropshire = (await ask(
    `{ partnership(slug: "shropshire") { strategicPriorities(asOf: "2025-06-01") { successStatements { id measurable } } } }`,
  )) as any;
  const statement = shropshire.partnership.strategicPriorities
    .flatMap((priority: { successStatements: unknown[] }) => priority.successStatements)
    .find((s: { measurable: boolean }) => s.measurable);
  // --- strategic plans and regional procedures (system of record)
  const sor = (await ask(
    `{ partnership(slug: "shropshire") { strategicPlans { id } }
       body(id: "shropshire.local-domestic-abuse-partnership-board") { strategicActionPlan { actions { id } } }
       regionalProcedures { id chapters { id } adoptions { id partnership { slug } } } }`,
  )) as any;
  const procedures = sor.regionalProcedures as { id: string; chapters: { id: string }[]; adoptions: { id: string; partnership: { slug: string } }[] }[];
  fixtures = {
    strategicPlanId: sor.partnership.strategicPlans[0].id,
    strategicActionId: sor.body.strategicActionPlan.actions[0].id,
    chapterId: procedures.find((procedure) => procedure.chapters.length > 0)!.chapters[0]!.id,
    adoptionId: procedures.flatMap((procedure) => procedure.adoptions).find((adoption) => adoption.partnership.slug === OWN)!.id,
    meetingId: meeting.id,
    meetingDate: meeting.date,
    upcomingMeetingId,
    agendaId: agenda.id,
    agendaItemIds: withItem.items.map((item) => item.id),
    membershipId: own.body.members[0].id,
    designationId: own.designations[0].id,
    unpublishedReviewId: unpublished.id,
    publishedReviewId: published.id,
    actionId: action.id,
    statementId: statement.id,
    sessionId: ownOnly[0].id,
    bookingId: ownOnly[0].bookings[0].id,
    courseId: ownOnly[0].course.id,
    thresholdModelId: own.thresholdModels[0].id,
    escalationProcedureId: own.partnership.escalationProcedures[0].id,
  };
});
afterAll(async () => {
  await federation?.stop();
});

describe('the authorisation matrix', () => {
  it('has one row and one operation for every Query and Mutation field of the supergraph, and nothing else', () => {
    const inTable = AUTHORISATION_MATRIX.map((row) => `${row.kind}.${row.field}`);
    expect([...inTable].sort()).toEqual(supergraphRootFields().sort());
    expect(new Set(inTable).size).toBe(inTable.length);
    expect(Object.keys(OPERATIONS).sort()).toEqual(AUTHORISATION_MATRIX.map((row) => row.field).sort());
  });

  it('asks only anonymous callers to sign in, and never tells them FORBIDDEN (every refused field needs some role)', () => {
    expect(AUTHORISATION_MATRIX.filter((row) => row.access.anon === NO).map((row) => row.field)).toEqual([]);
    expect(
      AUTHORISATION_MATRIX.flatMap((row) =>
        CALLERS.filter((caller) => caller !== 'anon' && row.access[caller] === SIGN_IN).map((caller) => `${row.field} as ${caller}`),
      ),
    ).toEqual([]);
  });

  const cases = AUTHORISATION_MATRIX.flatMap((row) => CALLERS.map((caller) => [`${row.kind}.${row.field}`, caller, row.access[caller], row] as const));
  it.each(cases)('%s as %s: %s', async (_name, caller, expected, row: MatrixRow) => {
    const operation = OPERATIONS[row.field]!(fixtures);
    const response = await federation.query(operation.document, { variables: operation.variables ?? {}, as: grantsFor(caller, row.own ?? OWN) });
    expect(response.status).toBeLessThan(500);
    const codes = (response.errors ?? []).map((error) => error.extensions?.code ?? 'none');
    const forbidden = codes.includes('FORBIDDEN');
    const summary = `${row.field} as ${caller} answered ${JSON.stringify(response.errors?.map((error) => `${error.extensions?.code}: ${error.message}`) ?? response.data)}`;
    if (expected === SIGN_IN) {
      expect({ summary, codes, status: response.status }).toEqual({ summary, codes: ['UNAUTHENTICATED'], status: 401 });
      expect(response.headers.get('www-authenticate')).toBe('Bearer realm="safeguarding-partnerships"');
      expect(response.errors![0]!.message).toContain('Authorization: Bearer <token>');
      expect(response.data?.[row.field] ?? null).toBeNull();
    } else if (expected === NO) {
      expect({ summary, forbidden, status: response.status }).toEqual({ summary, forbidden: true, status: 200 });
      expect(codes).not.toContain('UNAUTHENTICATED');
      expect(response.data?.[row.field] ?? null).toBeNull();
    } else {
      expect({ summary, forbidden }).toEqual({ summary, forbidden: false });
      expect(codes).not.toContain('INTERNAL_SERVER_ERROR');
      if (expected === FILTERED) expect({ summary, filtered: operation.filtered!(response.data) }).toEqual({ summary, filtered: true });
      else if (operation.filtered) expect({ summary, filtered: operation.filtered(response.data) }).toEqual({ summary, filtered: false });
    }
  });
});

describe('anonymous callers who need a role', () => {
  const COVERAGE = `{ learningCoverage(partnershipSlug: "${OWN}") { id } }`;

  it('get 401 with a Bearer challenge and how to sign in when the whole operation is refused', async () => {
    const response = await federation.query(COVERAGE);
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer realm="safeguarding-partnerships"');
    expect(response.data).toEqual({ learningCoverage: null });
    expect(response.errors).toEqual([
      expect.objectContaining({
        path: ['learningCoverage'],
        message: expect.stringMatching(
          /needs a role\. You are not signed in: send your token in the header "Authorization: Bearer <token>" \(for development, `npm run token -- <role> \[partnership\]` prints one/,
        ),
        extensions: expect.objectContaining({ code: 'UNAUTHENTICATED' }),
      }),
    ]);
  });

  it('get 200 with the public part when only part of the operation needs a role', async () => {
    const response = await federation.query(`{ theme(id: "neglect") { name } learningCoverage(partnershipSlug: "${OWN}") { id } }`);
    expect(response.status).toBe(200);
    expect(response.headers.get('www-authenticate')).toBeNull();
    expect(response.data).toEqual({ theme: { name: 'Neglect' }, learningCoverage: null });
    expect(response.errors!.map((error) => [error.path!.join('.'), error.extensions?.code])).toEqual([['learningCoverage', 'UNAUTHENTICATED']]);
  });

  it('get 401 for a refused mutation, and the refusal changes nothing', async () => {
    const before = await federation.query(`{ body(id: "${EXECUTIVE}") { purpose version } }`);
    const response = await federation.query(`mutation { updateBody(id: "${EXECUTIVE}", expectedVersion: 1, input: { purpose: "Anonymous edit" }) { id } }`);
    expect(response.status).toBe(401);
    expect(response.errors!.map((error) => error.extensions?.code)).toEqual(['UNAUTHENTICATED']);
    const after = await federation.query(`{ body(id: "${EXECUTIVE}") { purpose version } }`);
    expect(after.data).toEqual(before.data);
  });

  it('while a signed-in caller without the role keeps FORBIDDEN with 200, even with no grants at all', async () => {
    for (const as of [[], [grant('member', OTHER)]]) {
      const response = await federation.query(COVERAGE, { as });
      expect(response.status).toBe(200);
      expect(response.headers.get('www-authenticate')).toBeNull();
      expect(response.errors!.map((error) => error.extensions?.code)).toEqual(['FORBIDDEN']);
    }
  });
});
