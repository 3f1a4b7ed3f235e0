import { allow, hasAnyRole, rule, type IRules } from '@safeguarding/subgraph-runtime';
import type { MembershipContext } from './context';
import type { MeetingParent } from './resolvers/parents';
import { canSeeAttendance } from './resolvers/access';

/**
 * The registry, posts, seats and designations are public: they come from published terms of
 * reference. Attendance, apologies and quorum are for the body's own partnerships, analysts and
 * regional administrators (resolvers/access.ts). Edits need an editing role here; the resolver
 * then checks it is for the body's own partnership. Anything not listed is denied.
 */
const mayReadAttendance = rule('membership:may-read-attendance', { cache: 'no_cache' })(async (meeting: MeetingParent, _args, context: MembershipContext) => {
  const body = meeting.body ? await context.loaders.bodyReference.load(meeting.body.id) : null;
  return canSeeAttendance(context.caller, body);
});

const editors = hasAnyRole('partnership-admin', 'forum-secretariat');
const publicRead = { '*': allow };

export const permissions: IRules = {
  Query: { organisations: allow, organisation: allow, sharedAgencies: allow, designations: allow, posts: allow },
  Mutation: {
    registerOrganisation: hasAnyRole('regional-admin'),
    addPost: hasAnyRole('partnership-admin', 'regional-admin'),
    addMembership: editors,
    endMembership: editors,
    appointChair: editors,
    recordAttendance: editors,
  },
  Organisation: publicRead,
  SourceCitation: publicRead,
  Partnership: publicRead,
  Post: publicRead,
  PostHolding: publicRead,
  Membership: publicRead,
  Designation: publicRead,
  SharedAgency: publicRead,
  SharedAgencySide: publicRead,
  ChairRule: publicRead,
  QuorumRule: publicRead,
  // Candidates are filtered per body by who may read its attendance (resolvers/agenda-candidates.ts).
  AgendaCandidates: publicRead,
  AgendaCandidate: publicRead,
  BodyQuorumRule: publicRead,
  Body: publicRead,
  ChairCompliance: publicRead,
  ChairRuleBreach: publicRead,
  Meeting: { '*': allow, attendance: mayReadAttendance, unexplainedAbsences: mayReadAttendance, quorum: mayReadAttendance },
  AttendanceRecord: publicRead,
  QuorumEvaluation: publicRead,
};
