import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaTables } from '@safeguarding/database';

/**
 * One name for the partnership key: columns that refer to a partnership are `partnership_id`
 * (its value is still the slug, Partnership.id). Renames keep the data, checks and indexes.
 */
export class PartnershipIdColumns1733400000000 implements MigrationInterface {
  name = 'PartnershipIdColumns1733400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const t = schemaTables(queryRunner);
    await queryRunner.query(`ALTER TABLE ${t('body_reference')} RENAME COLUMN partnership_slugs TO partnership_ids`);
    await queryRunner.query(`ALTER TABLE ${t('designation')} RENAME COLUMN partnership_slug TO partnership_id`);
    await queryRunner.query(
      `ALTER TABLE ${t('designation')} RENAME CONSTRAINT designation_partnership_slug_kind_organisation_id_key TO designation_partnership_id_kind_organisation_id_key`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const t = schemaTables(queryRunner);
    await queryRunner.query(
      `ALTER TABLE ${t('designation')} RENAME CONSTRAINT designation_partnership_id_kind_organisation_id_key TO designation_partnership_slug_kind_organisation_id_key`,
    );
    await queryRunner.query(`ALTER TABLE ${t('designation')} RENAME COLUMN partnership_id TO partnership_slug`);
    await queryRunner.query(`ALTER TABLE ${t('body_reference')} RENAME COLUMN partnership_ids TO partnership_slugs`);
  }
}
