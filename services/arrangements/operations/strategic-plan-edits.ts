import { badUserInput, conflict, isUniqueViolation, isUuid, multiLineText, notFound, notPermitted, singleLineText } from '@safeguarding/subgraph-runtime';
import type { SourceCitation } from '@safeguarding/packs';
import type { EntityManager, EntityTarget } from 'typeorm';
import { mayAct, mayEditActionPlan } from '../access';
import type { OperationContext } from '../context';
import {
  PartnershipEntity,
  StrategicActionEntity,
  StrategicPlanEntity,
  StrategicPriorityEntity,
  StrategicPriorityVersionEntity,
  SuccessStatementEntity,
  SuccessStatementVersionEntity,
} from '../entities';
import type {
  AddStrategicActionInput,
  AddStrategicPriorityInput,
  CreateStrategicPlanInput,
  ReviseStrategicPriorityInput,
  SuccessStatementInput,
  UpdateStrategicActionInput,
} from '../generated/graphql';
import type { ArrangementsLoaders } from '../loaders';
import type { StrategicPriorityParent, SuccessStatementParent } from '../models';
import {
  checkPlanPeriod,
  checkRevisionDate,
  checkSuccessTarget,
  checkWithinPeriod,
  earlierVersionOn,
  isFinancialYear,
  type RuleProblem,
  successTargetOf,
} from '../rules/strategic-plan-edits';

/** Refuses a broken rule with BAD_USER_INPUT naming its field. */
function refuse(problem: RuleProblem | null): void {
  if (problem) throw badUserInput(problem.message, problem.field);
}

const recordedBy = (caller: OperationContext['caller'], mutation: string): SourceCitation => ({
  document: 'recorded through the API',
  section: `${mutation} by ${caller.subject}`,
  synthetic: false,
});

const NOT_PLAN_ADMIN = "Only a partnership-admin of the plan's partnership may change its strategic plan.";

// ---------------------------------------------------------------------------------------------
// As-of reads: an earlier version laid over the row for a date.
// ---------------------------------------------------------------------------------------------

/** The date a priority's current title, kind and group took effect. */
export const priorityCurrentFrom = (priority: StrategicPriorityEntity): string => priority.revisedFrom ?? priority.periodStart;

/** A priority as it stood on `asOf`: the earlier version in force then, if any, over the row. */
export async function priorityAsOf(priority: StrategicPriorityEntity, asOf: string, loaders: ArrangementsLoaders): Promise<StrategicPriorityParent> {
  const earlier = earlierVersionOn(await loaders.priorityVersions.load(priority.id), asOf);
  if (!earlier) return { ...priority, asOf, versionFrom: priorityCurrentFrom(priority) };
  return { ...priority, title: earlier.title, kind: earlier.kind, bodyId: earlier.bodyId, asOf, versionFrom: earlier.validFrom };
}

/** The date a statement's current text took effect (the priority's first day when never revised). */
export const statementCurrentFrom = (statement: SuccessStatementEntity, priority: StrategicPriorityEntity): string =>
  statement.revisedFrom ?? statement.validFrom ?? priority.periodStart;

/** A priority's statements on `asOf`: those it had by then, each with the text and target in force then. */
export async function statementsAsOf(priority: StrategicPriorityEntity, asOf: string, loaders: ArrangementsLoaders): Promise<SuccessStatementParent[]> {
  const statements = (await loaders.successStatementsByPriority.load(priority.id)).filter(
    (statement) => (statement.validFrom ?? priority.periodStart) <= asOf && (statement.validTo === null || asOf <= statement.validTo),
  );
  return Promise.all(
    statements.map(async (statement) => {
      const earlier = earlierVersionOn(await loaders.statementVersions.load(statement.id), asOf);
      if (!earlier) return { ...statement, versionFrom: statementCurrentFrom(statement, priority) };
      const { text, target, baselineValue, baselineSource, validFrom } = earlier;
      return { ...statement, text, target, baselineValue, baselineSource, versionFrom: validFrom };
    }),
  );
}

// ---------------------------------------------------------------------------------------------
// Plans and priorities
// ---------------------------------------------------------------------------------------------

/** Locks a row for the rest of the transaction, so that writers of one plan or priority queue. */
export async function lockRow(manager: EntityManager, entity: EntityTarget<{ id: string }>, id: string): Promise<void> {
  await manager.getRepository(entity).createQueryBuilder('row').setLock('pessimistic_write').where('row.id = :id', { id }).getOne();
}

/** A partnership-admin creates a strategic plan for their partnership; plans of one partnership do not overlap. */
export async function createStrategicPlan(
  { caller, dataSource, loaders }: OperationContext,
  partnershipSlug: string,
  input: CreateStrategicPlanInput,
): Promise<StrategicPlanEntity> {
  const partnership = await loaders.partnership.load(partnershipSlug);
  if (!partnership) throw notFound(`No partnership has the slug "${partnershipSlug.slice(0, 80)}".`);
  if (!mayAct(caller, 'editStrategicPlan', [partnership.id]))
    throw notPermitted(caller, 'Only a partnership-admin of the partnership may create its strategic plans.');
  const title = singleLineText(input.title, 'input.title', 200);
  return dataSource.transaction(async (manager) => {
    // Locking the partnership row queues two plans created at once, so the overlap check sees both.
    await lockRow(manager, PartnershipEntity, partnership.id);
    const others = await manager.getRepository(StrategicPlanEntity).findBy({ partnershipId: partnership.id });
    refuse(checkPlanPeriod(input, others));
    const inserted = await manager.getRepository(StrategicPlanEntity).insert({
      partnershipId: partnership.id,
      title,
      periodStart: input.periodStart,
      periodEnd: input.periodEnd,
      source: recordedBy(caller, 'createStrategicPlan'),
    });
    return manager.getRepository(StrategicPlanEntity).findOneByOrFail({ id: inserted.identifiers[0]!.id as string });
  });
}

/** The owning group must be one of the partnership's bodies. */
async function checkOwningGroup(bodyId: string, partnershipId: string, loaders: ArrangementsLoaders, field: string): Promise<void> {
  const links = await loaders.bodyPartnerships.load(bodyId);
  if (!links.some((link) => link.partnershipId === partnershipId)) {
    throw badUserInput(`"${bodyId.slice(0, 80)}" is not a body of ${partnershipId}; query partnership { bodies { id } } for the ids`, field);
  }
}

const slugOf = (title: string) =>
  title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '') || 'priority';

/** Adds a priority to a plan, in force from effectiveFrom (default the plan's start) to the plan's end. */
export async function addStrategicPriority(
  { caller, dataSource, loaders }: OperationContext,
  planId: string,
  input: AddStrategicPriorityInput,
): Promise<StrategicPriorityParent> {
  const plan = isUuid(planId) ? await loaders.strategicPlan.load(planId) : null;
  if (!plan) throw notFound(`No strategic plan has the id "${planId.slice(0, 80)}".`);
  if (!mayAct(caller, 'editStrategicPlan', [plan.partnershipId])) throw notPermitted(caller, NOT_PLAN_ADMIN);
  const title = singleLineText(input.title, 'input.title', 200);
  const periodStart = input.effectiveFrom ?? plan.periodStart;
  refuse(checkWithinPeriod(periodStart, plan, 'input.effectiveFrom'));
  await checkOwningGroup(input.owningGroupId, plan.partnershipId, loaders, 'input.owningGroupId');
  const id = `${plan.partnershipId}.${plan.periodStart.slice(0, 4)}.${slugOf(title)}`;
  try {
    await dataSource.getRepository(StrategicPriorityEntity).insert({
      id,
      partnershipId: plan.partnershipId,
      planId: plan.id,
      bodyId: input.owningGroupId,
      title,
      kind: input.kind,
      periodStart,
      periodEnd: plan.periodEnd,
      source: recordedBy(caller, 'addStrategicPriority'),
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(`The plan already has a priority with the id "${id}" (the same title); revise that one instead.`);
    throw error;
  }
  return dataSource.getRepository(StrategicPriorityEntity).findOneByOrFail({ id });
}

async function loadPriorityForEdit({ caller, loaders }: Pick<OperationContext, 'caller' | 'loaders'>, id: string): Promise<StrategicPriorityEntity> {
  const priority = await loaders.strategicPriority.load(id);
  if (!priority) throw notFound(`No strategic priority has the id "${id.slice(0, 80)}".`);
  if (!mayAct(caller, 'editStrategicPlan', [priority.partnershipId])) throw notPermitted(caller, NOT_PLAN_ADMIN);
  return priority;
}

const staleVersion = (what: string, expectedVersion: number) =>
  conflict(`${what} was changed by someone else since version ${expectedVersion}; read it again and reapply your edit.`);

/**
 * Revises a priority's title, kind or group. From a date: the replaced values are kept as an earlier
 * version in force until the day before. Without a date: a correction in place.
 */
export async function reviseStrategicPriority(
  context: OperationContext,
  id: string,
  expectedVersion: number,
  effectiveFrom: string | null | undefined,
  input: ReviseStrategicPriorityInput,
): Promise<StrategicPriorityParent> {
  const { caller, dataSource, loaders } = context;
  const priority = await loadPriorityForEdit(context, id);
  const changes: Partial<StrategicPriorityEntity> = {};
  if (input.title != null) changes.title = singleLineText(input.title, 'input.title', 200);
  if (input.kind != null) changes.kind = input.kind;
  if (input.owningGroupId != null) {
    await checkOwningGroup(input.owningGroupId, priority.partnershipId, loaders, 'input.owningGroupId');
    changes.bodyId = input.owningGroupId;
  }
  if (Object.keys(changes).length === 0) throw badUserInput('Nothing to change: give at least one field in input.', 'input');
  if (effectiveFrom != null) {
    refuse(checkRevisionDate(effectiveFrom, priorityCurrentFrom(priority), priority.periodEnd));
    changes.revisedFrom = effectiveFrom;
  }
  if (priority.version !== expectedVersion) throw staleVersion(`"${priority.title}"`, expectedVersion);
  await dataSource.transaction(async (manager) => {
    const result = await manager
      .createQueryBuilder()
      .update(StrategicPriorityEntity)
      .set({ ...changes, version: () => 'version + 1' })
      .where('id = :id AND version = :expectedVersion', { id, expectedVersion })
      .execute();
    if (result.affected !== 1) throw staleVersion(`"${priority.title}"`, expectedVersion);
    if (effectiveFrom != null) {
      // The row held these values at expectedVersion (every change bumps it): they become the earlier version.
      await manager.getRepository(StrategicPriorityVersionEntity).insert({
        priorityId: id,
        validFrom: priorityCurrentFrom(priority),
        validUntil: effectiveFrom,
        title: priority.title,
        kind: priority.kind,
        bodyId: priority.bodyId,
        recordedBy: caller.subject,
      });
    }
  });
  return dataSource.getRepository(StrategicPriorityEntity).findOneByOrFail({ id });
}

/** Retires a priority: its last day in force becomes lastDay, so earlier dates still show it. */
export async function retireStrategicPriority(
  context: OperationContext,
  id: string,
  expectedVersion: number,
  lastDay: string,
): Promise<StrategicPriorityParent> {
  const priority = await loadPriorityForEdit(context, id);
  if (lastDay >= priority.periodEnd) throw badUserInput(`lastDay ${lastDay} is not before the priority's current last day (${priority.periodEnd})`, 'lastDay');
  if (lastDay < priorityCurrentFrom(priority)) {
    throw badUserInput(`lastDay ${lastDay} is before the priority's current version took effect (${priorityCurrentFrom(priority)})`, 'lastDay');
  }
  const result = await context.dataSource
    .createQueryBuilder()
    .update(StrategicPriorityEntity)
    .set({ periodEnd: lastDay, version: () => 'version + 1' })
    .where('id = :id AND version = :expectedVersion', { id, expectedVersion })
    .execute();
  if (result.affected !== 1) throw staleVersion(`"${priority.title}"`, expectedVersion);
  return context.dataSource.getRepository(StrategicPriorityEntity).findOneByOrFail({ id });
}

// ---------------------------------------------------------------------------------------------
// Success statements
// ---------------------------------------------------------------------------------------------

/** Checks a statement input: its text, and its typed target (null for a text-only statement). */
function statementValues(caller: OperationContext['caller'], input: SuccessStatementInput, mutation: string) {
  const text = singleLineText(input.text, 'input.text', 1000);
  if (!input.target) return { text, target: null, baselineValue: null, baselineSource: null };
  refuse(checkSuccessTarget(input.target, 'input.target'));
  const measures = singleLineText(input.target.measures, 'input.target.measures', 200);
  const baselineValue = input.target.baselineValue ?? null;
  return {
    text,
    target: successTargetOf(input.target, measures),
    baselineValue,
    baselineSource: baselineValue === null ? null : recordedBy(caller, mutation),
  };
}

/** Adds a statement at the end of a priority's list, part of it from effectiveFrom (default the priority's start). */
export async function addSuccessStatement(
  context: OperationContext,
  priorityId: string,
  input: SuccessStatementInput,
  effectiveFrom: string | null | undefined,
): Promise<SuccessStatementEntity> {
  const { caller, dataSource } = context;
  const priority = await loadPriorityForEdit(context, priorityId);
  const values = statementValues(caller, input, 'addSuccessStatement');
  if (effectiveFrom != null) refuse(checkWithinPeriod(effectiveFrom, priority, 'effectiveFrom'));
  return dataSource.transaction(async (manager) => {
    // Two statements added at once queue on the priority row and take the next two positions.
    await lockRow(manager, StrategicPriorityEntity, priorityId);
    const last = await manager.getRepository(SuccessStatementEntity).maximum('position', { priorityId });
    const inserted = await manager.getRepository(SuccessStatementEntity).insert({
      priorityId,
      position: (last ?? 0) + 1,
      ...values,
      validFrom: effectiveFrom != null && effectiveFrom !== priority.periodStart ? effectiveFrom : null,
      source: recordedBy(caller, 'addSuccessStatement'),
    });
    return manager.getRepository(SuccessStatementEntity).findOneByOrFail({ id: inserted.identifiers[0]!.id as string });
  });
}

/**
 * Revises a statement's text and target. From a date: the replaced text and target are kept as an
 * earlier version in force until the day before. Without a date: a correction in place.
 */
export async function reviseSuccessStatement(
  context: OperationContext,
  id: string,
  expectedVersion: number,
  effectiveFrom: string | null | undefined,
  input: SuccessStatementInput,
): Promise<SuccessStatementEntity> {
  const { caller, dataSource, loaders } = context;
  const statement = isUuid(id) ? await loaders.successStatement.load(id) : null;
  if (!statement) throw notFound(`No success statement has the id "${id.slice(0, 80)}".`);
  const priority = await loadPriorityForEdit(context, statement.priorityId);
  const values = statementValues(caller, input, 'reviseSuccessStatement');
  const currentFrom = statementCurrentFrom(statement, priority);
  if (effectiveFrom != null) refuse(checkRevisionDate(effectiveFrom, currentFrom, priority.periodEnd));
  if (statement.version !== expectedVersion) throw staleVersion('The success statement', expectedVersion);
  await dataSource.transaction(async (manager) => {
    const result = await manager
      .createQueryBuilder()
      .update(SuccessStatementEntity)
      .set({ ...values, ...(effectiveFrom != null ? { revisedFrom: effectiveFrom } : {}), version: () => 'version + 1' })
      .where('id = :id AND version = :expectedVersion', { id, expectedVersion })
      .execute();
    if (result.affected !== 1) throw staleVersion('The success statement', expectedVersion);
    if (effectiveFrom != null) {
      await manager.getRepository(SuccessStatementVersionEntity).insert({
        statementId: id,
        validFrom: currentFrom,
        validUntil: effectiveFrom,
        text: statement.text,
        target: statement.target,
        baselineValue: statement.baselineValue,
        baselineSource: statement.baselineSource,
        recordedBy: caller.subject,
      });
    }
  });
  return dataSource.getRepository(SuccessStatementEntity).findOneByOrFail({ id });
}

/** Retires a statement: part of its priority up to lastDay, so earlier dates still show it. */
export async function retireSuccessStatement(context: OperationContext, id: string, expectedVersion: number, lastDay: string): Promise<SuccessStatementEntity> {
  const { dataSource, loaders } = context;
  const statement = isUuid(id) ? await loaders.successStatement.load(id) : null;
  if (!statement) throw notFound(`No success statement has the id "${id.slice(0, 80)}".`);
  const priority = await loadPriorityForEdit(context, statement.priorityId);
  const currentLast = statement.validTo ?? priority.periodEnd;
  if (lastDay >= currentLast) throw badUserInput(`lastDay ${lastDay} is not before the statement's current last day (${currentLast})`, 'lastDay');
  const currentFrom = statementCurrentFrom(statement, priority);
  if (lastDay < currentFrom) throw badUserInput(`lastDay ${lastDay} is before the statement's current text took effect (${currentFrom})`, 'lastDay');
  const result = await dataSource
    .createQueryBuilder()
    .update(SuccessStatementEntity)
    .set({ validTo: lastDay, version: () => 'version + 1' })
    .where('id = :id AND version = :expectedVersion', { id, expectedVersion })
    .execute();
  if (result.affected !== 1) throw staleVersion('The success statement', expectedVersion);
  return dataSource.getRepository(SuccessStatementEntity).findOneByOrFail({ id });
}

// ---------------------------------------------------------------------------------------------
// Strategic Action Plans (002 Appendix 2 template: six headings)
// ---------------------------------------------------------------------------------------------

const ORGANISATION_ID = /^[a-z0-9][a-z0-9-]{0,79}$/;

/** Adds an action to a group's Strategic Action Plan. */
export async function addStrategicAction(
  { caller, dataSource, loaders }: OperationContext,
  bodyId: string,
  input: AddStrategicActionInput,
): Promise<StrategicActionEntity> {
  const body = await loaders.body.load(bodyId);
  if (!body) throw notFound(`No body has the id "${bodyId.slice(0, 80)}"; query partnership { bodies { id } } for the ids.`);
  if (!(await mayEditActionPlan(caller, body, loaders)))
    throw notPermitted(caller, `Only a partnership-admin of the partnership that owns "${body.name}" may edit its action plan.`);
  const description = multiLineText(input.description, 'input.description', 2000);
  const successMeasure = multiLineText(input.successMeasure, 'input.successMeasure', 2000);
  const evidence = input.evidence == null ? null : multiLineText(input.evidence, 'input.evidence', 2000);
  if (input.ownerOrganisationId != null && !ORGANISATION_ID.test(input.ownerOrganisationId)) {
    throw badUserInput('ownerOrganisationId must be an organisation id such as west-mercia-police', 'input.ownerOrganisationId');
  }
  if (!isFinancialYear(input.period)) throw badUserInput('period must be a financial year such as 2026-27', 'input.period');
  const inserted = await dataSource.getRepository(StrategicActionEntity).insert({
    bodyId,
    heading: input.heading,
    description,
    successMeasure,
    ownerOrganisationId: input.ownerOrganisationId ?? null,
    dueOn: input.dueOn,
    progress: input.progress ?? 'NOT_STARTED',
    evidence,
    period: input.period,
    isMultiAgencyCaseFileAudit: input.isMultiAgencyCaseFileAudit ?? false,
    source: recordedBy(caller, 'addStrategicAction'),
  });
  return dataSource.getRepository(StrategicActionEntity).findOneByOrFail({ id: inserted.identifiers[0]!.id as string });
}

/** Records progress on an action (a correction in place: the audit trail keeps what it replaced). */
export async function updateStrategicAction(
  { caller, dataSource, loaders }: OperationContext,
  id: string,
  expectedVersion: number,
  input: UpdateStrategicActionInput,
): Promise<StrategicActionEntity> {
  const action = isUuid(id) ? await dataSource.getRepository(StrategicActionEntity).findOneBy({ id }) : null;
  if (!action) throw notFound(`No Strategic Action Plan action has the id "${id.slice(0, 80)}".`);
  const body = (await loaders.body.load(action.bodyId))!;
  if (!(await mayEditActionPlan(caller, body, loaders)))
    throw notPermitted(caller, `Only a partnership-admin of the partnership that owns "${body.name}" may edit its action plan.`);
  const changes: Partial<StrategicActionEntity> = {};
  if (input.progress != null) changes.progress = input.progress;
  if (input.evidence != null) changes.evidence = multiLineText(input.evidence, 'input.evidence', 2000);
  if (input.description != null) changes.description = multiLineText(input.description, 'input.description', 2000);
  if (input.successMeasure != null) changes.successMeasure = multiLineText(input.successMeasure, 'input.successMeasure', 2000);
  if (input.dueOn != null) changes.dueOn = input.dueOn;
  if (Object.keys(changes).length === 0) throw badUserInput('Nothing to change: give at least one field in input.', 'input');
  const result = await dataSource
    .createQueryBuilder()
    .update(StrategicActionEntity)
    .set({ ...changes, version: () => 'version + 1' })
    .where('id = :id AND version = :expectedVersion', { id, expectedVersion })
    .execute();
  if (result.affected !== 1) throw staleVersion('The action', expectedVersion);
  return dataSource.getRepository(StrategicActionEntity).findOneByOrFail({ id });
}
