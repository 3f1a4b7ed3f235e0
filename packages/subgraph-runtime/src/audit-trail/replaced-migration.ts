import type { MigrationInterface, QueryRunner } from 'typeorm';
import { auditEventTable } from './table';

/**
 * The value a change or correction replaced, kept beside the state after: a record seeded before
 * any API call has no earlier event to read it from, so a correction would otherwise lose it.
 */
export class AddAuditReplaced1733500000000 implements MigrationInterface {
  name = 'AddAuditReplaced1733500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = (queryRunner.connection.options as { schema?: string }).schema ?? 'public';
    await queryRunner.query(`ALTER TABLE ${auditEventTable(schema)} ADD COLUMN replaced jsonb`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const schema = (queryRunner.connection.options as { schema?: string }).schema ?? 'public';
    await queryRunner.query(`ALTER TABLE ${auditEventTable(schema)} DROP COLUMN replaced`);
  }
}
