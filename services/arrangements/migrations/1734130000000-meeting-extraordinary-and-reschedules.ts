import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaTables } from '@safeguarding/database';

/**
 * Meetings as a system of record: a meeting may be marked extraordinary, keeps the dates it was
 * moved from, and a body has at most one ordinary (not extraordinary, not cancelled) meeting a day.
 * The partial unique index is what settles two writers scheduling the same body on the same date.
 */
export class MeetingExtraordinaryAndReschedules1734130000000 implements MigrationInterface {
  name = 'MeetingExtraordinaryAndReschedules1734130000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const t = schemaTables(queryRunner);
    await queryRunner.query(`ALTER TABLE ${t('meeting')} ADD COLUMN extraordinary boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE ${t('meeting')} ADD COLUMN reschedules jsonb NOT NULL DEFAULT '[]'`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX meeting_one_ordinary_per_body_date ON ${t('meeting')} (body_id, meeting_date) WHERE NOT extraordinary AND status <> 'CANCELLED'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const t = schemaTables(queryRunner);
    await queryRunner.query(`DROP INDEX ${t('meeting_one_ordinary_per_body_date')}`);
    await queryRunner.query(`ALTER TABLE ${t('meeting')} DROP COLUMN reschedules`);
    await queryRunner.query(`ALTER TABLE ${t('meeting')} DROP COLUMN extraordinary`);
  }
}
