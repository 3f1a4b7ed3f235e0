import { In, type EntityManager } from 'typeorm';
import { DesignationEntity, OrganisationEntity, type MembershipEntity } from '../entities';
import type { MembershipLoaders } from '../loaders';
import type { ChairAppointment, ChairContext } from '../rules/chair-rule';

export const asAppointment = (seat: MembershipEntity): ChairAppointment => ({
  id: seat.id,
  role: seat.role as ChairAppointment['role'],
  organisationId: seat.organisationId,
  startDate: seat.startDate,
  endDate: seat.endDate,
});

function contextFrom(designations: DesignationEntity[], organisations: OrganisationEntity[]): ChairContext {
  const names = new Map(organisations.map((o) => [o.id, o.name]));
  return {
    statutoryPartnerIds: new Set(designations.filter((d) => d.kind === 'LEAD_SAFEGUARDING_PARTNER').map((d) => d.organisationId)),
    delegatedPartnerIds: new Set(designations.filter((d) => d.kind === 'DELEGATED_SAFEGUARDING_PARTNER').map((d) => d.organisationId)),
    independentOrganisationIds: new Set(organisations.filter((o) => o.sector === 'INDEPENDENT').map((o) => o.id)),
    organisationName: (id) => names.get(id) ?? id,
  };
}

/** Statutory and delegated partners of the body's partnerships, and the appointees' organisations (read path, batched). */
export async function chairContext(partnershipSlugs: readonly string[], organisationIds: readonly string[], loaders: MembershipLoaders): Promise<ChairContext> {
  const designations = (await loaders.designationsByPartnership.loadMany([...partnershipSlugs])).flatMap((rows) => (Array.isArray(rows) ? rows : []));
  const organisations = (await loaders.organisation.loadMany([...new Set(organisationIds)])).flatMap((row) => (row && !(row instanceof Error) ? [row] : []));
  return contextFrom(designations, organisations);
}

/** The same, read inside an edit's transaction (the pool may have no other connection to lend). */
export async function chairContextInTransaction(manager: EntityManager, partnershipSlugs: readonly string[], organisationIds: readonly string[]): Promise<ChairContext> {
  const designations = await manager.getRepository(DesignationEntity).findBy({ partnershipSlug: In([...partnershipSlugs]) });
  const organisations = await manager.getRepository(OrganisationEntity).findBy({ id: In([...new Set(organisationIds)]) });
  return contextFrom(designations, organisations);
}
