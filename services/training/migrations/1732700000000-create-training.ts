import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaTables } from '@safeguarding/database';

/**
 * Courses, their themes and offering partnerships, sessions, bookings by agency and impact
 * evidence. The session's CHECK (booked_places <= capacity) is the last line against overbooking;
 * the booking statement's conditional UPDATE is the first.
 */
export class CreateTraining1732700000000 implements MigrationInterface {
  name = 'CreateTraining1732700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const t = schemaTables(queryRunner);
    await queryRunner.query(`
      CREATE TABLE ${t('course')} (
        id text PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9.-]{0,127}$'),
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        summary text NOT NULL,
        audience text NOT NULL,
        level text NOT NULL,
        informed_by text[] NOT NULL DEFAULT '{}',
        regional_procedure_chapters jsonb NOT NULL DEFAULT '[]',
        source jsonb NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE ${t('course_theme')} (
        course_id text NOT NULL REFERENCES ${t('course')}(id) ON DELETE CASCADE,
        theme_id text NOT NULL CHECK (theme_id ~ '^[a-z0-9][a-z0-9-]{0,63}$'),
        PRIMARY KEY (course_id, theme_id)
      )`);
    await queryRunner.query(`CREATE INDEX course_theme_theme ON ${t('course_theme')} (theme_id)`);
    await queryRunner.query(`
      CREATE TABLE ${t('course_partnership')} (
        course_id text NOT NULL REFERENCES ${t('course')}(id) ON DELETE CASCADE,
        partnership_id text NOT NULL,
        PRIMARY KEY (course_id, partnership_id)
      )`);
    await queryRunner.query(`CREATE INDEX course_partnership_partnership ON ${t('course_partnership')} (partnership_id)`);
    await queryRunner.query(`
      CREATE TABLE ${t('training_session')} (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        course_id text NOT NULL REFERENCES ${t('course')}(id) ON DELETE CASCADE,
        held_on date NOT NULL,
        delivery_method text NOT NULL
          CHECK (delivery_method IN ('E_LEARNING', 'FACE_TO_FACE', 'VIRTUAL', 'CONFERENCE', 'CASE_STUDY', 'ACTION_LEARNING')),
        capacity integer NOT NULL CHECK (capacity > 0),
        booked_places integer NOT NULL DEFAULT 0,
        feedback_responses integer CHECK (feedback_responses >= 0),
        feedback_rating_total integer,
        feedback_will_change_practice integer,
        source jsonb NOT NULL,
        CHECK (booked_places >= 0 AND booked_places <= capacity),
        CHECK (feedback_rating_total IS NULL OR feedback_rating_total BETWEEN feedback_responses AND 5 * feedback_responses),
        CHECK (feedback_will_change_practice IS NULL OR feedback_will_change_practice BETWEEN 0 AND feedback_responses)
      )`);
    await queryRunner.query(`CREATE INDEX training_session_course ON ${t('training_session')} (course_id, held_on)`);
    await queryRunner.query(`
      CREATE TABLE ${t('training_booking')} (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        session_id uuid NOT NULL REFERENCES ${t('training_session')}(id) ON DELETE CASCADE,
        organisation_id text NOT NULL,
        organisation_sector text NOT NULL,
        places integer NOT NULL CHECK (places > 0),
        attended_places integer,
        booked_on date NOT NULL,
        synthetic boolean NOT NULL DEFAULT false,
        UNIQUE (session_id, organisation_id),
        CHECK (attended_places IS NULL OR attended_places BETWEEN 0 AND places)
      )`);
    await queryRunner.query(`
      CREATE TABLE ${t('impact_evidence')} (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        course_id text NOT NULL REFERENCES ${t('course')}(id) ON DELETE CASCADE,
        partnership_id text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('PRACTICE_AUDIT', 'SUPERVISION', 'PRACTICE_CHANGE')),
        recorded_on date NOT NULL,
        summary text NOT NULL,
        source jsonb NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX impact_evidence_course ON ${t('impact_evidence')} (course_id)`);
    await queryRunner.query(`CREATE INDEX impact_evidence_partnership ON ${t('impact_evidence')} (partnership_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const t = schemaTables(queryRunner);
    for (const table of ['impact_evidence', 'training_booking', 'training_session', 'course_partnership', 'course_theme', 'course']) {
      await queryRunner.query(`DROP TABLE ${t(table)}`);
    }
  }
}
