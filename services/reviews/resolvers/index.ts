import { mergeResolvers } from '@safeguarding/subgraph-runtime';
import type { Resolvers } from '../generated/graphql';
import { actionPlanResolvers } from './action-plan';
import { actionPlanActionResolvers } from './action-plan-action';
import { agendaCandidatesResolvers } from './agenda-candidates';
import { learningBriefingResolvers } from './learning-briefing';
import { learningPointResolvers } from './learning-point';
import { mutationResolvers } from './mutation';
import { partnershipResolvers } from './partnership';
import { partnershipComparisonResolvers } from './partnership-comparison';
import { partnershipThemeCountResolvers } from './partnership-theme-count';
import { queryResolvers } from './query';
import { repeatedThemeResolvers } from './repeated-theme';
import { reviewResolvers } from './review';
import { reviewClockResolvers } from './review-clock';
import { reviewKindResolvers } from './review-kind';
import { reviewKindTimelinessResolvers } from './review-kind-timeliness';
import { scalarResolvers } from './scalars';
import { themeResolvers } from './theme';

/** One file per SDL type; mergeResolvers throws if two files resolve the same field. */
export const resolvers = mergeResolvers<Resolvers>({
  'scalars.ts': scalarResolvers,
  'query.ts': queryResolvers,
  'mutation.ts': mutationResolvers,
  'partnership.ts': partnershipResolvers,
  'review.ts': reviewResolvers,
  'learning-briefing.ts': learningBriefingResolvers,
  'action-plan.ts': actionPlanResolvers,
  'action-plan-action.ts': actionPlanActionResolvers,
  'learning-point.ts': learningPointResolvers,
  'review-kind.ts': reviewKindResolvers,
  'review-clock.ts': reviewClockResolvers,
  'review-kind-timeliness.ts': reviewKindTimelinessResolvers,
  'theme.ts': themeResolvers,
  'repeated-theme.ts': repeatedThemeResolvers,
  'partnership-theme-count.ts': partnershipThemeCountResolvers,
  'partnership-comparison.ts': partnershipComparisonResolvers,
  'agenda-candidates.ts': agendaCandidatesResolvers,
});
