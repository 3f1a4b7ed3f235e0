import type { Caller } from '@safeguarding/auth';
import { badUserInput, conflict, inForceOn, isUuid, notFound, notPermitted, recordReplacedValue, slugArgument } from '@safeguarding/subgraph-runtime';
import type { EntityManager, FindOptionsWhere } from 'typeorm';
import { BodyReferenceEntity, DesignationEntity, type DesignationKind } from '../entities';
import type { MembershipOperationContext } from '../context';
import type { CorrectDesignationInput, DesignateInput } from '../generated/graphql';
import { canDesignate } from '../access';
import { correctionRefusal, planDesignation, type DesignationRefusal, type DesignationTerm } from '../rules/designation-rule';
import { organisationAndPost } from './membership-edits';

/**
 * Designations with terms. A change of holder is a new designation from a date (designate): for a
 * kind one organisation holds at a time the holder before ends the day before (rules/designation-rule.ts),
 * so as-of reads keep the earlier holder for earlier dates. A correction fixes a wrong record in
 * place (correctDesignation; the audit trail keeps the arguments). Each write checks the caller is a
 * partnership-admin of the partnership or a regional-admin, then runs in one transaction that holds
 * the partnership's designation lock, so two designations of one kind at once are decided in turn.
 */

/** Designations (lead and delegated partners, scrutineers, chairs, accountable bodies), optionally of one partnership or kind, or in force on a date. */
export async function listDesignations(
  { dataSource }: Pick<MembershipOperationContext, 'dataSource'>,
  { partnershipId, kind, asOf }: { partnershipId?: string | null; kind?: DesignationKind | null; asOf?: string | null },
): Promise<DesignationEntity[]> {
  const where: FindOptionsWhere<DesignationEntity> = {};
  if (partnershipId) where.partnershipId = slugArgument(partnershipId, 'partnershipSlug');
  if (kind) where.kind = kind;
  const rows = await dataSource
    .getRepository(DesignationEntity)
    .find({ where, order: { partnershipId: 'ASC', kind: 'ASC', organisationId: 'ASC', startDate: 'ASC' } });
  return asOf ? rows.filter((row) => inForceOn(row, asOf)) : rows;
}

const asTerm = (row: DesignationEntity): DesignationTerm => ({
  id: row.id,
  partnershipId: row.partnershipId,
  kind: row.kind,
  organisationId: row.organisationId,
  startDate: row.startDate,
  endDate: row.endDate,
});

function refuse(refusal: DesignationRefusal): never {
  throw refusal.code === 'CONFLICT' ? conflict(refusal.message) : badUserInput(refusal.message, refusal.field);
}

function mayDesignate(caller: Caller, partnershipId: string): void {
  if (!canDesignate(caller, partnershipId))
    throw notPermitted(caller, `Only a partnership-admin of ${partnershipId}, or a regional-admin, may change ${partnershipId}'s designations.`);
}

/** The partnership is one membership knows (a body of it, or a designation in it). */
async function knownPartnership(context: MembershipOperationContext, partnershipId: string): Promise<void> {
  const bodies = await context.dataSource
    .getRepository(BodyReferenceEntity)
    .createQueryBuilder('body')
    .where(':partnershipId = ANY(body.partnership_ids)', { partnershipId })
    .getCount();
  if (bodies > 0) return;
  if ((await context.dataSource.getRepository(DesignationEntity).countBy({ partnershipId })) > 0) return;
  throw notFound(`No partnership has the id "${partnershipId}"; query partnerships { slug } for the ids.`);
}

/** One writer at a time for a partnership's designations of a kind (a transaction-scoped advisory lock). */
async function lockDesignations(manager: EntityManager, partnershipId: string, kind: DesignationKind): Promise<void> {
  await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`membership.designation|${partnershipId}|${kind}`]);
}

async function designationToChange(context: MembershipOperationContext, id: string): Promise<DesignationEntity> {
  const row = isUuid(id) ? await context.dataSource.getRepository(DesignationEntity).findOneBy({ id }) : null;
  if (!row) throw notFound(`No designation has the id "${id.slice(0, 80)}"; query partnership { designations { id version } } for the ids.`);
  mayDesignate(context.caller, row.partnershipId);
  return row;
}

function checkVersion(row: DesignationEntity, expectedVersion: number): void {
  if (row.version !== expectedVersion)
    throw conflict(`The designation is at version ${row.version}, not ${expectedVersion}: someone changed it since you read it. Read it again and retry.`);
}

/** A new designation from a date; the holder before ends the day before where the kind allows one at a time. */
export async function designate(context: MembershipOperationContext, input: DesignateInput): Promise<DesignationEntity> {
  const partnershipId = slugArgument(input.partnershipId, 'partnershipId');
  mayDesignate(context.caller, partnershipId);
  await knownPartnership(context, partnershipId);
  const postId = await organisationAndPost(input.organisationId, input.postId, context);
  const proposed: DesignationTerm = {
    id: 'proposed',
    partnershipId,
    kind: input.kind,
    organisationId: input.organisationId,
    startDate: input.startDate,
    endDate: input.endDate ?? null,
  };
  return context.dataSource.transaction(async (manager) => {
    await lockDesignations(manager, partnershipId, input.kind);
    const repository = manager.getRepository(DesignationEntity);
    const existing = await repository.findBy({ partnershipId, kind: input.kind });
    const plan = planDesignation(existing.map(asTerm), proposed);
    if (plan.refusal) refuse(plan.refusal);
    for (const end of plan.ends) {
      const before = existing.find((row) => row.id === end.id)!;
      await repository.update({ id: end.id, version: before.version }, { endDate: end.endDate, version: before.version + 1 });
    }
    const inserted = await repository.insert({
      partnershipId,
      kind: input.kind,
      organisationId: input.organisationId,
      postId,
      startDate: proposed.startDate,
      endDate: proposed.endDate,
      version: 1,
      source: null,
    });
    return repository.findOneByOrFail({ id: inserted.identifiers[0]!.id as string });
  });
}

/** Ends a designation on a date (once). */
export async function endDesignation(context: MembershipOperationContext, id: string, expectedVersion: number, endDate: string): Promise<DesignationEntity> {
  const row = await designationToChange(context, id);
  return context.dataSource.transaction(async (manager) => {
    await lockDesignations(manager, row.partnershipId, row.kind);
    const repository = manager.getRepository(DesignationEntity);
    const current = await repository.findOneByOrFail({ id });
    checkVersion(current, expectedVersion);
    recordReplacedValue(context, current);
    if (current.endDate !== null) throw badUserInput(`The designation already ended on ${current.endDate}; correct it with correctDesignation.`, 'id');
    if (current.startDate !== null && endDate < current.startDate)
      throw badUserInput(`endDate ${endDate} is before the designation began (${current.startDate}).`, 'endDate');
    await repository.update({ id, version: expectedVersion }, { endDate, version: expectedVersion + 1 });
    return repository.findOneByOrFail({ id });
  });
}

/** Fixes a wrongly recorded designation in place: its organisation, post or dates. */
export async function correctDesignation(
  context: MembershipOperationContext,
  id: string,
  expectedVersion: number,
  input: CorrectDesignationInput,
): Promise<DesignationEntity> {
  const row = await designationToChange(context, id);
  if (Object.values(input).every((value) => value === undefined)) throw badUserInput('Give at least one field to correct.', 'input');
  if (input.organisationId === null) throw badUserInput('organisationId cannot be null; give the organisation that holds the designation.', 'organisationId');
  const organisationId = input.organisationId ?? row.organisationId;
  const postId =
    input.postId !== undefined
      ? await organisationAndPost(organisationId, input.postId, context)
      : organisationId !== row.organisationId
        ? await organisationAndPost(organisationId, null, context)
        : row.postId;
  return context.dataSource.transaction(async (manager) => {
    await lockDesignations(manager, row.partnershipId, row.kind);
    const repository = manager.getRepository(DesignationEntity);
    const current = await repository.findOneByOrFail({ id });
    checkVersion(current, expectedVersion);
    recordReplacedValue(context, current);
    const corrected: DesignationTerm = {
      ...asTerm(current),
      organisationId,
      startDate: input.startDate !== undefined ? input.startDate : current.startDate,
      endDate: input.endDate !== undefined ? input.endDate : current.endDate,
    };
    const others = await repository.findBy({ partnershipId: current.partnershipId, kind: current.kind });
    const refusal = correctionRefusal(others.map(asTerm), corrected);
    if (refusal) refuse(refusal);
    await repository.update(
      { id, version: expectedVersion },
      { organisationId, postId, startDate: corrected.startDate, endDate: corrected.endDate, version: expectedVersion + 1 },
    );
    return repository.findOneByOrFail({ id });
  });
}
