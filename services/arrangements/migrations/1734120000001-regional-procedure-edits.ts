import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaTables } from '@safeguarding/database';

/**
 * Regional procedures as a system of record: an adoption gets an optimistic-lock version and the
 * date it was recorded, is unique per partnership and procedure, and records which version of each
 * chapter the partnership adopted (every adoption kept, so the history shows when it moved on).
 */
export class RegionalProcedureEdits1734120000001 implements MigrationInterface {
  name = 'RegionalProcedureEdits1734120000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    const t = schemaTables(queryRunner);
    await queryRunner.query(`
      ALTER TABLE ${t('regional_procedure_adoption')}
        ADD COLUMN version integer NOT NULL DEFAULT 1,
        ADD COLUMN adopted_on date`);
    await queryRunner.query(`CREATE UNIQUE INDEX regional_procedure_adoption_once ON ${t('regional_procedure_adoption')} (procedure_id, partnership_id)`);
    await queryRunner.query(`
      CREATE TABLE ${t('regional_procedure_adoption_chapter')} (
        adoption_id uuid NOT NULL REFERENCES ${t('regional_procedure_adoption')}(id) ON DELETE CASCADE,
        chapter_id uuid NOT NULL REFERENCES ${t('regional_procedure_chapter')}(id) ON DELETE CASCADE,
        chapter_number text NOT NULL,
        adopted_on date NOT NULL,
        recorded_by text NOT NULL,
        PRIMARY KEY (adoption_id, chapter_id)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const t = schemaTables(queryRunner);
    await queryRunner.query(`DROP TABLE ${t('regional_procedure_adoption_chapter')}`);
    await queryRunner.query(`DROP INDEX ${t('regional_procedure_adoption_once')}`);
    await queryRunner.query(`ALTER TABLE ${t('regional_procedure_adoption')} DROP COLUMN version, DROP COLUMN adopted_on`);
  }
}
