import { mayAct, mayEditActionPlan } from '../access';
import type { Resolvers } from '../generated/graphql';
import { priorityAsOf } from '../operations/strategic-plan-edits';

/** StrategicPlan, and the fields strategic-plan.graphql adds to Partnership and Body. */
export const strategicPlanResolvers: Resolvers = {
  StrategicPlan: {
    partnership: async (plan, _args, { loaders }) => (await loaders.partnership.load(plan.partnershipId))!,
    priorities: async (plan, { asOf }, { loaders }) => {
      const priorities = await loaders.strategicPrioritiesByPlan.load(plan.id);
      if (!asOf) return priorities;
      return Promise.all(priorities.filter((p) => p.periodStart <= asOf && p.periodEnd >= asOf).map((p) => priorityAsOf(p, asOf, loaders)));
    },
    viewerCanEdit: (plan, _args, { caller }) => mayAct(caller, 'editStrategicPlan', [plan.partnershipId]),
  },
  Partnership: {
    strategicPlans: (partnership, _args, { loaders }) => loaders.strategicPlansByPartnership.load(partnership.id),
    viewerCanCreateStrategicPlan: (partnership, _args, { caller }) => mayAct(caller, 'editStrategicPlan', [partnership.id]),
  },
  Body: {
    viewerCanAddStrategicAction: (body, _args, { caller, loaders }) => mayEditActionPlan(caller, body, loaders),
  },
  StrategicPriorityVersion: {
    owningGroup: async (version, _args, { loaders }) => (await loaders.body.load(version.bodyId))!,
    validTo: (version) => dayBefore(version.validUntil),
  },
  SuccessStatementVersion: {
    validTo: (version) => dayBefore(version.validUntil),
    target: (version) => (version.target ? { ...version.target, baselineValue: version.baselineValue, baselineSource: version.baselineSource } : null),
  },
};

function dayBefore(date: string): string {
  const value = new Date(`${date}T00:00:00Z`);
  value.setUTCDate(value.getUTCDate() - 1);
  return value.toISOString().slice(0, 10);
}
