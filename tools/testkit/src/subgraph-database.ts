import type { DataSource } from 'typeorm';
import { openSubgraphDatabase } from '@safeguarding/database';
import type { SubgraphModule } from '@safeguarding/subgraph-runtime';
import { createTestDatabase } from './database';

/** One subgraph's seeded schema, opened directly: no server, no gateway, no GraphQL. */
export interface SeededSubgraphDatabase {
  dataSource: DataSource;
  close(): Promise<void>;
}

/**
 * For tests of a subgraph's operations, called as a script would call them: a copy of the run's
 * seeded template (or, where there is none, a database migrated and seeded here), opened with the
 * subgraph's own schema, entities and migrations.
 */
export async function openSeededSubgraphDatabase<Loaders>(subgraph: SubgraphModule<Loaders>): Promise<SeededSubgraphDatabase> {
  const database = await createTestDatabase({ seeded: true });
  const dataSource = await openSubgraphDatabase({
    url: database.url,
    schema: subgraph.databaseSchema,
    entities: subgraph.entities,
    migrations: subgraph.migrations,
    poolSize: database.poolSize,
    applicationName: `test-${subgraph.name}-operations`,
  });
  if (!database.seeded) await subgraph.seed(dataSource);
  return {
    dataSource,
    close: async () => {
      if (dataSource.isInitialized) await dataSource.destroy();
      await database.drop();
    },
  };
}
