import { migrateEmptySchema, type MigrationTestDatabase } from '@safeguarding/testkit';
import { arrangementsSubgraph } from '../index';

/** Every migration applies to an empty schema and undoes cleanly. */
let database: MigrationTestDatabase;
beforeAll(async () => {
  database = await migrateEmptySchema(arrangementsSubgraph);
});
afterAll(async () => {
  await database?.close();
});

it('applies and undoes every migration', async () => {
  const { tables } = database;
  expect(await tables()).toEqual([
    'agenda',
    'agenda_item',
    'agenda_version',
    'arrangement_document',
    'audit_event',
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
  await database.undoAllMigrations();
  expect(await tables()).toEqual([]);
});
