import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaTables } from '@safeguarding/database';

/** Meetings of bodies: the base for cadence checks, attendance and agendas. */
export class CreateMeetings1732700000000 implements MigrationInterface {
  name = 'CreateMeetings1732700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const t = schemaTables(queryRunner);
    await queryRunner.query(`
      CREATE TABLE ${t('meeting')} (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        body_id text NOT NULL REFERENCES ${t('body')}(id) ON DELETE CASCADE,
        meeting_date date NOT NULL,
        start_time text CHECK (start_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
        location text,
        is_virtual boolean NOT NULL DEFAULT false,
        status text NOT NULL CHECK (status IN ('SCHEDULED', 'HELD', 'CANCELLED')),
        version integer NOT NULL DEFAULT 1,
        source jsonb NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX meeting_body_date ON ${t('meeting')} (body_id, meeting_date)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const t = schemaTables(queryRunner);
    await queryRunner.query(`DROP TABLE ${t('meeting')}`);
  }
}
