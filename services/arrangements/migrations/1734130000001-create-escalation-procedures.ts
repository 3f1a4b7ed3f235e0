import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaTables } from '@safeguarding/database';

/** Escalation and dispute-resolution procedures of a partnership, as ordered steps. */
export class CreateEscalationProcedures1734130000001 implements MigrationInterface {
  name = 'CreateEscalationProcedures1734130000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    const t = schemaTables(queryRunner);
    await queryRunner.query(`
      CREATE TABLE ${t('escalation_procedure')} (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        partnership_id text NOT NULL REFERENCES ${t('partnership')}(id),
        title text NOT NULL,
        valid_from date,
        valid_to date,
        version integer NOT NULL DEFAULT 1,
        revisions jsonb NOT NULL DEFAULT '[]',
        source jsonb NOT NULL,
        CHECK (valid_from IS NULL OR valid_to IS NULL OR valid_to >= valid_from)
      )`);
    await queryRunner.query(`CREATE INDEX escalation_procedure_partnership ON ${t('escalation_procedure')} (partnership_id)`);
    await queryRunner.query(`
      CREATE TABLE ${t('escalation_step')} (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        procedure_id uuid NOT NULL REFERENCES ${t('escalation_procedure')}(id) ON DELETE CASCADE,
        position integer NOT NULL CHECK (position >= 1),
        trigger text,
        who text NOT NULL,
        action text NOT NULL,
        timescale text,
        UNIQUE (procedure_id, position)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const t = schemaTables(queryRunner);
    await queryRunner.query(`DROP TABLE ${t('escalation_step')}`);
    await queryRunner.query(`DROP TABLE ${t('escalation_procedure')}`);
  }
}
