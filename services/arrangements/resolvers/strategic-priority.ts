import { todayInEngland } from '@safeguarding/subgraph-runtime';
import type { Resolvers } from '../generated/graphql';
import { ragSummary } from '../operations/strategic-plan';

export const strategicPriorityResolvers: Resolvers = {
  StrategicPriority: {
    owningGroup: async (priority, _args, { loaders }) => (await loaders.body.load(priority.bodyId))!,
    successStatements: (priority, _args, { loaders }) => loaders.successStatementsByPriority.load(priority.id),
    ragSummary: (priority, { asOf }, { loaders }) => ragSummary([priority], asOf ?? todayInEngland(), loaders),
  },
};
