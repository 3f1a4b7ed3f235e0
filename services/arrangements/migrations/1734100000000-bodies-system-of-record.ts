import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaTables } from '@safeguarding/database';

/**
 * Bodies as a system of record (issue 16): effective-dated terms, reporting lines with a kind and
 * dates, and the read-only view arrangements publishes for membership.
 *
 * - `body.terms_from`: the date the row's terms (kind, purpose, frequency, chair and quorum rules)
 *   took effect; null when they have held since the body began. Earlier terms move to
 *   `body_terms_history` when a change from a date is recorded, so as-of reads answer from dates.
 * - `body_reporting_line`: several parents per body, each with the kind of line and its dates. The
 *   seeded single line (`body.reports_to_body_id`) is copied here, undated, as REPORTS_TO; the
 *   column stays as the line in force when last written (the bench reads it) but reads use the lines.
 * - `published_body`: arrangements' published contract with membership (see both READMEs): one
 *   row per body with its partnerships, kind and the chair rule in force today in membership's
 *   ChairRuleSnapshot shape, plus the quorum rule's named organisations. Membership's runtime role
 *   may SELECT this view only (packages/database roles.ts); it never reads arrangements' tables.
 */
export class BodiesSystemOfRecord1734100000000 implements MigrationInterface {
  name = 'BodiesSystemOfRecord1734100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const t = schemaTables(queryRunner);
    await queryRunner.query(`ALTER TABLE ${t('body')} ADD COLUMN terms_from date`);
    await queryRunner.query(`
      CREATE TABLE ${t('body_terms_history')} (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        body_id text NOT NULL REFERENCES ${t('body')}(id) ON DELETE CASCADE,
        valid_from date,
        valid_to date NOT NULL,
        kind text NOT NULL,
        purpose text NOT NULL,
        meeting_frequency jsonb,
        chair_rule jsonb,
        quorum_rule jsonb,
        CHECK (valid_from IS NULL OR valid_to >= valid_from)
      )`);
    await queryRunner.query(`CREATE INDEX body_terms_history_body ON ${t('body_terms_history')} (body_id, valid_to)`);
    await queryRunner.query(`
      CREATE TABLE ${t('body_reporting_line')} (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        body_id text NOT NULL REFERENCES ${t('body')}(id) ON DELETE CASCADE,
        parent_body_id text NOT NULL REFERENCES ${t('body')}(id) ON DELETE CASCADE,
        kind text NOT NULL,
        valid_from date,
        valid_to date,
        CHECK (body_id <> parent_body_id),
        CHECK (valid_to IS NULL OR valid_from IS NULL OR valid_to >= valid_from)
      )`);
    await queryRunner.query(`CREATE INDEX body_reporting_line_body ON ${t('body_reporting_line')} (body_id)`);
    await queryRunner.query(`CREATE INDEX body_reporting_line_parent ON ${t('body_reporting_line')} (parent_body_id)`);
    await queryRunner.query(`
      INSERT INTO ${t('body_reporting_line')} (body_id, parent_body_id, kind)
      SELECT id, reports_to_body_id, 'REPORTS_TO' FROM ${t('body')} WHERE reports_to_body_id IS NOT NULL`);
    await queryRunner.query(`
      CREATE VIEW ${t('published_body')} AS
      SELECT b.id AS body_id,
             terms.kind,
             ARRAY(SELECT p.partnership_id FROM ${t('body_partnership')} p WHERE p.body_id = b.id ORDER BY p.partnership_id) AS partnership_ids,
             CASE WHEN terms.chair_rule IS NULL THEN NULL ELSE jsonb_build_object(
               'appointedFrom', terms.chair_rule->>'appointedFrom',
               'organisationId', terms.chair_rule->>'organisationId',
               'termMonths', terms.chair_rule->'termMonths',
               'termAlignedToFinancialYear', COALESCE((terms.chair_rule->>'termAlignedToFinancialYear')::boolean, false),
               'noConsecutiveTermsSameOrganisation', COALESCE((terms.chair_rule->>'noConsecutiveTermsSameOrganisation')::boolean, false),
               'viceChairFromDifferentOrganisation', COALESCE((terms.chair_rule->>'viceChairFromDifferentOrganisation')::boolean, false),
               'viceChairSucceeds', COALESCE((terms.chair_rule->>'viceChairSucceeds')::boolean, false),
               -- The rule in its document's words and its source: membership quotes them when it refuses an appointment.
               'description', terms.chair_rule->>'description',
               'source', COALESCE(terms.chair_rule->'source', b.source))
             END AS chair_rule,
             ARRAY(SELECT jsonb_array_elements_text(COALESCE(terms.quorum_rule->'requiredOrganisationIds', '[]'::jsonb))) AS quorum_organisation_ids,
             b.valid_from,
             b.valid_to
        FROM ${t('body')} b
        LEFT JOIN LATERAL (
          -- The terms in force today: the row's, unless they start later (a change recorded ahead).
          SELECT x.kind, x.chair_rule, x.quorum_rule FROM ${t('body_terms_history')} x
           WHERE x.body_id = b.id AND b.terms_from > current_date AND x.valid_to >= current_date AND (x.valid_from IS NULL OR x.valid_from <= current_date)
           LIMIT 1
        ) earlier ON true
        CROSS JOIN LATERAL (
          SELECT COALESCE(earlier.kind, b.kind) AS kind,
                 CASE WHEN earlier.kind IS NULL THEN b.chair_rule ELSE earlier.chair_rule END AS chair_rule,
                 CASE WHEN earlier.kind IS NULL THEN b.quorum_rule ELSE earlier.quorum_rule END AS quorum_rule
        ) terms`);
    // On a server with roles (least-privilege.ts), membership's runtime role may read this view
    // only; roles.ts grants it too, whichever of the two is set up second.
    await queryRunner.query(`
      DO $$ BEGIN
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'safeguarding_membership_runtime') AND current_user <> 'safeguarding_membership_runtime' THEN
          EXECUTE 'GRANT USAGE ON SCHEMA ' || quote_ident(${quoteLiteralSchema(queryRunner)}) || ' TO safeguarding_membership_runtime';
          EXECUTE 'GRANT SELECT ON ${t('published_body').replace(/'/g, "''")} TO safeguarding_membership_runtime';
        END IF;
      EXCEPTION WHEN insufficient_privilege THEN NULL;
      END $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const t = schemaTables(queryRunner);
    await queryRunner.query(`DROP VIEW ${t('published_body')}`);
    await queryRunner.query(`DROP TABLE ${t('body_reporting_line')}`);
    await queryRunner.query(`DROP TABLE ${t('body_terms_history')}`);
    await queryRunner.query(`ALTER TABLE ${t('body')} DROP COLUMN terms_from`);
  }
}

function quoteLiteralSchema(queryRunner: QueryRunner): string {
  const schema = (queryRunner.connection.options as { schema?: string }).schema ?? 'public';
  return `'${schema.replace(/'/g, "''")}'`;
}
