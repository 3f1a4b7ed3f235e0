/**
 * THE AUTHORISATION MATRIX: who may call every Query and Mutation root field of the supergraph.
 *
 * One row per root field, one column per caller. `authorisation-matrix.test.ts` sends a minimal
 * operation for every cell through the gateway and checks the answer; a field in
 * `gateway/supergraph.graphql` without a row here fails that test, so a new field needs a row.
 *
 * Cells:
 * - YES      allowed: the call is never refused with FORBIDDEN (it may still fail on its input:
 *            NOT_FOUND, BAD_USER_INPUT, CONFLICT are "allowed, but not like that").
 * - NO       refused with FORBIDDEN (by the subgraph's permissions.ts shield, or by the resolver's
 *            partnership-scope check after it has loaded the record).
 * - SIGN_IN  an anonymous caller asking for what a role would allow: refused with UNAUTHENTICATED
 *            and HTTP 401 (with `WWW-Authenticate: Bearer` and a message saying how to send a token),
 *            since signing in, not being someone else, is what would help.
 * - FILTERED not refused, but the answer leaves out what the caller may not see (the row's note
 *            says what); the test checks the filtered answer.
 *
 * Columns (grants in the caller's token; "own" is the partnership the row's records belong to,
 * telford-and-wrekin unless the row says otherwise, "other" is solihull):
 *
 *   anon      no token: the anonymous public reader
 *   analyst   analyst (regional)
 *   member+   member of the own partnership          member-   member of the other partnership
 *   admin+    partnership-admin of the own one       admin-    partnership-admin of the other one
 *   forum     forum-secretariat (regional; edits the joint Lead Safeguarding Partners forum only)
 *   regional  regional-admin
 *
 * Where the truth lives: services/<subgraph>/permissions.ts (the coarse role check) and the
 * resolvers' scope checks (arrangements resolvers/access, membership resolvers/mutation.ts,
 * reviews visibility.ts, training access.ts and operations/, thresholds access.ts and operations/model-versions.ts).
 */

export const YES = 'YES';
export const NO = 'NO';
export const FILTERED = 'FILTERED';
export const SIGN_IN = 'SIGN_IN';
export type Access = typeof YES | typeof NO | typeof FILTERED | typeof SIGN_IN;

export const CALLERS = ['anon', 'analyst', 'member+', 'member-', 'admin+', 'admin-', 'forum', 'regional'] as const;
export type CallerColumn = (typeof CALLERS)[number];

export interface MatrixRow {
  kind: 'Query' | 'Mutation';
  field: string;
  subgraph: string;
  access: Record<CallerColumn, Access>;
  /** The partnership whose records the row's operation touches (default telford-and-wrekin). */
  own?: string;
  note?: string;
}

type Cells = [Access, Access, Access, Access, Access, Access, Access, Access];
const row = (kind: MatrixRow['kind'], subgraph: string, field: string, cells: Cells, extra: Pick<MatrixRow, 'own' | 'note'> = {}): MatrixRow => ({
  kind,
  field,
  subgraph,
  access: Object.fromEntries(CALLERS.map((caller, index) => [caller, cells[index]])) as Record<CallerColumn, Access>,
  ...extra,
});
const query = (subgraph: string, field: string, cells: Cells, extra?: Pick<MatrixRow, 'own' | 'note'>) => row('Query', subgraph, field, cells, extra);
const mutation = (subgraph: string, field: string, cells: Cells, extra?: Pick<MatrixRow, 'own' | 'note'>) => row('Mutation', subgraph, field, cells, extra);

const PUBLIC: Cells = [YES, YES, YES, YES, YES, YES, YES, YES];
/** A partnership-admin of the record's own partnership, nobody else. */
const OWN_ADMIN: Cells = [SIGN_IN, NO, NO, NO, YES, NO, NO, NO];
/** A partnership-admin of the record's own partnership, or a regional-admin (a partnership's facts). */
const OWN_ADMIN_OR_REGIONAL: Cells = [SIGN_IN, NO, NO, NO, YES, NO, NO, YES];

const HIDDEN_DRAFT =
  'on a draft threshold model an outsider gets NOT_FOUND instead, so its existence is not revealed (the test uses the published 2019 version, which its own admin is refused as immutable)';
const HIDDEN_REVIEW = 'on an unpublished review an outsider gets NOT_FOUND instead, so its existence is not revealed (the test uses a published one)';

// prettier-ignore
export const AUTHORISATION_MATRIX: MatrixRow[] = [
  //                    subgraph        field                          anon analyst member+ member- admin+ admin- forum regional
  // --- Queries: published material is public; unpublished reviews and coverage stay inside their partnership.
  query('arrangements', 'partnerships',                 PUBLIC),
  query('arrangements', 'partnership',                  PUBLIC),
  query('arrangements', 'body',                         PUBLIC),
  query('arrangements', 'regionalProcedures',           PUBLIC),
  query('arrangements', 'meeting',                      PUBLIC, { note: 'dates and places are public; draft agendas/notes, attendance and quorum below it are filtered or refused per field' }),
  query('arrangements', 'comparePartnerships',          PUBLIC, { note: 'cells a caller may not read say so (training reach), never FORBIDDEN for the whole field' }),
  query('membership',   'organisations',                PUBLIC),
  query('membership',   'organisation',                 PUBLIC),
  query('membership',   'sharedAgencies',               PUBLIC),
  query('membership',   'designations',                 PUBLIC),
  query('membership',   'posts',                        PUBLIC),
  query('membership',   'membershipPackSection',        OWN_ADMIN_OR_REGIONAL, { note: "a partnership's section: its own partnership-admins, or a regional-admin; the regional section is regional-admin's only" }),
  query('reviews',      'review',                       [FILTERED, FILTERED, YES, FILTERED, YES, FILTERED, FILTERED, FILTERED], { note: 'an unpublished review is null outside its partnership (members and admins of it see it); published reviews are public' }),
  query('reviews',      'reviewKinds',                  PUBLIC),
  query('reviews',      'themes',                       PUBLIC),
  query('reviews',      'theme',                        PUBLIC),
  query('reviews',      'repeatedThemes',               PUBLIC, { note: 'counts only, unpublished reviews included but never named' }),
  query('reviews',      'reviewsPackSection',           OWN_ADMIN_OR_REGIONAL, { note: "a partnership's section; the regional section is regional-admin's only" }),
  query('thresholds',   'thresholdModels',              PUBLIC),
  query('thresholds',   'thresholdModel',               PUBLIC),
  query('thresholds',   'regionalLevels',               PUBLIC),
  query('thresholds',   'compareThresholds',            PUBLIC),
  query('thresholds',   'translateLevel',               PUBLIC),
  query('thresholds',   'searchIndicators',             PUBLIC),
  query('thresholds',   'thresholdsPackSection',        OWN_ADMIN_OR_REGIONAL, { note: "a partnership's pack section: its own partnership-admins or a regional-admin; the regional scope is a regional-admin's only" }),
  query('training',     'course',                       PUBLIC, { note: 'TrainingSession.bookings below it needs analyst, regional-admin or the offering partnership' }),
  query('training',     'trainingSession',              PUBLIC),
  query('training',     'learningCoverage',             [SIGN_IN, YES,  YES,  NO,   YES,  NO,   NO,   YES]),
  query('training',     'trainingPackSection',          OWN_ADMIN_OR_REGIONAL, { note: "the partnership's training.yaml as held today" }),

  // --- Mutations
  mutation('arrangements', 'updateBody',                OWN_ADMIN),
  mutation('arrangements', 'scheduleMeeting',           OWN_ADMIN, { note: "for the joint LSP forum's own meetings the forum secretariat's too (services/arrangements/test/meeting-edits.test.ts)" }),
  mutation('arrangements', 'setMeetingStatus',          OWN_ADMIN, { note: 'as scheduleMeeting' }),
  mutation('arrangements', 'prepareAgenda',             OWN_ADMIN, { note: "for the joint LSP forum it is the forum secretariat's instead" }),
  mutation('arrangements', 'addAgendaItem',             OWN_ADMIN, { note: 'as prepareAgenda' }),
  mutation('arrangements', 'reorderAgenda',             OWN_ADMIN, { note: 'as prepareAgenda' }),
  mutation('arrangements', 'publishAgenda',             OWN_ADMIN, { note: 'as prepareAgenda' }),
  mutation('arrangements', 'issueDraftActionNotes',     OWN_ADMIN, { note: 'as prepareAgenda' }),
  mutation('arrangements', 'requestActionNotesAmendment', [SIGN_IN, NO, YES,  NO,   YES,  NO,   NO,   NO], { note: "members and admins of the body's partnerships" }),
  mutation('arrangements', 'recordSuccessMeasurement',  OWN_ADMIN, { own: 'shropshire', note: 'the strategic plan in the seed data is Shropshire\'s' }),
  // --- bodies (system of record)
  mutation('arrangements', 'createBody',                OWN_ADMIN, { note: "a partnership-admin of the partnership the body is created in" }),
  mutation('arrangements', 'changeBody',                OWN_ADMIN),
  mutation('arrangements', 'correctBody',               OWN_ADMIN),
  mutation('arrangements', 'changeReportingLines',      OWN_ADMIN),
  mutation('arrangements', 'endBody',                   OWN_ADMIN),
  mutation('arrangements', 'shareBody',                 [SIGN_IN, NO,   NO,   NO,   NO,   NO,   NO,   YES], { note: "a regional-admin, or a partnership-admin of both the body's partnership and the other one (admin+ alone is refused: sharing with solihull needs solihull's admin too)" }),
  // --- partnership facts (system of record)
  // --- packs: a partnership's own section is its admin's (or a regional-admin's); the regional section a regional-admin's
  query('arrangements', 'arrangementsPackSection',      OWN_ADMIN_OR_REGIONAL, { note: 'the operation checks the scope; scope "regional" is a regional-admin\'s only' }),
  mutation('arrangements', 'applyArrangementsPackSection', OWN_ADMIN_OR_REGIONAL, { note: 'as arrangementsPackSection; a partnership that does not exist yet only a regional-admin may create' }),
  mutation('arrangements', 'createPartnership',         [SIGN_IN, NO, NO,  NO,   NO,   NO,   NO,   YES], { note: 'shared regional data: a regional-admin only' }),
  mutation('arrangements', 'updatePartnershipFacts',    OWN_ADMIN_OR_REGIONAL),
  mutation('arrangements', 'setStatutoryFunctions',     OWN_ADMIN_OR_REGIONAL),
  mutation('arrangements', 'recordPopulationFigure',    OWN_ADMIN_OR_REGIONAL),
  mutation('arrangements', 'changeLeadSafeguardingPartner', OWN_ADMIN_OR_REGIONAL),
  mutation('arrangements', 'correctLeadSafeguardingPartner', OWN_ADMIN_OR_REGIONAL),
  mutation('arrangements', 'recordBudget',              OWN_ADMIN_OR_REGIONAL),
  // --- meetings and escalation procedures (system of record)
  mutation('arrangements', 'rescheduleMeeting',         OWN_ADMIN, { note: 'as scheduleMeeting' }),
  mutation('arrangements', 'createEscalationProcedure', OWN_ADMIN),
  mutation('arrangements', 'replaceEscalationSteps',    OWN_ADMIN, { note: "Telford & Wrekin's seeded dispute resolution procedure (003)" }),
  mutation('arrangements', 'retireEscalationProcedure', OWN_ADMIN, { note: 'as replaceEscalationSteps' }),
  // --- strategic plans and regional procedures (system of record)
  mutation('arrangements', 'createStrategicPlan',       OWN_ADMIN),
  mutation('arrangements', 'addStrategicPriority',      OWN_ADMIN, { own: 'shropshire', note: 'the plan in the seed data is Shropshire\'s' }),
  mutation('arrangements', 'reviseStrategicPriority',   OWN_ADMIN, { own: 'shropshire', note: 'as addStrategicPriority' }),
  mutation('arrangements', 'retireStrategicPriority',   OWN_ADMIN, { own: 'shropshire', note: 'as addStrategicPriority' }),
  mutation('arrangements', 'addSuccessStatement',       OWN_ADMIN, { own: 'shropshire', note: 'as addStrategicPriority' }),
  mutation('arrangements', 'reviseSuccessStatement',    OWN_ADMIN, { own: 'shropshire', note: 'as addStrategicPriority' }),
  mutation('arrangements', 'retireSuccessStatement',    OWN_ADMIN, { own: 'shropshire', note: 'as addStrategicPriority' }),
  mutation('arrangements', 'addStrategicAction',        OWN_ADMIN, { own: 'shropshire', note: "a partnership-admin of one of the group's partnerships" }),
  mutation('arrangements', 'updateStrategicAction',     OWN_ADMIN, { own: 'shropshire', note: 'as addStrategicAction' }),
  mutation('arrangements', 'addRegionalProcedureChapter', [SIGN_IN, NO, NO,   NO,   NO,   NO,   NO,   YES], { note: 'shared regional data' }),
  mutation('arrangements', 'publishRegionalProcedureChapterVersion', [SIGN_IN, NO, NO, NO, NO, NO, NO, YES], { note: 'shared regional data' }),
  mutation('arrangements', 'adoptRegionalProcedure',    OWN_ADMIN, { note: "the adoption is the partnership's own decision: not the regional-admin's" }),
  mutation('arrangements', 'updateRegionalProcedureAdoption', OWN_ADMIN, { note: 'as adoptRegionalProcedure' }),
  mutation('membership',   'registerOrganisation',      [SIGN_IN, NO,   NO,   NO,   NO,   NO,   NO,   YES]),
  mutation('membership',   'addPost',                   [SIGN_IN, NO,   NO,   NO,   YES,  YES,  NO,   YES], { note: 'organisations are shared by every partnership, so any partnership-admin may add a post' }),
  mutation('membership',   'addMembership',             OWN_ADMIN, { note: "for the joint LSP forum the forum secretariat's too" }),
  mutation('membership',   'endMembership',             OWN_ADMIN, { note: 'as addMembership' }),
  mutation('membership',   'appointChair',              OWN_ADMIN, { note: 'as addMembership' }),
  mutation('membership',   'recordAttendance',          OWN_ADMIN, { note: 'as addMembership' }),
  mutation('membership',   'correctChairAppointment',   OWN_ADMIN, { note: 'as appointChair' }),
  mutation('membership',   'withdrawChairAppointment',  OWN_ADMIN, { note: 'as appointChair' }),
  mutation('membership',   'designate',                 [SIGN_IN, NO,   NO,   NO,   YES,  NO,   NO,   YES], { note: "the partnership's own admins, or a regional-admin" }),
  mutation('membership',   'endDesignation',            [SIGN_IN, NO,   NO,   NO,   YES,  NO,   NO,   YES], { note: 'as designate' }),
  mutation('membership',   'correctDesignation',        [SIGN_IN, NO,   NO,   NO,   YES,  NO,   NO,   YES], { note: 'as designate' }),
  mutation('membership',   'applyMembershipPackSection', OWN_ADMIN_OR_REGIONAL, { note: "as membershipPackSection (the test sends a malformed section: refused after the scope check)" }),
  mutation('reviews',      'startReview',               OWN_ADMIN),
  mutation('reviews',      'recordReviewStage',         OWN_ADMIN, { note: HIDDEN_REVIEW }),
  mutation('reviews',      'tagReviewThemes',           OWN_ADMIN, { note: HIDDEN_REVIEW }),
  mutation('reviews',      'addLearningPoint',          OWN_ADMIN, { note: HIDDEN_REVIEW }),
  mutation('reviews',      'addActionPlanAction',       OWN_ADMIN, { note: HIDDEN_REVIEW }),
  mutation('reviews',      'updateActionPlanAction',    OWN_ADMIN, { note: HIDDEN_REVIEW }),
  mutation('reviews',      'setReviewClock',            OWN_ADMIN),
  mutation('reviews',      'applyReviewsPackSection',   OWN_ADMIN_OR_REGIONAL, { note: "a partnership's section (the test sends text that does not read, so nothing is written); the regional section is regional-admin's only" }),
  mutation('thresholds',   'updateCrosswalkMapping',    [SIGN_IN, NO,   NO,   NO,   NO,   NO,   NO,   YES], { note: "a published level's mapping; a draft's level is its partnership-admins' (and NOT_FOUND to callers who may not see the draft)" }),
  mutation('thresholds',   'draftThresholdModelVersion', OWN_ADMIN),
  mutation('thresholds',   'updateThresholdModelDraft', OWN_ADMIN, { note: HIDDEN_DRAFT }),
  mutation('thresholds',   'discardThresholdModelDraft', OWN_ADMIN, { note: HIDDEN_DRAFT }),
  mutation('thresholds',   'publishThresholdModelVersion', OWN_ADMIN, { note: HIDDEN_DRAFT }),
  mutation('thresholds',   'applyThresholdsPackSection', OWN_ADMIN_OR_REGIONAL, { note: "as thresholdsPackSection; a published level's placement is then a regional-admin's only (FORBIDDEN for the partnership-admin, services/thresholds/test/pack.test.ts)" }),
  mutation('training',     'bookTrainingPlaces',        [SIGN_IN, NO,   YES,  NO,   YES,  NO,   NO,   NO], { note: 'members and admins of a partnership offering the course' }),
  mutation('training',     'recordTrainingAttendance',  OWN_ADMIN, { note: 'admins of a partnership offering the course' }),
  mutation('training',     'createCourse',              OWN_ADMIN, { note: 'admins of every partnership the new course names' }),
  mutation('training',     'updateCourse',              OWN_ADMIN, { note: 'admins of a partnership offering the course' }),
  mutation('training',     'retireCourse',              OWN_ADMIN, { note: 'admins of a partnership offering the course' }),
  mutation('training',     'scheduleTrainingSession',   OWN_ADMIN, { note: 'admins of a partnership offering the course' }),
  mutation('training',     'rescheduleTrainingSession', OWN_ADMIN, { note: 'admins of a partnership offering the course' }),
  mutation('training',     'cancelTrainingSession',     OWN_ADMIN, { note: 'admins of a partnership offering the course' }),
  mutation('training',     'changeSessionCapacity',     OWN_ADMIN, { note: 'admins of a partnership offering the course' }),
  mutation('training',     'recordTrainingEvaluation',  OWN_ADMIN, { note: 'admins of the partnership the evaluation is for, which must offer the course' }),
  mutation('training',     'applyTrainingPackSection',  OWN_ADMIN_OR_REGIONAL, { note: "the partnership's own admins or a regional-admin; making a course joint also needs the partner's rights" }),
];
