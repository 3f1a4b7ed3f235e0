import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaTables } from '@safeguarding/database';

/**
 * Attendance belongs to a meeting, not a date: a body may hold an extraordinary second meeting on
 * the same date. meeting_id is arrangements' meeting id (no foreign key crosses schemas); null for
 * records keyed by body and date alone (the seed, and callers that gave no meetingId). One record
 * per seat per meeting: per (meeting, seat) when the meeting is named, per (body, date, seat) when not.
 */
export class AttendanceMeetingId1734140000002 implements MigrationInterface {
  name = 'AttendanceMeetingId1734140000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    const t = schemaTables(queryRunner);
    await queryRunner.query(`ALTER TABLE ${t('attendance')} ADD COLUMN meeting_id uuid`);
    await queryRunner.query(`ALTER TABLE ${t('attendance')} DROP CONSTRAINT attendance_body_id_meeting_date_membership_id_key`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX attendance_unnamed_meeting_seat ON ${t('attendance')} (body_id, meeting_date, membership_id) WHERE meeting_id IS NULL`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX attendance_meeting_seat ON ${t('attendance')} (meeting_id, membership_id) WHERE meeting_id IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX attendance_body_date ON ${t('attendance')} (body_id, meeting_date)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const t = schemaTables(queryRunner);
    await queryRunner.query(`DROP INDEX ${t('attendance_body_date')}`);
    await queryRunner.query(`DROP INDEX ${t('attendance_meeting_seat')}`);
    await queryRunner.query(`DROP INDEX ${t('attendance_unnamed_meeting_seat')}`);
    // A second meeting's records on one date cannot fit the old key: they go.
    await queryRunner.query(`DELETE FROM ${t('attendance')} WHERE meeting_id IS NOT NULL`);
    await queryRunner.query(
      `ALTER TABLE ${t('attendance')} ADD CONSTRAINT attendance_body_id_meeting_date_membership_id_key UNIQUE (body_id, meeting_date, membership_id)`,
    );
    await queryRunner.query(`ALTER TABLE ${t('attendance')} DROP COLUMN meeting_id`);
  }
}
