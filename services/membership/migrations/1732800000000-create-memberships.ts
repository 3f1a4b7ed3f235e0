import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaTables } from '@safeguarding/database';

/**
 * Posts, seats on bodies, designations and attendance. Bodies and meetings belong to arrangements:
 * body_reference keeps the little membership needs about a body (no foreign key crosses schemas),
 * and attendance names a meeting by its body and date.
 */
export class CreateMemberships1732800000000 implements MigrationInterface {
  name = 'CreateMemberships1732800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const t = schemaTables(queryRunner);
    await queryRunner.query(`
      CREATE TABLE ${t('body_reference')} (
        body_id text PRIMARY KEY CHECK (length(body_id) BETWEEN 1 AND 200),
        kind text NOT NULL,
        partnership_slugs text[] NOT NULL CHECK (cardinality(partnership_slugs) > 0),
        chair_rule jsonb,
        membership_version integer NOT NULL DEFAULT 1
      )`);
    await queryRunner.query(`
      CREATE TABLE ${t('post')} (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id text NOT NULL REFERENCES ${t('organisation')}(id),
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
        also_known_as text[] NOT NULL DEFAULT '{}',
        source jsonb
      )`);
    // One post of a title per organisation, whatever its case; (id, organisation_id) lets seats prove the post is the organisation's.
    await queryRunner.query(`CREATE UNIQUE INDEX post_title_unique ON ${t('post')} (organisation_id, lower(title))`);
    await queryRunner.query(`CREATE UNIQUE INDEX post_id_organisation ON ${t('post')} (id, organisation_id)`);
    await queryRunner.query(`
      CREATE TABLE ${t('post_holding')} (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        post_id uuid NOT NULL REFERENCES ${t('post')}(id) ON DELETE CASCADE,
        person_name text NOT NULL CHECK (length(person_name) BETWEEN 1 AND 200),
        start_date date,
        end_date date,
        CHECK (end_date IS NULL OR start_date IS NULL OR end_date >= start_date)
      )`);
    await queryRunner.query(`CREATE INDEX post_holding_post ON ${t('post_holding')} (post_id)`);
    await queryRunner.query(`
      CREATE TABLE ${t('body_membership')} (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        body_id text NOT NULL REFERENCES ${t('body_reference')}(body_id),
        organisation_id text NOT NULL REFERENCES ${t('organisation')}(id),
        post_id uuid,
        role text NOT NULL CHECK (role IN ('MEMBER', 'NAMED_DEPUTY', 'VIRTUAL_MEMBER', 'CO_OPTED', 'CHAIR', 'VICE_CHAIR')),
        deputy_for_membership_id uuid REFERENCES ${t('body_membership')}(id),
        co_opted_for_review text,
        list text,
        start_date date,
        end_date date,
        description text,
        source jsonb,
        FOREIGN KEY (post_id, organisation_id) REFERENCES ${t('post')}(id, organisation_id),
        CHECK (end_date IS NULL OR start_date IS NULL OR end_date >= start_date),
        CHECK ((role = 'NAMED_DEPUTY') = (deputy_for_membership_id IS NOT NULL)),
        CHECK ((role = 'CO_OPTED') = (co_opted_for_review IS NOT NULL))
      )`);
    await queryRunner.query(`CREATE INDEX body_membership_body ON ${t('body_membership')} (body_id)`);
    await queryRunner.query(`CREATE INDEX body_membership_organisation ON ${t('body_membership')} (organisation_id)`);
    await queryRunner.query(`
      CREATE TABLE ${t('designation')} (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        partnership_slug text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('LEAD_SAFEGUARDING_PARTNER', 'DELEGATED_SAFEGUARDING_PARTNER', 'INDEPENDENT_SCRUTINEER', 'INDEPENDENT_CHAIR', 'ACCOUNTABLE_BODY')),
        organisation_id text NOT NULL REFERENCES ${t('organisation')}(id),
        post_id uuid,
        source jsonb NOT NULL,
        FOREIGN KEY (post_id, organisation_id) REFERENCES ${t('post')}(id, organisation_id),
        UNIQUE (partnership_slug, kind, organisation_id)
      )`);
    await queryRunner.query(`CREATE INDEX designation_organisation ON ${t('designation')} (organisation_id)`);
    await queryRunner.query(`
      CREATE TABLE ${t('attendance')} (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        body_id text NOT NULL REFERENCES ${t('body_reference')}(body_id),
        meeting_date date NOT NULL,
        membership_id uuid NOT NULL REFERENCES ${t('body_membership')}(id),
        outcome text NOT NULL CHECK (outcome IN ('ATTENDED', 'APOLOGIES', 'ABSENT')),
        attended_as text CHECK (attended_as IN ('MEMBER', 'NAMED_DEPUTY')),
        apology_reason text CHECK (length(apology_reason) <= 500),
        apology_reason_valid boolean,
        source jsonb,
        CHECK ((outcome = 'ATTENDED') = (attended_as IS NOT NULL)),
        CHECK (outcome = 'APOLOGIES' OR (apology_reason IS NULL AND apology_reason_valid IS NULL)),
        UNIQUE (body_id, meeting_date, membership_id)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const t = schemaTables(queryRunner);
    for (const table of ['attendance', 'designation', 'body_membership', 'post_holding', 'post', 'body_reference']) {
      await queryRunner.query(`DROP TABLE ${t(table)}`);
    }
  }
}
