import { badUserInput, conflict, isUniqueViolation, isUuid, notFound, notPermitted, todayInEngland } from '@safeguarding/subgraph-runtime';
import { mayAct } from '../access';
import type { OperationContext } from '../context';
import { StrategicPriorityEntity, SuccessMeasurementEntity, SuccessStatementEntity } from '../entities';
import type { ArrangementsLoaders } from '../loaders';
import { evaluateRag, type Rag } from '../rules/rag';

/** RAG of one statement on a date, or null when it is text only. */
export async function statementRag(statement: SuccessStatementEntity, asOf: string, loaders: ArrangementsLoaders): Promise<Rag | null> {
  if (!statement.target) return null;
  const measurements = await loaders.measurementsByStatement.load(statement.id);
  return evaluateRag(statement.target, statement.baselineValue, measurements, asOf);
}

/** How many of the priorities' statements stand at each RAG on a date. */
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

/** A partnership's admin records a measurement of one of its measurable success statements. */
export async function recordSuccessMeasurement(
  { caller, dataSource }: Pick<OperationContext, 'caller' | 'dataSource'>,
  statementId: string,
  measuredOn: string,
  value: number,
): Promise<SuccessStatementEntity> {
  if (!isUuid(statementId)) throw notFound(`No success statement has the id "${statementId.slice(0, 80)}".`);
  const statement = await dataSource.getRepository(SuccessStatementEntity).findOneBy({ id: statementId });
  if (!statement) throw notFound(`No success statement has the id "${statementId}".`);
  const priority = await dataSource.getRepository(StrategicPriorityEntity).findOneBy({ id: statement.priorityId });
  if (!priority || !mayAct(caller, 'recordSuccessMeasurement', [priority.partnershipId])) {
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
}
