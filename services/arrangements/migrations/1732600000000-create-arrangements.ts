import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaTables } from '@safeguarding/database';

/** The arrangements schema: partnerships, their facts, the bodies graph and regional procedures. */
export class CreateArrangements1732600000000 implements MigrationInterface {
  name = 'CreateArrangements1732600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const t = schemaTables(queryRunner);
    await queryRunner.query(`
      CREATE TABLE ${t('partnership')} (
        id text PRIMARY KEY,
        name text NOT NULL,
        short_name text NOT NULL,
        police_force text NOT NULL,
        population_value integer CHECK (population_value > 0),
        population_year text,
        population_description text,
        population_source jsonb,
        independent_scrutiny text,
        independent_scrutiny_source jsonb,
        source jsonb NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE ${t('statutory_function')} (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        partnership_id text NOT NULL REFERENCES ${t('partnership')}(id) ON DELETE CASCADE,
        kind text NOT NULL,
        description text NOT NULL,
        source jsonb NOT NULL,
        UNIQUE (partnership_id, kind)
      )`);
    await queryRunner.query(`
      CREATE TABLE ${t('lead_safeguarding_partner')} (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        partnership_id text NOT NULL REFERENCES ${t('partnership')}(id) ON DELETE CASCADE,
        organisation_id text NOT NULL,
        lead_post text,
        delegated_post text,
        source jsonb NOT NULL,
        UNIQUE (partnership_id, organisation_id)
      )`);
    await queryRunner.query(`
      CREATE TABLE ${t('arrangement_document')} (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        partnership_id text NOT NULL REFERENCES ${t('partnership')}(id) ON DELETE CASCADE,
        title text NOT NULL,
        version text,
        approved_on date,
        review_on date,
        published_on date,
        source jsonb NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE ${t('budget')} (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        partnership_id text NOT NULL REFERENCES ${t('partnership')}(id) ON DELETE CASCADE,
        financial_year text,
        total_minor_units integer CHECK (total_minor_units >= 0),
        accountable_body_organisation_id text,
        description text NOT NULL,
        source jsonb NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE ${t('budget_contribution')} (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        budget_id uuid NOT NULL REFERENCES ${t('budget')}(id) ON DELETE CASCADE,
        organisation_id text NOT NULL,
        amount_minor_units integer CHECK (amount_minor_units >= 0),
        description text,
        source jsonb NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX budget_contribution_budget ON ${t('budget_contribution')} (budget_id)`);
    await queryRunner.query(`
      CREATE TABLE ${t('body')} (
        id text PRIMARY KEY,
        name text NOT NULL,
        kind text NOT NULL,
        purpose text NOT NULL,
        reports_to_body_id text REFERENCES ${t('body')}(id),
        meeting_frequency jsonb,
        chair_rule jsonb,
        quorum_rule jsonb,
        uses_paperwork_clock boolean NOT NULL DEFAULT false,
        separate_children_and_adults_time boolean NOT NULL DEFAULT false,
        valid_from date,
        valid_to date,
        version integer NOT NULL DEFAULT 1,
        source jsonb NOT NULL,
        CHECK (valid_to IS NULL OR valid_from IS NULL OR valid_to >= valid_from)
      )`);
    await queryRunner.query(`CREATE INDEX body_reports_to ON ${t('body')} (reports_to_body_id)`);
    await queryRunner.query(`
      CREATE TABLE ${t('body_partnership')} (
        body_id text NOT NULL REFERENCES ${t('body')}(id) ON DELETE CASCADE,
        partnership_id text NOT NULL REFERENCES ${t('partnership')}(id) ON DELETE CASCADE,
        PRIMARY KEY (body_id, partnership_id)
      )`);
    await queryRunner.query(`CREATE INDEX body_partnership_partnership ON ${t('body_partnership')} (partnership_id)`);
    await queryRunner.query(`
      CREATE TABLE ${t('body_relationship')} (
        body_id text NOT NULL REFERENCES ${t('body')}(id) ON DELETE CASCADE,
        related_body_id text NOT NULL REFERENCES ${t('body')}(id) ON DELETE CASCADE,
        PRIMARY KEY (body_id, related_body_id),
        CHECK (body_id <> related_body_id)
      )`);
    await queryRunner.query(`CREATE INDEX body_relationship_related ON ${t('body_relationship')} (related_body_id)`);
    await queryRunner.query(`
      CREATE TABLE ${t('regional_procedure')} (
        id text PRIMARY KEY,
        title text NOT NULL,
        region text NOT NULL,
        description text NOT NULL,
        source jsonb NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE ${t('regional_procedure_adoption')} (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        procedure_id text NOT NULL REFERENCES ${t('regional_procedure')}(id) ON DELETE CASCADE,
        partnership_id text NOT NULL REFERENCES ${t('partnership')}(id) ON DELETE CASCADE,
        how text NOT NULL,
        source jsonb NOT NULL
      )`);
    for (const table of ['statutory_function', 'lead_safeguarding_partner', 'arrangement_document', 'budget', 'regional_procedure_adoption']) {
      await queryRunner.query(`CREATE INDEX ${table}_partnership ON ${t(table)} (partnership_id)`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const t = schemaTables(queryRunner);
    for (const table of [
      'regional_procedure_adoption',
      'regional_procedure',
      'body_relationship',
      'body_partnership',
      'body',
      'budget_contribution',
      'budget',
      'arrangement_document',
      'lead_safeguarding_partner',
      'statutory_function',
      'partnership',
    ]) {
      await queryRunner.query(`DROP TABLE ${t(table)}`);
    }
  }
}
