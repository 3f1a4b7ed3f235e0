import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaTables } from '@safeguarding/database';

/**
 * Partnership facts as a system of record: a version on each partnership (every fact edit takes
 * the version the caller read), its area and establishment date, Lead Safeguarding Partners with
 * the dates they held the role (a change ends one row and starts another), and population and area
 * figures for further years beside the one the seed documents give.
 */
export class PartnershipFactsHistory1734110000000 implements MigrationInterface {
  name = 'PartnershipFactsHistory1734110000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const t = schemaTables(queryRunner);
    await queryRunner.query(`
      ALTER TABLE ${t('partnership')}
        ADD COLUMN area text,
        ADD COLUMN established_on date,
        ADD COLUMN version integer NOT NULL DEFAULT 1`);
    await queryRunner.query(`
      ALTER TABLE ${t('lead_safeguarding_partner')}
        DROP CONSTRAINT lead_safeguarding_partner_partnership_id_organisation_id_key,
        ADD COLUMN valid_from date,
        ADD COLUMN valid_to date,
        ADD CONSTRAINT lead_safeguarding_partner_dates_in_order CHECK (valid_to IS NULL OR valid_from IS NULL OR valid_to >= valid_from)`);
    await queryRunner.query(
      `CREATE INDEX lead_safeguarding_partner_organisation ON ${t('lead_safeguarding_partner')} (partnership_id, organisation_id, valid_from)`,
    );
    await queryRunner.query(`
      CREATE TABLE ${t('population_figure')} (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        partnership_id text NOT NULL REFERENCES ${t('partnership')}(id) ON DELETE CASCADE,
        year text NOT NULL,
        value integer NOT NULL CHECK (value > 0),
        area_hectares integer CHECK (area_hectares > 0),
        description text NOT NULL,
        source jsonb NOT NULL,
        UNIQUE (partnership_id, year)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const t = schemaTables(queryRunner);
    await queryRunner.query(`DROP TABLE ${t('population_figure')}`);
    await queryRunner.query(`DROP INDEX ${t('lead_safeguarding_partner_organisation')}`);
    await queryRunner.query(`
      ALTER TABLE ${t('lead_safeguarding_partner')}
        DROP CONSTRAINT lead_safeguarding_partner_dates_in_order,
        DROP COLUMN valid_to,
        DROP COLUMN valid_from,
        ADD CONSTRAINT lead_safeguarding_partner_partnership_id_organisation_id_key UNIQUE (partnership_id, organisation_id)`);
    await queryRunner.query(`ALTER TABLE ${t('partnership')} DROP COLUMN version, DROP COLUMN established_on, DROP COLUMN area`);
  }
}
