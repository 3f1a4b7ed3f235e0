import { openSubgraphDatabase } from '@safeguarding/database';
import { createTestDatabase, type TestDatabase } from '@safeguarding/testkit';
import { membershipSubgraph } from '../index';

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
    schema: 'membership_migration_test',
    entities: membershipSubgraph.entities,
    migrations: membershipSubgraph.migrations,
    poolSize: 1,
    applicationName: 'migration-test',
  });
  const tables = async () =>
    (
      await dataSource.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'membership_migration_test' AND table_name <> 'migrations' ORDER BY 1`)
    ).map((row: { table_name: string }) => row.table_name);
  expect(await tables()).toEqual(['attendance', 'body_membership', 'body_reference', 'designation', 'organisation', 'post', 'post_holding']);
  for (let index = 0; index < membershipSubgraph.migrations.length; index += 1) await dataSource.undoLastMigration();
  expect(await tables()).toEqual([]);
  await dataSource.destroy();
});
