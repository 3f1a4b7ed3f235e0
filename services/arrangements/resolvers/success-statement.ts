import { todayInEngland } from '@safeguarding/subgraph-runtime';
import { mayAct } from '../access';
import type { Resolvers } from '../generated/graphql';
import { statementRag } from '../operations/strategic-plan';

export const successStatementResolvers: Resolvers = {
  SuccessStatement: {
    measurable: (statement) => statement.target !== null,
    target: (statement) =>
      statement.target ? { ...statement.target, baselineValue: statement.baselineValue, baselineSource: statement.baselineSource } : null,
    measurements: (statement, _args, { loaders }) => loaders.measurementsByStatement.load(statement.id),
    rag: (statement, { asOf }, { loaders }) => statementRag(statement, asOf ?? todayInEngland(), loaders),
    viewerCanRecordMeasurement: async (statement, _args, { caller, loaders }) => {
      if (!statement.target) return false;
      const priority = await loaders.strategicPriority.load(statement.priorityId);
      return priority ? mayAct(caller, 'recordSuccessMeasurement', [priority.partnershipId]) : false;
    },
  },
};
