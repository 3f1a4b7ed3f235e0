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

// Before the undo below: a column in an entity and not in the migrations (or the other way) fails.
it('has every entity column in the migrated schema, with its type and nullability, and no column without an entity', async () =>
  expect(await database.entityMismatches()).toEqual([]));

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
    'body_reporting_line',
    'body_terms_history',
    'budget',
    'budget_contribution',
    'escalation_procedure',
    'escalation_step',
    'lead_safeguarding_partner',
    'meeting',
    'meeting_action_notes',
    'partnership',
    // A view: arrangements' published contract with membership (migrations/1734100000000).
    'population_figure',
    'published_body',
    'regional_procedure',
    'regional_procedure_adoption',
    'regional_procedure_adoption_chapter',
    'regional_procedure_chapter',
    'statutory_function',
    'strategic_action',
    'strategic_plan',
    'strategic_priority',
    'strategic_priority_version',
    'success_measurement',
    'success_statement',
    'success_statement_version',
  ]);
  await database.undoAllMigrations();
  expect(await tables()).toEqual([]);
});
