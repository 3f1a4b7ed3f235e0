import { mergeResolvers } from '@safeguarding/subgraph-runtime';
import type { Resolvers } from '../generated/graphql';
import { agendaCandidatesResolvers } from './agenda-candidates';
import { attendanceRecordResolvers } from './attendance-record';
import { bodyResolvers } from './body';
import { chairRuleBreachResolvers } from './chair-rule-breach';
import { designationResolvers } from './designation';
import { meetingResolvers } from './meeting';
import { membershipResolvers } from './membership';
import { mutationResolvers } from './mutation';
import { organisationResolvers } from './organisation';
import { partnershipResolvers } from './partnership';
import { postResolvers } from './post';
import { queryResolvers } from './query';
import { quorumEvaluationResolvers } from './quorum-evaluation';
import { scalarResolvers } from './scalars';
import { sharedAgencyResolvers } from './shared-agency';
import { sharedAgencySideResolvers } from './shared-agency-side';

/** One file per SDL type; mergeResolvers throws if two files resolve the same field. */
export const resolvers = mergeResolvers<Resolvers>({
  'scalars.ts': scalarResolvers,
  'query.ts': queryResolvers,
  'mutation.ts': mutationResolvers,
  'organisation.ts': organisationResolvers,
  'partnership.ts': partnershipResolvers,
  'post.ts': postResolvers,
  'membership.ts': membershipResolvers,
  'designation.ts': designationResolvers,
  'shared-agency.ts': sharedAgencyResolvers,
  'shared-agency-side.ts': sharedAgencySideResolvers,
  'body.ts': bodyResolvers,
  'chair-rule-breach.ts': chairRuleBreachResolvers,
  'meeting.ts': meetingResolvers,
  'attendance-record.ts': attendanceRecordResolvers,
  'quorum-evaluation.ts': quorumEvaluationResolvers,
  'agenda-candidates.ts': agendaCandidatesResolvers,
});
