import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaTables } from '@safeguarding/database';

/** Strategic priorities, success statements with measurements, and Strategic Action Plans (002). */
export class CreateStrategicPlans1732800000000 implements MigrationInterface {
  name = 'CreateStrategicPlans1732800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const t = schemaTables(queryRunner);
    await queryRunner.query(`
      CREATE TABLE ${t('strategic_priority')} (
        id text PRIMARY KEY,
        partnership_id text NOT NULL REFERENCES ${t('partnership')}(id) ON DELETE CASCADE,
        body_id text NOT NULL REFERENCES ${t('body')}(id),
        title text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('SYSTEM_PRIORITY', 'STRATEGIC_PRIORITY')),
        period_start date NOT NULL,
        period_end date NOT NULL CHECK (period_end >= period_start),
        source jsonb NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX strategic_priority_partnership ON ${t('strategic_priority')} (partnership_id)`);
    await queryRunner.query(`CREATE INDEX strategic_priority_body ON ${t('strategic_priority')} (body_id)`);
    await queryRunner.query(`
      CREATE TABLE ${t('success_statement')} (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        priority_id text NOT NULL REFERENCES ${t('strategic_priority')}(id) ON DELETE CASCADE,
        position integer NOT NULL,
        text text NOT NULL,
        target jsonb,
        baseline_value double precision,
        baseline_source jsonb,
        source jsonb NOT NULL,
        UNIQUE (priority_id, position)
      )`);
    await queryRunner.query(`
      CREATE TABLE ${t('success_measurement')} (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        statement_id uuid NOT NULL REFERENCES ${t('success_statement')}(id) ON DELETE CASCADE,
        measured_on date NOT NULL,
        value double precision NOT NULL,
        source jsonb NOT NULL,
        UNIQUE (statement_id, measured_on)
      )`);
    await queryRunner.query(`
      CREATE TABLE ${t('strategic_action')} (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        body_id text NOT NULL REFERENCES ${t('body')}(id) ON DELETE CASCADE,
        heading text NOT NULL,
        description text NOT NULL,
        success_measure text NOT NULL,
        owner_organisation_id text,
        due_on date NOT NULL,
        progress text NOT NULL CHECK (progress IN ('NOT_STARTED', 'IN_PROGRESS', 'COMPLETED')),
        evidence text,
        period text NOT NULL CHECK (period ~ '^[0-9]{4}-[0-9]{2}$'),
        is_multi_agency_case_file_audit boolean NOT NULL DEFAULT false,
        source jsonb NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX strategic_action_body ON ${t('strategic_action')} (body_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const t = schemaTables(queryRunner);
    for (const table of ['strategic_action', 'success_measurement', 'success_statement', 'strategic_priority']) {
      await queryRunner.query(`DROP TABLE ${t(table)}`);
    }
  }
}
