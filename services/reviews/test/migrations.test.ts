import { openSubgraphDatabase } from '@safeguarding/database';
import { createTestDatabase, type TestDatabase } from '@safeguarding/testkit';
import { reviewsSubgraph } from '../index';

/** Every migration applies to an empty schema and undoes cleanly. */
let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.drop();
});

it('applies and undoes every migration', async () => {
  const dataSource = await openSubgraphDatabase({
    url: database.url,
    schema: 'reviews_migration_test',
    entities: reviewsSubgraph.entities,
    migrations: reviewsSubgraph.migrations,
    poolSize: 1,
    applicationName: 'migration-test',
  });
  const tables = async () =>
    (
      await dataSource.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'reviews_migration_test' AND table_name <> 'migrations' ORDER BY 1`)
    ).map((row: { table_name: string }) => row.table_name);
  expect(await tables()).toEqual(['action_plan_action', 'learning_point', 'partnership', 'review', 'review_clock', 'review_kind', 'review_theme', 'theme']);
  for (let index = 0; index < reviewsSubgraph.migrations.length; index += 1) await dataSource.undoLastMigration();
  expect(await tables()).toEqual([]);
  await dataSource.destroy();
});
