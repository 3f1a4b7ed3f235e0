import { boundedText, conflict, isUniqueViolation, singleLineText, slugArgument } from '@safeguarding/subgraph-runtime';
import type { OrganisationSector } from '@safeguarding/packs';
import { OrganisationEntity } from '../entities';
import type { MembershipOperationContext } from '../context';

/** The registry: every agency once, by name, optionally of one sector or matching a name or alias. */
export function listOrganisations(
  { dataSource }: Pick<MembershipOperationContext, 'dataSource'>,
  { sector, nameContains }: { sector?: OrganisationSector | null; nameContains?: string | null },
): Promise<OrganisationEntity[]> {
  const query = dataSource.getRepository(OrganisationEntity).createQueryBuilder('organisation').orderBy('organisation.name', 'ASC');
  if (sector) query.andWhere('organisation.sector = :sector', { sector });
  if (nameContains) {
    const text = boundedText(nameContains, 'nameContains', 100).replace(/[\\%_]/g, (match) => `\\${match}`);
    query.andWhere('(organisation.name ILIKE :pattern OR EXISTS (SELECT 1 FROM unnest(organisation.also_known_as) AS alias WHERE alias ILIKE :pattern))', {
      pattern: `%${text}%`,
    });
  }
  return query.getMany();
}

export interface OrganisationRegistration {
  id: string;
  name: string;
  sector: OrganisationSector;
  alsoKnownAs?: readonly string[] | null;
}

/** Registers an agency once; a second registration of the same id or name is a conflict. */
export async function registerOrganisation(
  { dataSource }: Pick<MembershipOperationContext, 'dataSource'>,
  input: OrganisationRegistration,
): Promise<OrganisationEntity> {
  const organisation = {
    id: slugArgument(input.id, 'id'),
    name: singleLineText(input.name, 'name', 200),
    sector: input.sector,
    alsoKnownAs: (input.alsoKnownAs ?? []).map((alias) => singleLineText(alias, 'alsoKnownAs', 200)),
    source: null,
  };
  const repository = dataSource.getRepository(OrganisationEntity);
  try {
    await repository.insert(organisation);
  } catch (error) {
    // The primary key and the unique name index settle a race between two registrations.
    if (isUniqueViolation(error)) {
      throw conflict(`An organisation with the id "${organisation.id}" or the name "${organisation.name}" is already registered; use it instead.`);
    }
    throw error;
  }
  return repository.findOneByOrFail({ id: organisation.id });
}
