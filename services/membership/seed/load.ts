import type { DataSource } from 'typeorm';
import { OrganisationEntity } from '../entities';
import { organisations } from './organisations';

/** Loads the organisation registry when it is empty. */
export async function seedMembership(dataSource: DataSource): Promise<void> {
  await dataSource.transaction(async (manager) => {
    if ((await manager.count(OrganisationEntity)) > 0) return;
    await manager.insert(
      OrganisationEntity,
      organisations.map((o) => ({ id: o.id, name: o.name, sector: o.sector, alsoKnownAs: o.alsoKnownAs ?? [], source: o.source })),
    );
  });
}
