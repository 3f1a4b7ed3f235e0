import { todayInEngland } from '@safeguarding/subgraph-runtime';
import { mayAct } from '../access';
import type { Resolvers } from '../generated/graphql';
import { statementRag } from '../operations/strategic-plan';
import { statementCurrentFrom } from '../operations/strategic-plan-edits';

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
    versionFrom: async (statement, _args, { loaders }) =>
      statement.versionFrom ?? statementCurrentFrom(statement, (await loaders.strategicPriority.load(statement.priorityId))!),
    earlierVersions: (statement, _args, { loaders }) => loaders.statementVersions.load(statement.id),
    viewerCanEdit: async (statement, _args, { caller, loaders }) => {
      const priority = await loaders.strategicPriority.load(statement.priorityId);
      return priority ? mayAct(caller, 'editStrategicPlan', [priority.partnershipId]) : false;
    },
  },
};
