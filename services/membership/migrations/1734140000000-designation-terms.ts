import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaTables } from '@safeguarding/database';

/**
 * Designations get terms: a start and an end date (null when the documents do not state one; the
 * seeded rows keep null rather than a date derived by reasoning), and a version for optimistic
 * concurrency. The same organisation may hold a designation again in a later term, so the unique
 * (partnership, kind, organisation) goes; operations/designations.ts refuses overlapping terms.
 * A designation recorded through the API has no document to cite: source becomes nullable.
 */
export class DesignationTerms1734140000000 implements MigrationInterface {
  name = 'DesignationTerms1734140000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const t = schemaTables(queryRunner);
    await queryRunner.query(`ALTER TABLE ${t('designation')} ADD COLUMN start_date date, ADD COLUMN end_date date`);
    await queryRunner.query(`ALTER TABLE ${t('designation')} ADD COLUMN version integer NOT NULL DEFAULT 1 CHECK (version >= 1)`);
    await queryRunner.query(
      `ALTER TABLE ${t('designation')} ADD CONSTRAINT designation_dates_in_order CHECK (end_date IS NULL OR start_date IS NULL OR end_date >= start_date)`,
    );
    await queryRunner.query(`ALTER TABLE ${t('designation')} DROP CONSTRAINT designation_partnership_id_kind_organisation_id_key`);
    await queryRunner.query(`ALTER TABLE ${t('designation')} ALTER COLUMN source DROP NOT NULL`);
    await queryRunner.query(`CREATE INDEX designation_partnership_kind ON ${t('designation')} (partnership_id, kind)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const t = schemaTables(queryRunner);
    await queryRunner.query(`DROP INDEX ${t('designation_partnership_kind')}`);
    // Rows recorded through the API (no source, or a second term of one holder) cannot go back.
    await queryRunner.query(`DELETE FROM ${t('designation')} WHERE source IS NULL`);
    await queryRunner.query(`ALTER TABLE ${t('designation')} ALTER COLUMN source SET NOT NULL`);
    await queryRunner.query(
      `ALTER TABLE ${t('designation')} ADD CONSTRAINT designation_partnership_id_kind_organisation_id_key UNIQUE (partnership_id, kind, organisation_id)`,
    );
    await queryRunner.query(`ALTER TABLE ${t('designation')} DROP CONSTRAINT designation_dates_in_order`);
    await queryRunner.query(`ALTER TABLE ${t('designation')} DROP COLUMN version, DROP COLUMN end_date, DROP COLUMN start_date`);
  }
}
