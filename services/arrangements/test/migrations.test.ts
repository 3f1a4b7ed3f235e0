import { openSubgraphDatabase } from '@safeguarding/database';
import { createTestDatabase, type TestDatabase } from '@safeguarding/testkit';
import { arrangementsSubgraph } from '../index';

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
    schema: 'arrangements_migration_test',
    entities: arrangementsSubgraph.entities,
    migrations: arrangementsSubgraph.migrations,
    poolSize: 1,
    applicationName: 'migration-test',
  });
  const tables = async () =>
    (
      await dataSource.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'arrangements_migration_test' AND table_name <> 'migrations' ORDER BY 1`)
    ).map((row: { table_name: string }) => row.table_name);
  expect(await tables()).toEqual([
    'agenda',
    'agenda_item',
    'agenda_version',
    'arrangement_document',
    'body',
    'body_partnership',
    'body_relationship',
    'budget',
    'budget_contribution',
    'lead_safeguarding_partner',
    'meeting',
    'meeting_action_notes',
    'partnership',
    'regional_procedure',
    'regional_procedure_adoption',
    'regional_procedure_chapter',
    'statutory_function',
    'strategic_action',
    'strategic_priority',
    'success_measurement',
    'success_statement',
  ]);
  for (let index = 0; index < arrangementsSubgraph.migrations.length; index += 1) await dataSource.undoLastMigration();
  expect(await tables()).toEqual([]);
  await dataSource.destroy();
});
