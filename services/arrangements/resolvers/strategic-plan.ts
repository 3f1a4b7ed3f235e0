import { hasRole } from '@safeguarding/auth';
import { badUserInput, conflict, notPermitted, isUniqueViolation, notFound, todayInEngland, isUuid } from '@safeguarding/subgraph-runtime';
import { StrategicPriorityEntity, SuccessMeasurementEntity, SuccessStatementEntity, type BodyEntity, type StrategicActionEntity } from '../entities';
import type { Resolvers } from '../generated/graphql';
import type { ArrangementsLoaders } from '../loaders';
import { checkMacfaPerPeriod } from '../rules/macfa-per-period';
import { evaluateRag, type Rag } from '../rules/rag';
import type { SuccessTarget } from '../rules/success-target';
import { ACTION_PLAN_HEADINGS } from '../seed/strategic-plan';
import { organisationReference } from './organisation-reference';

export interface StrategicActionPlanParent {
  group: BodyEntity;
  actions: StrategicActionEntity[];
}

export interface SuccessTargetParent extends SuccessTarget {
  baselineValue: number | null;
  baselineSource: SuccessStatementEntity['baselineSource'];
}

/** RAG of one statement on a date, or null when it is text only. */
export async function statementRag(statement: SuccessStatementEntity, asOf: string, loaders: ArrangementsLoaders): Promise<Rag | null> {
  if (!statement.target) return null;
  const measurements = await loaders.measurementsByStatement.load(statement.id);
  return evaluateRag(statement.target, statement.baselineValue, measurements, asOf);
}

export async function ragSummary(priorities: StrategicPriorityEntity[], asOf: string, loaders: ArrangementsLoaders) {
  const statements = (await Promise.all(priorities.map((priority) => loaders.successStatementsByPriority.load(priority.id)))).flat();
  const rags = await Promise.all(statements.map((statement) => statementRag(statement, asOf, loaders)));
  return {
    red: rags.filter((rag) => rag === 'RED').length,
    amber: rags.filter((rag) => rag === 'AMBER').length,
    green: rags.filter((rag) => rag === 'GREEN').length,
    noData: rags.filter((rag) => rag === 'NO_DATA').length,
    notMeasurable: rags.filter((rag) => rag === null).length,
  };
}

const HEADING_TEXT = Object.fromEntries(ACTION_PLAN_HEADINGS.map(({ heading, text }) => [heading, text]));
const financialYearsOf = (actions: StrategicActionEntity[]) => [...new Set(actions.map((action) => action.period))].sort();

export const strategicPlanResolvers: Resolvers = {
  Partnership: {
    strategicPriorities: async (partnership, { asOf }, { loaders }) => {
      const date = asOf ?? todayInEngland();
      return (await loaders.strategicPrioritiesByPartnership.load(partnership.id)).filter((p) => p.periodStart <= date && p.periodEnd >= date);
    },
  },
  Body: {
    strategicPriorities: (body, _args, { loaders }) => loaders.strategicPrioritiesByBody.load(body.id),
    strategicActionPlan: async (body, _args, { loaders }) => {
      const actions = await loaders.strategicActionsByBody.load(body.id);
      return actions.length === 0 ? null : { group: body, actions };
    },
  },
  StrategicPriority: {
    owningGroup: async (priority, _args, { loaders }) => (await loaders.body.load(priority.bodyId))!,
    successStatements: (priority, _args, { loaders }) => loaders.successStatementsByPriority.load(priority.id),
    ragSummary: (priority, { asOf }, { loaders }) => ragSummary([priority], asOf ?? todayInEngland(), loaders),
  },
  SuccessStatement: {
    measurable: (statement) => statement.target !== null,
    target: (statement) => (statement.target ? { ...statement.target, baselineValue: statement.baselineValue, baselineSource: statement.baselineSource } : null),
    measurements: (statement, _args, { loaders }) => loaders.measurementsByStatement.load(statement.id),
    rag: (statement, { asOf }, { loaders }) => statementRag(statement, asOf ?? todayInEngland(), loaders),
    viewerCanRecordMeasurement: async (statement, _args, { caller, loaders }) => {
      if (!statement.target) return false;
      const priority = await loaders.strategicPriority.load(statement.priorityId);
      return priority ? hasRole(caller, 'partnership-admin', priority.partnershipId) : false;
    },
  },
  StrategicActionPlan: {
    multiAgencyCaseFileAuditCheck: (plan) => checkMacfaPerPeriod(plan.actions, financialYearsOf(plan.actions)),
  },
  StrategicAction: {
    headingText: (action) => HEADING_TEXT[action.heading] ?? action.heading,
    owner: (action) => (action.ownerOrganisationId ? organisationReference(action.ownerOrganisationId) : null),
  },
  Mutation: {
    recordSuccessMeasurement: async (_root, { statementId, measuredOn, value }, { caller, dataSource }) => {
      if (!isUuid(statementId)) throw notFound(`No success statement has the id "${statementId.slice(0, 80)}".`);
      const statement = await dataSource.getRepository(SuccessStatementEntity).findOneBy({ id: statementId });
      if (!statement) throw notFound(`No success statement has the id "${statementId}".`);
      const priority = await dataSource.getRepository(StrategicPriorityEntity).findOneBy({ id: statement.priorityId });
      if (!priority || !hasRole(caller, 'partnership-admin', priority.partnershipId)) {
        throw notPermitted(caller, 'Only a partnership-admin of the partnership whose plan this is may record its measurements.');
      }
      if (!statement.target) throw badUserInput('This success statement states no measurable target, so it takes no measurements.', 'statementId');
      if (!Number.isFinite(value)) throw badUserInput('value must be a finite number', 'value');
      if (statement.target.unit === 'PERCENT' || statement.target.comparison === 'COMPLETED_WITHIN') {
        if (value < 0 || value > 100) throw badUserInput(`value is a percentage here: between 0 and 100, got ${value}`, 'value');
      }
      if (measuredOn > todayInEngland()) throw badUserInput(`measuredOn ${measuredOn} is in the future`, 'measuredOn');
      try {
        await dataSource.getRepository(SuccessMeasurementEntity).insert({
          statementId,
          measuredOn,
          value,
          source: { document: 'recorded through the API', section: `recordSuccessMeasurement by ${caller.subject}`, synthetic: false },
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw conflict(`A measurement for ${measuredOn} is already recorded for this statement.`);
        throw error;
      }
      return statement;
    },
  },
};

