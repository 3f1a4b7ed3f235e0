import { migrateEmptySchema, type MigrationTestDatabase } from '@safeguarding/testkit';
import { thresholdsSubgraph } from '../index';

/** Every migration applies to an empty schema and undoes cleanly. */
let database: MigrationTestDatabase;
beforeAll(async () => {
  database = await migrateEmptySchema(thresholdsSubgraph);
});
afterAll(async () => {
  await database?.close();
});

// Before the undo below: a column in an entity and not in the migrations (or the other way) fails.
it('has every entity column in the migrated schema, with its type and nullability, and no column without an entity', async () => expect(await database.entityMismatches()).toEqual([]));

it('applies and undoes every migration', async () => {
  const { dataSource, tables } = database;
  expect(await tables()).toEqual(['audit_event', 'crosswalk_mapping', 'regional_level', 'threshold_indicator', 'threshold_level', 'threshold_model']);
  const indexes = await dataSource.query(`SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'thresholds_migration_test' AND indexname = 'threshold_indicator_search'`);
  expect(indexes[0].indexdef).toMatch(/USING gin \(search_vector\)/);
  await database.undoAllMigrations();
  expect(await tables()).toEqual([]);
});
