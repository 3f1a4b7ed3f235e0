import { inForceOn, isLoaded } from '@safeguarding/subgraph-runtime';
import { In, type EntityManager } from 'typeorm';
import { DesignationEntity, OrganisationEntity, type MembershipEntity } from '../entities';
import type { MembershipLoaders } from '../loaders';
import type { BodyParent, ChairComplianceParent, ChairRuleRepresentation } from '../models';
import { evaluateChairRule, type ChairAppointment, type ChairContext, type ChairRuleSnapshot } from '../rules/chair-rule';

/**
 * What the chair rule evaluator needs beside the appointments: who the statutory and delegated
 * partners of the body's partnerships are and which appointees are independent. Read through the
 * loaders for a query, through the edit's own transaction for appointChair.
 */

export const asAppointment = (seat: MembershipEntity): ChairAppointment => ({
  id: seat.id,
  role: seat.role as ChairAppointment['role'],
  organisationId: seat.organisationId,
  startDate: seat.startDate,
  endDate: seat.endDate,
});

const MEMBER_ROLES = new Set(['MEMBER', 'CHAIR', 'VICE_CHAIR', 'VIRTUAL_MEMBER']);

function contextFrom(designations: DesignationEntity[], organisations: OrganisationEntity[], seats: readonly MembershipEntity[] = []): ChairContext {
  const names = new Map(organisations.map((o) => [o.id, o.name]));
  return {
    memberOrganisationIdsOn: (date) =>
      new Set(seats.filter((seat) => MEMBER_ROLES.has(seat.role) && (date === null || inForceOn(seat, date))).map((seat) => seat.organisationId)),
    statutoryPartnerIds: new Set(designations.filter((d) => d.kind === 'LEAD_SAFEGUARDING_PARTNER').map((d) => d.organisationId)),
    delegatedPartnerIds: new Set(designations.filter((d) => d.kind === 'DELEGATED_SAFEGUARDING_PARTNER').map((d) => d.organisationId)),
    independentOrganisationIds: new Set(organisations.filter((o) => o.sector === 'INDEPENDENT').map((o) => o.id)),
    organisationName: (id) => names.get(id) ?? id,
  };
}

/** Statutory and delegated partners of the body's partnerships, and the appointees' organisations (read path, batched). */
export async function chairContext(
  partnershipIds: readonly string[],
  organisationIds: readonly string[],
  loaders: MembershipLoaders,
  seats: readonly MembershipEntity[] = [],
): Promise<ChairContext> {
  const designations = (await loaders.designationsByPartnership.loadMany([...partnershipIds])).flatMap((rows) => (Array.isArray(rows) ? rows : []));
  const organisations = (await loaders.organisation.loadMany([...new Set(organisationIds)])).filter(isLoaded<OrganisationEntity>);
  return contextFrom(designations, organisations, seats);
}

/**
 * The same, read inside an edit's transaction (the pool may have no other connection to lend).
 * With onDate, only the designations in force that day count (designations have terms: who was a
 * statutory or delegated partner when the proposed term begins); seats are the body's, for a rule
 * that draws the chair from its members.
 */
export async function chairContextInTransaction(
  manager: EntityManager,
  partnershipIds: readonly string[],
  organisationIds: readonly string[],
  { onDate, seats = [] }: { onDate?: string; seats?: readonly MembershipEntity[] } = {},
): Promise<ChairContext> {
  const designations = (await manager.getRepository(DesignationEntity).findBy({ partnershipId: In([...partnershipIds]) })).filter(
    (designation) => onDate === undefined || inForceOn(designation, onDate),
  );
  const organisations = await manager.getRepository(OrganisationEntity).findBy({ id: In([...new Set(organisationIds)]) });
  return contextFrom(designations, organisations, seats);
}

const isChairSeat = (seat: MembershipEntity) => seat.role === 'CHAIR' || seat.role === 'VICE_CHAIR';

/** The rule as the evaluator takes it, from arrangements' ChairRule as the gateway passes it. */
const snapshotOf = (rule: ChairRuleRepresentation): ChairRuleSnapshot => ({
  appointedFrom: rule.appointedFrom,
  organisationId: rule.organisation?.id ?? null,
  termMonths: rule.termMonths ?? null,
  termAlignedToFinancialYear: rule.termAlignedToFinancialYear,
  noConsecutiveTermsSameOrganisation: rule.noConsecutiveTermsSameOrganisation,
  viceChairFromDifferentOrganisation: rule.viceChairFromDifferentOrganisation,
  viceChairSucceeds: rule.viceChairSucceeds,
});

/** Whether every chair and vice-chair appointment of a body kept its live chair rule; null without a rule. */
export async function chairCompliance(body: BodyParent, loaders: MembershipLoaders): Promise<ChairComplianceParent | null> {
  // The live rule, passed in by the gateway from arrangements (@requires).
  if (!body.chairRule) return null;
  const seats = await loaders.membershipsByBody.load(body.id);
  const appointments = seats.filter(isChairSeat).map(asAppointment);
  const reference = await loaders.bodyReference.load(body.id);
  const context = await chairContext(
    reference?.partnershipIds ?? [],
    appointments.map((a) => a.organisationId),
    loaders,
    seats,
  );
  const breaches = evaluateChairRule(snapshotOf(body.chairRule), appointments, context);
  return { compliant: breaches.length === 0, appointmentsChecked: appointments.length, breaches };
}
