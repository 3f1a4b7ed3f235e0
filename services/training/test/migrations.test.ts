import { openSubgraphDatabase } from '@safeguarding/database';
import { createTestDatabase, entityMigrationMismatches, type TestDatabase } from '@safeguarding/testkit';
import type { DataSource } from 'typeorm';
import { trainingSubgraph } from '../index';

/** The migrations build the training schema on a fresh database and take it all down again. */
let database: TestDatabase;
let dataSource: DataSource;
beforeAll(async () => {
  database = await createTestDatabase();
  dataSource = await openSubgraphDatabase({
    url: database.url,
    schema: 'training',
    entities: trainingSubgraph.entities,
    migrations: trainingSubgraph.migrations,
    poolSize: 1,
    applicationName: 'test-training-migrations',
  });
});
afterAll(async () => {
  if (dataSource?.isInitialized) await dataSource.destroy();
  await database?.drop();
});

const TABLES = [
  'audit_event',
  'course',
  'course_partnership',
  'course_theme',
  'impact_evidence',
  'training_booking',
  'training_booking_notice',
  'training_session',
  'training_session_change',
];

const tables = async () =>
  (
    await dataSource.query<{ table_name: string }[]>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'training' AND table_name <> 'migrations' ORDER BY table_name`,
    )
  ).map((row) => row.table_name);

// Before the undo below: a column in an entity and not in the migrations (or the other way) fails.
it('has every entity column in the migrated schema, with its type and nullability, and no column without an entity', async () =>
  expect(await entityMigrationMismatches(dataSource, 'training')).toEqual([]));

it('creates every table, then undoes every migration until none is left', async () => {
  expect(await tables()).toEqual(TABLES);
  // The database, not only the resolver, refuses an overbooked session.
  await dataSource.query(
    `INSERT INTO "training"."course" (id, title, summary, audience, level, source) VALUES ('x.course', 'X', 'x', 'WHOLE_WORKFORCE', 'AWARENESS', '{}')`,
  );
  await expect(
    dataSource.query(
      `INSERT INTO "training"."training_session" (course_id, held_on, delivery_method, capacity, booked_places, source) VALUES ('x.course', '2030-01-01', 'VIRTUAL', 5, 6, '{}')`,
    ),
  ).rejects.toThrow(/check constraint/);
  await dataSource.query(`DELETE FROM "training"."course"`);

  for (let undone = 0; undone < trainingSubgraph.migrations.length; undone += 1) await dataSource.undoLastMigration({ transaction: 'each' });
  expect(await tables()).toEqual([]);
  expect(await dataSource.query(`SELECT * FROM "training"."migrations"`)).toEqual([]);
});
