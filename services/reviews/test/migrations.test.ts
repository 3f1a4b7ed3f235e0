import { migrateEmptySchema, type MigrationTestDatabase } from '@safeguarding/testkit';
import { reviewsSubgraph } from '../index';

/** Every migration applies to an empty schema and undoes cleanly. */
let database: MigrationTestDatabase;
beforeAll(async () => {
  database = await migrateEmptySchema(reviewsSubgraph);
});
afterAll(async () => {
  await database?.close();
});

// Before the undo below: a column in an entity and not in the migrations (or the other way) fails.
it('has every entity column in the migrated schema, with its type and nullability, and no column without an entity', async () =>
  expect(await database.entityMismatches()).toEqual([]));

it('applies and undoes every migration', async () => {
  const { tables } = database;
  expect(await tables()).toEqual([
    'action_plan_action',
    'audit_event',
    'learning_point',
    'partnership',
    'review',
    'review_clock',
    'review_for_counts',
    'review_kind',
    'review_theme',
    'theme',
  ]);
  await database.undoAllMigrations();
  expect(await tables()).toEqual([]);
});
