import { openSubgraphDatabase } from '@safeguarding/database';
import { createTestDatabase, type TestDatabase } from '@safeguarding/testkit';
import { thresholdsSubgraph } from '../index';

/** Every migration applies to an empty schema and undoes cleanly. */
let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.drop();
});

it('applies and undoes every migration, search index included', async () => {
  const schema = 'thresholds_migration_test';
  const dataSource = await openSubgraphDatabase({
    url: database.url,
    schema,
    entities: thresholdsSubgraph.entities,
    migrations: thresholdsSubgraph.migrations,
    poolSize: 1,
    applicationName: 'migration-test',
  });
  const tables = async () =>
    (await dataSource.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = $1 AND table_name <> 'migrations' ORDER BY 1`, [schema])).map(
      (row: { table_name: string }) => row.table_name,
    );
  expect(await tables()).toEqual(['crosswalk_mapping', 'regional_level', 'threshold_indicator', 'threshold_level', 'threshold_model']);
  const indexes = await dataSource.query(`SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = $1 AND indexname = 'threshold_indicator_search'`, [schema]);
  expect(indexes[0].indexdef).toMatch(/USING gin \(search_vector\)/);
  for (let index = 0; index < thresholdsSubgraph.migrations.length; index += 1) await dataSource.undoLastMigration();
  expect(await tables()).toEqual([]);
  await dataSource.destroy();
});
