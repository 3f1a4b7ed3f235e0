import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaTables } from '@safeguarding/database';

/**
 * Strategic plans as a system of record: the plan (a partnership's plan period), and the earlier
 * versions of priorities and success statements revised from a date (effective-dated history), plus
 * optimistic-lock versions on priorities, statements and Strategic Action Plan actions.
 */
export class StrategicPlanEdits1734120000000 implements MigrationInterface {
  name = 'StrategicPlanEdits1734120000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const t = schemaTables(queryRunner);
    await queryRunner.query(`
      CREATE TABLE ${t('strategic_plan')} (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        partnership_id text NOT NULL REFERENCES ${t('partnership')}(id) ON DELETE CASCADE,
        title text NOT NULL,
        period_start date NOT NULL,
        period_end date NOT NULL CHECK (period_end >= period_start),
        version integer NOT NULL DEFAULT 1,
        source jsonb NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX strategic_plan_partnership ON ${t('strategic_plan')} (partnership_id)`);
    await queryRunner.query(`
      ALTER TABLE ${t('strategic_priority')}
        ADD COLUMN plan_id uuid REFERENCES ${t('strategic_plan')}(id) ON DELETE CASCADE,
        ADD COLUMN version integer NOT NULL DEFAULT 1,
        ADD COLUMN revised_from date`);
    await queryRunner.query(`CREATE INDEX strategic_priority_plan ON ${t('strategic_priority')} (plan_id)`);
    await queryRunner.query(`
      CREATE TABLE ${t('strategic_priority_version')} (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        priority_id text NOT NULL REFERENCES ${t('strategic_priority')}(id) ON DELETE CASCADE,
        valid_from date NOT NULL,
        valid_until date NOT NULL CHECK (valid_until > valid_from),
        title text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('SYSTEM_PRIORITY', 'STRATEGIC_PRIORITY')),
        body_id text NOT NULL REFERENCES ${t('body')}(id),
        recorded_by text NOT NULL,
        UNIQUE (priority_id, valid_from)
      )`);
    await queryRunner.query(`
      ALTER TABLE ${t('success_statement')}
        ADD COLUMN version integer NOT NULL DEFAULT 1,
        ADD COLUMN valid_from date,
        ADD COLUMN valid_to date,
        ADD COLUMN revised_from date`);
    await queryRunner.query(`
      CREATE TABLE ${t('success_statement_version')} (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        statement_id uuid NOT NULL REFERENCES ${t('success_statement')}(id) ON DELETE CASCADE,
        valid_from date NOT NULL,
        valid_until date NOT NULL CHECK (valid_until > valid_from),
        text text NOT NULL,
        target jsonb,
        baseline_value double precision,
        baseline_source jsonb,
        recorded_by text NOT NULL,
        UNIQUE (statement_id, valid_from)
      )`);
    await queryRunner.query(`ALTER TABLE ${t('strategic_action')} ADD COLUMN version integer NOT NULL DEFAULT 1`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const t = schemaTables(queryRunner);
    await queryRunner.query(`ALTER TABLE ${t('strategic_action')} DROP COLUMN version`);
    await queryRunner.query(`DROP TABLE ${t('success_statement_version')}`);
    await queryRunner.query(
      `ALTER TABLE ${t('success_statement')} DROP COLUMN version, DROP COLUMN valid_from, DROP COLUMN valid_to, DROP COLUMN revised_from`,
    );
    await queryRunner.query(`DROP TABLE ${t('strategic_priority_version')}`);
    await queryRunner.query(`ALTER TABLE ${t('strategic_priority')} DROP COLUMN plan_id, DROP COLUMN version, DROP COLUMN revised_from`);
    await queryRunner.query(`DROP TABLE ${t('strategic_plan')}`);
  }
}
