import { allow, describeRule, hasAnyRole, readableByEveryone, rule, type IRules, CONTRACT_RESULT_RULES } from '@safeguarding/subgraph-runtime';
import type { MembershipContext } from './context';
import type { MeetingParent } from './models';
import { canSeeAttendance, MEMBERSHIP_ACCESS, rolesFor } from './access';

/**
 * The registry, posts, seats and designations are public: they come from published terms of
 * reference. Attendance, apologies and quorum are for the body's own partnerships, analysts and
 * regional administrators (access.ts, whose table these rules are built from). Edits need an editing role here; the resolver
 * then checks it is for the body's own partnership. Anything not listed is denied.
 */
const mayReadAttendance = describeRule(
  rule('membership:may-read-attendance', { cache: 'no_cache' })(async (meeting: MeetingParent, _args, context: MembershipContext) => {
    const body = meeting.body ? await context.loaders.bodyReference.load(meeting.body.id) : null;
    return canSeeAttendance(context.caller, body);
  }),
  {
    who: "the body's own partnerships (members, admins), the forum secretariat for the joint forum, analysts, regional-admins",
    yes: MEMBERSHIP_ACCESS.readAttendance.regionalRoles,
    scoped: [...MEMBERSHIP_ACCESS.readAttendance.partnershipRoles, ...MEMBERSHIP_ACCESS.readAttendance.forumRoles],
  },
);

const editors = hasAnyRole(...rolesFor('editMembership'));
const designators = hasAnyRole(...rolesFor('designate'));
const packAdministrators = hasAnyRole('regional-admin', 'partnership-admin');

export const permissions: IRules = {
  ...CONTRACT_RESULT_RULES,
  Query: {
    organisations: allow,
    organisation: allow,
    sharedAgencies: allow,
    designations: allow,
    posts: allow,
    // The operation checks the scope: a partnership-admin only their own partnership's section.
    membershipPackSection: packAdministrators,
  },
  Mutation: {
    registerOrganisation: hasAnyRole(...rolesFor('registerOrganisation')),
    addPost: hasAnyRole(...rolesFor('addPost')),
    addMembership: editors,
    endMembership: editors,
    appointChair: editors,
    recordAttendance: editors,
    correctChairAppointment: editors,
    withdrawChairAppointment: editors,
    designate: designators,
    endDesignation: designators,
    correctDesignation: designators,
    applyMembershipPackSection: packAdministrators,
  },
  Organisation: readableByEveryone('id', 'name', 'sector', 'alsoKnownAs', 'viewerCanEdit', 'source', 'posts', 'memberships', 'partnerships', 'designations'),
  Partnership: readableByEveryone('id', 'designations', 'viewerCanDesignate'),
  Post: readableByEveryone('id', 'title', 'alsoKnownAs', 'organisation', 'holders'),
  PostHolding: readableByEveryone('personName', 'startDate', 'endDate'),
  Membership: readableByEveryone(
    'id',
    'body',
    'organisation',
    'post',
    'role',
    'deputyFor',
    'coOptedForReview',
    'list',
    'startDate',
    'endDate',
    'description',
    'source',
    'termSource',
    'version',
  ),
  Designation: readableByEveryone('id', 'kind', 'partnership', 'organisation', 'post', 'startDate', 'endDate', 'version', 'source'),
  SharedAgency: readableByEveryone('organisation', 'partnerships'),
  SharedAgencySide: readableByEveryone('partnership', 'bodies'),
  ChairRule: readableByEveryone(
    'appointedFrom',
    'organisation',
    'termMonths',
    'termAlignedToFinancialYear',
    'noConsecutiveTermsSameOrganisation',
    'viceChairFromDifferentOrganisation',
    'viceChairSucceeds',
  ),
  QuorumRule: readableByEveryone('kind', 'namedDeputyCounts', 'requiredOrganisations', 'unexplainedAbsenceReported'),
  // Candidates are filtered per body by who may read its attendance (operations/agenda-candidates.ts).
  AgendaCandidates: readableByEveryone('id', 'bodyQuorumRules', 'membership'),
  AgendaCandidate: readableByEveryone('key', 'partnershipSlug', 'title', 'reason', 'subjectType', 'subjectId'),
  BodyQuorumRule: readableByEveryone('bodyId', 'bodyName', 'quorumRule'),
  Body: readableByEveryone(
    'id',
    'chairRule',
    'quorumRule',
    'members',
    'membershipHistory',
    'chair',
    'viceChair',
    'chairAppointments',
    'chairCompliance',
    'viewerCanEditMembership',
  ),
  ChairCompliance: readableByEveryone('compliant', 'appointmentsChecked', 'breaches'),
  ChairRuleBreach: readableByEveryone('check', 'appointment', 'explanation'),
  Meeting: { ...readableByEveryone('id', 'body', 'date'), attendance: mayReadAttendance, unexplainedAbsences: mayReadAttendance, quorum: mayReadAttendance },
  AttendanceRecord: readableByEveryone(
    'membership',
    'organisation',
    'post',
    'outcome',
    'attendedAs',
    'apologyReason',
    'apologyReasonValid',
    'unexplained',
    'source',
    'meetingId',
  ),
  QuorumEvaluation: readableByEveryone(
    'kind',
    'quorate',
    'missingAgencies',
    'representedAgencies',
    'attendanceRecorded',
    'reportUnexplainedAbsencesToLineManager',
  ),
};

/** What the resolvers filter below fields everyone may read (docs/access-inventory.md shows these). */
export const accessNotes: Record<string, string> = {
  AgendaCandidates:
    'membership candidates (meetings that were not quorate) only for bodies whose attendance the caller may read (operations/agenda-candidates.ts).',
};
