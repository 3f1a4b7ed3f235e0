import { todayInEngland } from '@safeguarding/subgraph-runtime';
import { mayAct } from '../access';
import type { Resolvers } from '../generated/graphql';
import { ragSummary } from '../operations/strategic-plan';
import { priorityCurrentFrom, statementsAsOf } from '../operations/strategic-plan-edits';

export const strategicPriorityResolvers: Resolvers = {
  StrategicPriority: {
    owningGroup: async (priority, _args, { loaders }) => (await loaders.body.load(priority.bodyId))!,
    // Read as of a date (Partnership.strategicPriorities, StrategicPlan.priorities): the statements it had then, as they stood.
    successStatements: (priority, _args, { loaders }) =>
      priority.asOf ? statementsAsOf(priority, priority.asOf, loaders) : loaders.successStatementsByPriority.load(priority.id),
    ragSummary: (priority, { asOf }, { loaders }) => ragSummary([priority], asOf ?? todayInEngland(), loaders),
    plan: (priority, _args, { loaders }) => (priority.planId ? loaders.strategicPlan.load(priority.planId) : null),
    versionFrom: (priority) => priority.versionFrom ?? priorityCurrentFrom(priority),
    earlierVersions: (priority, _args, { loaders }) => loaders.priorityVersions.load(priority.id),
    viewerCanEdit: (priority, _args, { caller }) => mayAct(caller, 'editStrategicPlan', [priority.partnershipId]),
  },
};
