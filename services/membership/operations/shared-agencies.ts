import { badUserInput, inForceOn, isLoaded, slugArgument, todayInEngland } from '@safeguarding/subgraph-runtime';
import { BodyReferenceEntity, type OrganisationEntity } from '../entities';
import type { MembershipOperationContext } from '../context';
import type { SharedAgencyParent, SharedAgencySideParent } from '../models';

const MAXIMUM_PARTNERSHIPS = 10;
const MAXIMUM_BODIES = 100;

/**
 * Agencies that sit, on a date, on bodies of every one of the named partnerships (optionally only
 * the named bodies), with the bodies on each side; ordered by the agency's name.
 */
export async function sharedAgencies(
  { dataSource, loaders }: Pick<MembershipOperationContext, 'dataSource' | 'loaders'>,
  { partnershipIds, bodyIds, asOf }: { partnershipIds: readonly string[]; bodyIds?: readonly string[] | null; asOf?: string | null },
): Promise<SharedAgencyParent[]> {
  // The argument keeps its public name (partnershipSlugs); its values are Partnership ids.
  const asked = [...new Set(partnershipIds.map((partnershipId) => slugArgument(partnershipId, 'partnershipSlugs')))];
  if (asked.length < 2 || asked.length > MAXIMUM_PARTNERSHIPS) {
    throw badUserInput(
      `Name between 2 and ${MAXIMUM_PARTNERSHIPS} different partnerships, e.g. ["shropshire", "telford-and-wrekin"]; got ${asked.length}.`,
      'partnershipSlugs',
    );
  }
  let bodies = await dataSource.getRepository(BodyReferenceEntity).find();
  const unknownPartnerships = asked.filter((partnershipId) => !bodies.some((b) => b.partnershipIds.includes(partnershipId)));
  if (unknownPartnerships.length > 0)
    throw badUserInput(
      `No bodies belong to the partnership(s) ${unknownPartnerships.join(', ')}; the partnerships are shropshire, telford-and-wrekin and solihull.`,
      'partnershipSlugs',
    );
  if (bodyIds) {
    if (bodyIds.length > MAXIMUM_BODIES) throw badUserInput(`At most ${MAXIMUM_BODIES} bodyIds.`, 'bodyIds');
    const unknown = bodyIds.filter((id) => !bodies.some((b) => b.bodyId === id));
    if (unknown.length > 0)
      throw badUserInput(`Unknown body id(s): ${unknown.map((id) => id.slice(0, 80)).join(', ')}; query partnership { bodies { id } } for the ids.`, 'bodyIds');
    bodies = bodies.filter((b) => bodyIds.includes(b.bodyId));
  }
  bodies = bodies.filter((b) => b.partnershipIds.some((partnershipId) => asked.includes(partnershipId)));
  const date = asOf ?? todayInEngland();
  const seats = (await loaders.membershipsByBody.loadMany(bodies.map((b) => b.bodyId))).flatMap((rows) => (Array.isArray(rows) ? rows : []));
  const bodyById = new Map(bodies.map((b) => [b.bodyId, b]));
  const byOrganisation = new Map<string, Map<string, Set<string>>>();
  for (const seat of seats.filter((s) => inForceOn(s, date))) {
    const sides = byOrganisation.get(seat.organisationId) ?? new Map<string, Set<string>>();
    for (const partnershipId of bodyById.get(seat.bodyId)!.partnershipIds) {
      if (!asked.includes(partnershipId)) continue;
      sides.set(partnershipId, (sides.get(partnershipId) ?? new Set()).add(seat.bodyId));
    }
    byOrganisation.set(seat.organisationId, sides);
  }
  const shared = [...byOrganisation.entries()].filter(([, sides]) => asked.every((partnershipId) => sides.has(partnershipId)));
  const organisations = await loaders.organisation.loadMany(shared.map(([id]) => id));
  const names = new Map(organisations.filter(isLoaded<OrganisationEntity>).map((o) => [o.id, o.name]));
  return shared
    .map(([organisationId, sides]) => ({
      organisationId,
      sides: asked.map((partnershipId): SharedAgencySideParent => ({ partnershipId, bodyIds: [...sides.get(partnershipId)!].sort() })),
    }))
    .sort((a, b) => (names.get(a.organisationId) ?? '').localeCompare(names.get(b.organisationId) ?? ''));
}
