import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaTables } from '@safeguarding/database';

/** The reviews schema: the theme vocabulary, review kinds and their clocks, reviews and their learning. */
export class CreateReviews1732700000000 implements MigrationInterface {
  name = 'CreateReviews1732700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const t = schemaTables(queryRunner);
    await queryRunner.query(`
      CREATE TABLE ${t('theme')} (
        id text PRIMARY KEY,
        name text NOT NULL,
        description text NOT NULL,
        applies_to text NOT NULL CHECK (applies_to IN ('CHILDREN', 'ADULTS', 'ALL')),
        source jsonb NOT NULL
      )`);
    await queryRunner.query(`CREATE TABLE ${t('partnership')} (id text PRIMARY KEY)`);
    await queryRunner.query(`
      CREATE TABLE ${t('review_kind')} (
        id text PRIMARY KEY,
        name text NOT NULL UNIQUE,
        category text NOT NULL CHECK (category IN ('CASE_REVIEW', 'AUDIT')),
        concerns text NOT NULL CHECK (concerns IN ('CHILDREN', 'ADULTS', 'ALL')),
        description text NOT NULL,
        code_prefix text NOT NULL,
        sort_order integer NOT NULL,
        source jsonb NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE ${t('review_clock')} (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        partnership_id text REFERENCES ${t('partnership')}(id) ON DELETE CASCADE,
        review_kind_id text NOT NULL REFERENCES ${t('review_kind')}(id) ON DELETE CASCADE,
        milestone text NOT NULL CHECK (milestone IN ('REVIEW_COMPLETION', 'ACTION_PLAN_COMPLETION', 'LEARNING_BRIEFING_PUBLICATION')),
        length integer NOT NULL CHECK (length BETWEEN 1 AND 1000),
        unit text NOT NULL CHECK (unit IN ('WORKING_DAYS', 'MONTHS')),
        starts_from text NOT NULL CHECK (starts_from IN ('NOTIFICATION', 'SIGN_OFF')),
        source jsonb
      )`);
    // One default and at most one partnership clock per kind and milestone (NULLs are not equal in UNIQUE).
    await queryRunner.query(`CREATE UNIQUE INDEX review_clock_one_per_scope ON ${t('review_clock')} (coalesce(partnership_id, ''), review_kind_id, milestone)`);
    await queryRunner.query(`
      CREATE TABLE ${t('review')} (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        partnership_id text NOT NULL REFERENCES ${t('partnership')}(id),
        review_kind_id text NOT NULL REFERENCES ${t('review_kind')}(id),
        code text NOT NULL,
        status text NOT NULL CHECK (status IN ('NOTIFIED', 'IN_PROGRESS', 'SIGNED_OFF', 'PUBLISHED')),
        notified_on date NOT NULL,
        started_on date,
        signed_off_on date,
        published_on date,
        learning_briefing_published_on date,
        is_synthetic boolean NOT NULL DEFAULT false,
        version integer NOT NULL DEFAULT 1,
        UNIQUE (partnership_id, code),
        CHECK (started_on IS NULL OR started_on >= notified_on),
        CHECK (signed_off_on IS NULL OR (started_on IS NOT NULL AND signed_off_on >= started_on)),
        CHECK (published_on IS NULL OR (signed_off_on IS NOT NULL AND published_on >= signed_off_on)),
        CHECK (learning_briefing_published_on IS NULL OR (signed_off_on IS NOT NULL AND learning_briefing_published_on >= signed_off_on))
      )`);
    await queryRunner.query(`CREATE INDEX review_by_kind ON ${t('review')} (review_kind_id)`);
    await queryRunner.query(`
      CREATE TABLE ${t('review_theme')} (
        review_id uuid NOT NULL REFERENCES ${t('review')}(id) ON DELETE CASCADE,
        theme_id text NOT NULL REFERENCES ${t('theme')}(id),
        PRIMARY KEY (review_id, theme_id)
      )`);
    await queryRunner.query(`CREATE INDEX review_theme_theme ON ${t('review_theme')} (theme_id)`);
    await queryRunner.query(`
      CREATE TABLE ${t('learning_point')} (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        review_id uuid NOT NULL REFERENCES ${t('review')}(id) ON DELETE CASCADE,
        theme_id text NOT NULL REFERENCES ${t('theme')}(id),
        text text NOT NULL,
        position integer NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX learning_point_review ON ${t('learning_point')} (review_id)`);
    await queryRunner.query(`
      CREATE TABLE ${t('action_plan_action')} (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        review_id uuid NOT NULL REFERENCES ${t('review')}(id) ON DELETE CASCADE,
        description text NOT NULL,
        owner_organisation_id text NOT NULL,
        due_on date,
        rag_status text NOT NULL CHECK (rag_status IN ('NOT_STARTED', 'IN_PROGRESS', 'COMPLETED')),
        completed_on date,
        position integer NOT NULL,
        version integer NOT NULL DEFAULT 1,
        CHECK ((rag_status = 'COMPLETED') = (completed_on IS NOT NULL))
      )`);
    await queryRunner.query(`CREATE INDEX action_plan_action_review ON ${t('action_plan_action')} (review_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const t = schemaTables(queryRunner);
    for (const table of ['action_plan_action', 'learning_point', 'review_theme', 'review', 'review_clock', 'review_kind', 'partnership', 'theme']) {
      await queryRunner.query(`DROP TABLE ${t(table)}`);
    }
  }
}
