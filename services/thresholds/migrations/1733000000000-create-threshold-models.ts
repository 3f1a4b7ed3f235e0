import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaTables } from '@safeguarding/database';

/**
 * Threshold models (versioned per partnership), their levels and indicators, the regional scale
 * and the crosswalk between them. Indicator text is searchable through a generated tsvector
 * column with a GIN index: it works the same on PGlite and on PostgreSQL, and needs no trigger.
 */
export class CreateThresholdModels1733000000000 implements MigrationInterface {
  name = 'CreateThresholdModels1733000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const t = schemaTables(queryRunner);
    await queryRunner.query(`
      CREATE TABLE ${t('regional_level')} (
        id text PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9-]{0,63}$'),
        rank integer NOT NULL UNIQUE CHECK (rank BETWEEN 1 AND 10),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        description text NOT NULL,
        provenance text NOT NULL,
        source jsonb NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE ${t('threshold_model')} (
        id text PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9.-]{0,127}$'),
        partnership_id text NOT NULL CHECK (partnership_id ~ '^[a-z0-9][a-z0-9-]{0,63}$'),
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 400),
        document_version text,
        approved_on date,
        effective_from date,
        effective_to date,
        verified boolean NOT NULL,
        provenance text NOT NULL,
        front_door jsonb,
        source jsonb NOT NULL,
        CHECK (effective_to IS NULL OR effective_from IS NULL OR effective_to >= effective_from)
      )`);
    // Two versions of one partnership's model may not start on the same day: as-of would be ambiguous.
    await queryRunner.query(
      `CREATE UNIQUE INDEX threshold_model_partnership_start ON ${t('threshold_model')} (partnership_id, effective_from) NULLS NOT DISTINCT`,
    );
    await queryRunner.query(`
      CREATE TABLE ${t('threshold_level')} (
        id text PRIMARY KEY,
        model_id text NOT NULL REFERENCES ${t('threshold_model')} (id) ON DELETE CASCADE,
        code text NOT NULL CHECK (code ~ '^[a-z0-9][a-z0-9-]{0,63}$'),
        rank integer NOT NULL CHECK (rank BETWEEN 1 AND 10),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        descriptor text,
        responses text[] NOT NULL DEFAULT '{}',
        assessment_required text,
        led_by text,
        verified boolean NOT NULL,
        provenance text NOT NULL,
        source jsonb NOT NULL,
        UNIQUE (model_id, code),
        UNIQUE (model_id, rank)
      )`);
    await queryRunner.query(`
      CREATE TABLE ${t('threshold_indicator')} (
        id text PRIMARY KEY,
        level_id text NOT NULL REFERENCES ${t('threshold_level')} (id) ON DELETE CASCADE,
        position integer NOT NULL,
        text text NOT NULL CHECK (length(text) BETWEEN 1 AND 1000),
        source jsonb NOT NULL,
        search_vector tsvector GENERATED ALWAYS AS (to_tsvector('english', text)) STORED,
        UNIQUE (level_id, position)
      )`);
    await queryRunner.query(`CREATE INDEX threshold_indicator_level ON ${t('threshold_indicator')} (level_id)`);
    await queryRunner.query(`CREATE INDEX threshold_indicator_search ON ${t('threshold_indicator')} USING gin (search_vector)`);
    await queryRunner.query(`
      CREATE TABLE ${t('crosswalk_mapping')} (
        level_id text PRIMARY KEY REFERENCES ${t('threshold_level')} (id) ON DELETE CASCADE,
        regional_level_ids text[] NOT NULL CHECK (cardinality(regional_level_ids) BETWEEN 1 AND 2),
        rationale text NOT NULL CHECK (length(rationale) BETWEEN 1 AND 2000),
        confidence text NOT NULL CHECK (confidence IN ('HIGH', 'MEDIUM', 'LOW')),
        version integer NOT NULL DEFAULT 1,
        edited_by text,
        edited_at timestamptz,
        source jsonb NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const t = schemaTables(queryRunner);
    await queryRunner.query(`DROP TABLE ${t('crosswalk_mapping')}`);
    await queryRunner.query(`DROP TABLE ${t('threshold_indicator')}`);
    await queryRunner.query(`DROP TABLE ${t('threshold_level')}`);
    await queryRunner.query(`DROP TABLE ${t('threshold_model')}`);
    await queryRunner.query(`DROP TABLE ${t('regional_level')}`);
  }
}
