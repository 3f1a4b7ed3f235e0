import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaTables } from '@safeguarding/database';

/**
 * Provenance per value where a record mixes stated and inferred facts: a version's start date is
 * often reasoned from a document's month (inferred) while the version itself is stated, and a
 * level's responses, assessment and lead are read from its stated descriptor (inferred). Null when
 * the record's own source covers the value.
 */
export class ValueProvenance1734900000000 implements MigrationInterface {
  name = 'ValueProvenance1734900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const t = schemaTables(queryRunner);
    await queryRunner.query(`ALTER TABLE ${t('threshold_model')} ADD COLUMN effective_from_source jsonb`);
    await queryRunner.query(`ALTER TABLE ${t('threshold_level')} ADD COLUMN responses_source jsonb`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const t = schemaTables(queryRunner);
    await queryRunner.query(`ALTER TABLE ${t('threshold_level')} DROP COLUMN responses_source`);
    await queryRunner.query(`ALTER TABLE ${t('threshold_model')} DROP COLUMN effective_from_source`);
  }
}
