import type { DataSource } from 'typeorm';
import { openSubgraphDatabase } from '@safeguarding/database';
import type { SubgraphModule } from '@safeguarding/subgraph-runtime';
import { createTestDatabase, type TestDatabase } from './database';
import { entityMigrationMismatches } from './entities-match-migrations';

/**
 * A subgraph's migrations applied to an empty schema of a fresh database, for the test every
 * subgraph has: the tables appear, and undoing every migration removes them again.
 */
export interface MigrationTestDatabase {
  dataSource: DataSource;
  /** Tables in the schema, except the migrations table, sorted. */
  tables: () => Promise<string[]>;
  undoAllMigrations(): Promise<void>;
  /** Where the entities and the migrated schema disagree (entities-match-migrations.ts); empty when they agree. */
  entityMismatches(deliberatelyUnmapped?: Record<string, string>): Promise<string[]>;
  close(): Promise<void>;
}

export async function migrateEmptySchema<Loaders>(
  module: SubgraphModule<Loaders>,
  schema = `${module.databaseSchema}_migration_test`,
): Promise<MigrationTestDatabase> {
  const database: TestDatabase = await createTestDatabase();
  const dataSource = await openSubgraphDatabase({
    url: database.url,
    schema,
    entities: module.entities,
    migrations: module.migrations,
    poolSize: 1,
    applicationName: `migration-test-${module.name}`,
  });
  return {
    dataSource,
    tables: async () => {
      const rows = await dataSource.query<{ table_name: string }[]>(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = $1 AND table_name <> 'migrations' ORDER BY 1`,
        [schema],
      );
      return rows.map((row) => row.table_name);
    },
    async undoAllMigrations() {
      for (let index = 0; index < module.migrations.length; index += 1) await dataSource.undoLastMigration();
    },
    entityMismatches: (deliberatelyUnmapped?: Record<string, string>) => entityMigrationMismatches(dataSource, schema, deliberatelyUnmapped),
    async close() {
      if (dataSource.isInitialized) await dataSource.destroy();
      await database.drop();
    },
  };
}
