import { DateScalar, mergeResolvers } from '@safeguarding/subgraph-runtime';
import type { Resolvers } from '../generated/graphql';
import { actionNotesResolvers } from './action-notes';
import { agendaResolvers } from './agenda';
import { agendaCandidatesResolvers } from './agenda-candidates';
import { agendaItemResolvers } from './agenda-item';
import { agendaSubjectResolvers } from './agenda-subject';
import { agendaVersionResolvers } from './agenda-version';
import { bodyResolvers } from './body';
import { budgetResolvers } from './budget';
import { budgetContributionResolvers } from './budget-contribution';
import { chairRuleResolvers } from './chair-rule';
import { leadSafeguardingPartnerResolvers } from './lead-safeguarding-partner';
import { meetingResolvers } from './meeting';
import { mutationResolvers } from './mutation';
import { paperworkClockResolvers } from './paperwork-clock';
import { partnershipResolvers } from './partnership';
import { partnershipComparisonResolvers } from './partnership-comparison';
import { queryResolvers } from './query';
import { quorumRuleResolvers } from './quorum-rule';
import { regionalProcedureResolvers } from './regional-procedure';
import { regionalProcedureAdoptionResolvers } from './regional-procedure-adoption';
import { regionalProcedureChapterResolvers } from './regional-procedure-chapter';
import { strategicActionResolvers } from './strategic-action';
import { strategicActionPlanResolvers } from './strategic-action-plan';
import { strategicPriorityResolvers } from './strategic-priority';
import { successStatementResolvers } from './success-statement';
import { escalationProcedureResolvers } from './escalation-procedure';
import { strategicPlanResolvers } from './strategic-plan';

/** One file per SDL type; merged so a field resolved in two files fails at start instead of one silently winning. */
export const resolvers = mergeResolvers<Resolvers>({
  scalars: { Date: DateScalar },
  'query.ts': queryResolvers,
  'mutation.ts': mutationResolvers,
  'partnership.ts': partnershipResolvers,
  'lead-safeguarding-partner.ts': leadSafeguardingPartnerResolvers,
  'budget.ts': budgetResolvers,
  'budget-contribution.ts': budgetContributionResolvers,
  'regional-procedure.ts': regionalProcedureResolvers,
  'regional-procedure-chapter.ts': regionalProcedureChapterResolvers,
  'regional-procedure-adoption.ts': regionalProcedureAdoptionResolvers,
  'body.ts': bodyResolvers,
  'chair-rule.ts': chairRuleResolvers,
  'quorum-rule.ts': quorumRuleResolvers,
  'meeting.ts': meetingResolvers,
  'paperwork-clock.ts': paperworkClockResolvers,
  'agenda.ts': agendaResolvers,
  'agenda-item.ts': agendaItemResolvers,
  'agenda-version.ts': agendaVersionResolvers,
  'agenda-subject.ts': agendaSubjectResolvers,
  'agenda-candidates.ts': agendaCandidatesResolvers,
  'action-notes.ts': actionNotesResolvers,
  'partnership-comparison.ts': partnershipComparisonResolvers,
  'strategic-priority.ts': strategicPriorityResolvers,
  'success-statement.ts': successStatementResolvers,
  'strategic-action-plan.ts': strategicActionPlanResolvers,
  'strategic-action.ts': strategicActionResolvers,
  // --- meetings and escalation procedures (system of record)
  'escalation-procedure.ts': escalationProcedureResolvers,
  'strategic-plan.ts': strategicPlanResolvers,
});
