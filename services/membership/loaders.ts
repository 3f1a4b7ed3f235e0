import { In, type DataSource } from 'typeorm';
import { loaderByKey } from '@safeguarding/subgraph-runtime';
import { OrganisationEntity } from './entities';

/** Per-request loaders; entity references from other subgraphs arrive in batches through them. */
export function createLoaders(dataSource: DataSource) {
  return {
    organisation: loaderByKey<string, OrganisationEntity>(
      (ids) => dataSource.getRepository(OrganisationEntity).findBy({ id: In([...ids]) }),
      (row) => row.id,
    ),
  };
}

export type MembershipLoaders = ReturnType<typeof createLoaders>;
