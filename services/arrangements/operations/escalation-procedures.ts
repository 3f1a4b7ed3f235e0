import { badUserInput, conflict, isUuid, multiLineText, notFound, notPermitted, singleLineText, todayInEngland } from '@safeguarding/subgraph-runtime';
import { mayEditEscalationProcedures } from '../access';
import type { OperationContext } from '../context';
import { EscalationProcedureEntity, type EscalationRevision, EscalationStepEntity } from '../entities';
import type { CreateEscalationProcedureInput, EscalationStepInput } from '../generated/graphql';
import type { ArrangementsLoaders } from '../loaders';
import { escalationStepProblem } from '../rules/escalation-steps';

/**
 * Escalation and dispute-resolution procedures as ordered steps: recorded, revised (every step
 * replaced, from the version the caller read) and retired from a date, by a partnership-admin of
 * the partnership. The step order is rules/escalation-steps.ts.
 */

type StepRow = Pick<EscalationStepEntity, 'position' | 'trigger' | 'who' | 'action' | 'timescale'>;

const optionalLine = (value: string | null | undefined, field: string, maximum: number) => (value == null ? null : singleLineText(value, field, maximum));

/** The steps as sent, checked field by field (naming e.g. steps[2].who) and then as an ordered list. */
export function stepsFromInput(steps: readonly EscalationStepInput[]): StepRow[] {
  const rows = steps.map((step, index) => ({
    position: index + 1,
    trigger: optionalLine(step.trigger, `steps[${index}].trigger`, 500),
    who: singleLineText(step.who, `steps[${index}].who`, 200),
    action: multiLineText(step.action, `steps[${index}].action`, 2000),
    timescale: optionalLine(step.timescale, `steps[${index}].timescale`, 200),
  }));
  const problem = escalationStepProblem(rows);
  if (problem) throw badUserInput(problem.message, problem.index === null ? 'steps' : `steps[${problem.index}]`);
  return rows;
}

/** A procedure applies on a date from its validFrom (when known) to its validTo (when retired), both included. */
export const procedureAppliesOn = (procedure: Pick<EscalationProcedureEntity, 'validFrom' | 'validTo'>, date: string) =>
  (procedure.validFrom === null || procedure.validFrom <= date) && (procedure.validTo === null || procedure.validTo >= date);

/** A partnership's procedures that apply on a date, by title. */
export async function escalationProceduresOn(partnershipId: string, asOf: string, loaders: ArrangementsLoaders): Promise<EscalationProcedureEntity[]> {
  return (await loaders.escalationProceduresByPartnership.load(partnershipId)).filter((procedure) => procedureAppliesOn(procedure, asOf));
}

async function editableProcedure({ caller, dataSource }: Pick<OperationContext, 'caller' | 'dataSource'>, id: string): Promise<EscalationProcedureEntity> {
  const procedure = isUuid(id) ? await dataSource.getRepository(EscalationProcedureEntity).findOneBy({ id }) : null;
  if (!procedure) throw notFound(`No escalation procedure has the id "${id.slice(0, 80)}".`);
  if (!mayEditEscalationProcedures(caller, procedure.partnershipId)) {
    throw notPermitted(caller, 'Only a partnership-admin of the partnership whose procedure this is may change it.');
  }
  return procedure;
}

const stale = (expectedVersion: number) => conflict(`The procedure was changed by someone else since version ${expectedVersion}; read it again.`);

/** Records a new procedure with its steps, in one transaction. */
export async function createEscalationProcedure(
  { caller, dataSource, loaders }: OperationContext,
  partnershipSlug: string,
  input: CreateEscalationProcedureInput,
): Promise<EscalationProcedureEntity> {
  const partnership = await loaders.partnership.load(partnershipSlug);
  if (!partnership) throw notFound(`No partnership has the slug "${partnershipSlug.slice(0, 80)}".`);
  if (!mayEditEscalationProcedures(caller, partnership.id)) {
    throw notPermitted(caller, `Only a partnership-admin of ${partnership.name} may record its escalation procedures.`);
  }
  const title = singleLineText(input.title, 'title', 200);
  const steps = stepsFromInput(input.steps);
  const validFrom = input.validFrom ?? todayInEngland();
  return dataSource.transaction(async (manager) => {
    const procedure = await manager.getRepository(EscalationProcedureEntity).save(
      manager.getRepository(EscalationProcedureEntity).create({
        partnershipId: partnership.id,
        title,
        validFrom,
        validTo: null,
        revisions: [],
        source: { document: 'recorded through the API', section: `createEscalationProcedure by ${caller.subject}`, synthetic: false },
      }),
    );
    await manager.insert(
      EscalationStepEntity,
      steps.map((step) => ({ ...step, procedureId: procedure.id })),
    );
    return procedure;
  });
}

/** Replaces every step of a procedure, only from the version the caller read. */
export async function replaceEscalationSteps(
  context: OperationContext,
  id: string,
  expectedVersion: number,
  input: readonly EscalationStepInput[],
): Promise<EscalationProcedureEntity> {
  const procedure = await editableProcedure(context, id);
  const steps = stepsFromInput(input);
  if (procedure.validTo !== null) throw badUserInput(`The procedure was retired on ${procedure.validTo}; record a new one instead.`, 'id');
  return context.dataSource.transaction(async (manager) => {
    const result = await manager
      .createQueryBuilder()
      .update(EscalationProcedureEntity)
      .set({ version: () => 'version + 1' })
      .where('id = :id AND version = :expectedVersion AND valid_to IS NULL', { id, expectedVersion })
      .execute();
    if (result.affected !== 1) throw stale(expectedVersion);
    // The row is now locked by this transaction: the steps read are the ones of expectedVersion.
    const replaced = await manager.getRepository(EscalationStepEntity).find({ where: { procedureId: id }, order: { position: 'ASC' } });
    const revision: EscalationRevision = { version: expectedVersion, replacedOn: todayInEngland(), replacedBy: context.caller.subject, steps: replaced };
    await manager
      .createQueryBuilder()
      .update(EscalationProcedureEntity)
      // `version` set to itself: the update above already counted this change (TypeORM would add another).
      .set({ revisions: () => 'revisions || CAST(:revision AS jsonb)', version: () => 'version' })
      .setParameter('revision', JSON.stringify([revision]))
      .where('id = :id', { id })
      .execute();
    await manager.delete(EscalationStepEntity, { procedureId: id });
    await manager.insert(
      EscalationStepEntity,
      steps.map((step) => ({ ...step, procedureId: id })),
    );
    return manager.getRepository(EscalationProcedureEntity).findOneByOrFail({ id });
  });
}

/** Retires a procedure from a date (its last day); it still answers for earlier dates. */
export async function retireEscalationProcedure(
  context: OperationContext,
  id: string,
  expectedVersion: number,
  lastDay: string,
): Promise<EscalationProcedureEntity> {
  const procedure = await editableProcedure(context, id);
  if (procedure.validTo !== null) throw conflict(`The procedure was already retired on ${procedure.validTo}.`);
  if (procedure.validFrom !== null && lastDay < procedure.validFrom) {
    throw badUserInput(`lastDay ${lastDay} is before the procedure applied (${procedure.validFrom}).`, 'lastDay');
  }
  const result = await context.dataSource
    .createQueryBuilder()
    .update(EscalationProcedureEntity)
    .set({ validTo: lastDay, version: () => 'version + 1' })
    .where('id = :id AND version = :expectedVersion AND valid_to IS NULL', { id, expectedVersion })
    .execute();
  if (result.affected !== 1) throw stale(expectedVersion);
  return context.dataSource.getRepository(EscalationProcedureEntity).findOneByOrFail({ id });
}
