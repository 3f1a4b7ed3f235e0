import { DateScalar, mergeResolvers } from '@safeguarding/subgraph-runtime';
import type { Resolvers } from '../generated/graphql';
import { agencyReachResolvers } from './agency-reach';
import { agendaCandidatesResolvers } from './agenda-candidates';
import { courseResolvers } from './course';
import { impactEvidenceResolvers } from './impact-evidence';
import { learningCoverageResolvers } from './learning-coverage';
import { mutationResolvers } from './mutation';
import { partnershipResolvers } from './partnership';
import { partnershipComparisonResolvers } from './partnership-comparison';
import { queryResolvers } from './query';
import { themeResolvers } from './theme';
import { themeCoverageResolvers } from './theme-coverage';
import { trainingBookingResolvers } from './training-booking';
import { trainingProgrammeResolvers } from './training-programme';
import { trainingSessionResolvers } from './training-session';
import { trainingSessionChangeResolvers } from './training-session-change';

/** One file per SDL type; mergeResolvers throws if two files resolve the same field. */
export const resolvers: Resolvers = mergeResolvers<Resolvers>({
  scalars: { Date: DateScalar },
  'query.ts': queryResolvers,
  'mutation.ts': mutationResolvers,
  'partnership.ts': partnershipResolvers,
  'training-programme.ts': trainingProgrammeResolvers,
  'agency-reach.ts': agencyReachResolvers,
  'course.ts': courseResolvers,
  'training-session.ts': trainingSessionResolvers,
  'training-session-change.ts': trainingSessionChangeResolvers,
  'training-booking.ts': trainingBookingResolvers,
  'impact-evidence.ts': impactEvidenceResolvers,
  'theme.ts': themeResolvers,
  'learning-coverage.ts': learningCoverageResolvers,
  'theme-coverage.ts': themeCoverageResolvers,
  'partnership-comparison.ts': partnershipComparisonResolvers,
  'agenda-candidates.ts': agendaCandidatesResolvers,
});
