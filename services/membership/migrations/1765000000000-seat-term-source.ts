import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaTables } from '@safeguarding/database';

/**
 * Where a seat's dates come from, when that differs from the seat itself: a chair the document
 * names (stated) whose term end follows from a rotation rule (inferred). Null when the seat's own
 * provenance covers its dates.
 */
export class SeatTermSource1765000000000 implements MigrationInterface {
  name = 'SeatTermSource1765000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const t = schemaTables(queryRunner);
    await queryRunner.query(`ALTER TABLE ${t('body_membership')} ADD COLUMN term_source jsonb`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const t = schemaTables(queryRunner);
    await queryRunner.query(`ALTER TABLE ${t('body_membership')} DROP COLUMN term_source`);
  }
}
