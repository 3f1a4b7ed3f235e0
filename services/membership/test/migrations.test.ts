import { migrateEmptySchema, type MigrationTestDatabase } from '@safeguarding/testkit';
import { membershipSubgraph } from '../index';

/** Every migration applies to an empty schema and undoes cleanly. */
let database: MigrationTestDatabase;
beforeAll(async () => {
  database = await migrateEmptySchema(membershipSubgraph);
});
afterAll(async () => {
  await database?.close();
});

it('applies and undoes every migration', async () => {
  const { tables } = database;
  expect(await tables()).toEqual(['attendance', 'audit_event', 'body_membership', 'body_reference', 'designation', 'organisation', 'post', 'post_holding']);
  await database.undoAllMigrations();
  expect(await tables()).toEqual([]);
});
