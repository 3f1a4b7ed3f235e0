import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaTables } from '@safeguarding/database';

/** A version on each seat, so correcting or withdrawing a chair appointment can refuse a stale edit (CONFLICT). */
export class SeatVersion1734140000001 implements MigrationInterface {
  name = 'SeatVersion1734140000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    const t = schemaTables(queryRunner);
    await queryRunner.query(`ALTER TABLE ${t('body_membership')} ADD COLUMN version integer NOT NULL DEFAULT 1 CHECK (version >= 1)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const t = schemaTables(queryRunner);
    await queryRunner.query(`ALTER TABLE ${t('body_membership')} DROP COLUMN version`);
  }
}
