import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaTables } from '@safeguarding/database';

/**
 * Threshold model versions become a system of record: a version is a DRAFT (inside its
 * partnership, editable under an optimistic lock) until it is PUBLISHED (immutable, and the
 * previous version's end date set). Every existing version is published. Only published versions
 * answer as-of questions, so only they must not start on the same day; drafts may.
 */
export class ThresholdModelDrafts1734160000000 implements MigrationInterface {
  name = 'ThresholdModelDrafts1734160000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const t = schemaTables(queryRunner);
    await queryRunner.query(`
      ALTER TABLE ${t('threshold_model')}
        ADD COLUMN status text NOT NULL DEFAULT 'PUBLISHED' CHECK (status IN ('DRAFT', 'PUBLISHED')),
        ADD COLUMN version integer NOT NULL DEFAULT 1,
        ADD COLUMN drafted_by text,
        ADD COLUMN published_by text,
        ADD COLUMN published_at timestamptz,
        ADD CONSTRAINT threshold_model_approved_before_effective CHECK (approved_on IS NULL OR effective_from IS NULL OR approved_on <= effective_from)`);
    await queryRunner.query(`DROP INDEX ${t('threshold_model_partnership_start')}`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX threshold_model_partnership_start ON ${t('threshold_model')} (partnership_id, effective_from) NULLS NOT DISTINCT WHERE status = 'PUBLISHED'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const t = schemaTables(queryRunner);
    // Drafts were never the record; their levels, indicators and mappings go with them (ON DELETE CASCADE).
    await queryRunner.query(`DELETE FROM ${t('threshold_model')} WHERE status = 'DRAFT'`);
    await queryRunner.query(`DROP INDEX ${t('threshold_model_partnership_start')}`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX threshold_model_partnership_start ON ${t('threshold_model')} (partnership_id, effective_from) NULLS NOT DISTINCT`,
    );
    await queryRunner.query(`
      ALTER TABLE ${t('threshold_model')}
        DROP CONSTRAINT threshold_model_approved_before_effective,
        DROP COLUMN published_at,
        DROP COLUMN published_by,
        DROP COLUMN drafted_by,
        DROP COLUMN version,
        DROP COLUMN status`);
  }
}
