import type { Resolvers } from '../generated/graphql';
import { checkMacfaPerPeriod } from '../rules/macfa-per-period';

export const strategicActionPlanResolvers: Resolvers = {
  StrategicActionPlan: {
    // Every financial year the plan has actions in is checked.
    multiAgencyCaseFileAuditCheck: (plan) => checkMacfaPerPeriod(plan.actions, [...new Set(plan.actions.map((action) => action.period))].sort()),
  },
};
