import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaTables } from '@safeguarding/database';

/**
 * The programme kept through the API (issue 16): a course's version, provider and retirement; a
 * session's version, times, venue or link and status; a booking's status; and the history of each
 * session's reschedules and cancellation (training_session_change), with a notice per booking
 * that was on the session when it changed (training_booking_notice), so every booking shows why.
 */
export class TrainingSystemOfRecord1734150000000 implements MigrationInterface {
  name = 'TrainingSystemOfRecord1734150000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const t = schemaTables(queryRunner);
    const clock = (column: string) => `${column} text CHECK (${column} ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$')`;
    await queryRunner.query(`
      ALTER TABLE ${t('course')}
        ADD COLUMN version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
        ADD COLUMN retired_on date,
        ADD COLUMN provider_organisation_id text CHECK (provider_organisation_id ~ '^[a-z0-9][a-z0-9-]{0,127}$')`);
    await queryRunner.query(`
      ALTER TABLE ${t('training_session')}
        ADD COLUMN version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
        ADD COLUMN ${clock('starts_at')},
        ADD COLUMN ${clock('ends_at')},
        ADD COLUMN venue text CHECK (length(venue) BETWEEN 1 AND 200),
        ADD COLUMN virtual_link text CHECK (virtual_link ~ '^https://'),
        ADD COLUMN status text NOT NULL DEFAULT 'SCHEDULED' CHECK (status IN ('SCHEDULED', 'CANCELLED')),
        ADD COLUMN cancellation_reason text,
        ADD CONSTRAINT training_session_times CHECK (starts_at IS NULL OR ends_at IS NULL OR starts_at < ends_at),
        ADD CONSTRAINT training_session_cancellation CHECK ((status = 'CANCELLED') = (cancellation_reason IS NOT NULL))`);
    await queryRunner.query(`
      ALTER TABLE ${t('training_booking')}
        ADD COLUMN status text NOT NULL DEFAULT 'BOOKED' CHECK (status IN ('BOOKED', 'CANCELLED_BY_ORGANISER')),
        ADD COLUMN status_reason text,
        ADD CONSTRAINT training_booking_status_reason CHECK ((status = 'BOOKED') = (status_reason IS NULL))`);
    await queryRunner.query(`
      CREATE TABLE ${t('training_session_change')} (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        session_id uuid NOT NULL REFERENCES ${t('training_session')}(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('RESCHEDULED', 'CANCELLED')),
        previous_held_on date NOT NULL,
        ${clock('previous_starts_at')},
        ${clock('previous_ends_at')},
        held_on date,
        ${clock('starts_at')},
        ${clock('ends_at')},
        reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
        recorded_on date NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((kind = 'RESCHEDULED') = (held_on IS NOT NULL))
      )`);
    await queryRunner.query(`CREATE INDEX training_session_change_session ON ${t('training_session_change')} (session_id, recorded_at)`);
    await queryRunner.query(`
      CREATE TABLE ${t('training_booking_notice')} (
        booking_id uuid NOT NULL REFERENCES ${t('training_booking')}(id) ON DELETE CASCADE,
        change_id uuid NOT NULL REFERENCES ${t('training_session_change')}(id) ON DELETE CASCADE,
        PRIMARY KEY (booking_id, change_id)
      )`);
    await queryRunner.query(`CREATE INDEX training_booking_notice_change ON ${t('training_booking_notice')} (change_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const t = schemaTables(queryRunner);
    await queryRunner.query(`DROP TABLE ${t('training_booking_notice')}`);
    await queryRunner.query(`DROP TABLE ${t('training_session_change')}`);
    await queryRunner.query(`ALTER TABLE ${t('training_booking')} DROP COLUMN status_reason, DROP COLUMN status`);
    await queryRunner.query(`
      ALTER TABLE ${t('training_session')}
        DROP COLUMN cancellation_reason, DROP COLUMN status, DROP COLUMN virtual_link, DROP COLUMN venue,
        DROP COLUMN ends_at, DROP COLUMN starts_at, DROP COLUMN version`);
    await queryRunner.query(`ALTER TABLE ${t('course')} DROP COLUMN provider_organisation_id, DROP COLUMN retired_on, DROP COLUMN version`);
  }
}
