import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaTables } from '@safeguarding/database';

/**
 * Facts the documents give in prose, typed so a user can query them (issue 17): the area a
 * partnership covers in hectares with the provenance of the area, and indicators the documents
 * quote (rates per 10,000, shares of the land or population) as measure, value, unit, count and
 * period, each with its provenance. Indicators are read with their partnership, never alone, so
 * they are a jsonb list on the partnership row rather than a table. An escalation step gains its
 * own provenance (a pack labels each step; steps recorded through the API keep none).
 */
export class PartnershipPackFacts1734140000000 implements MigrationInterface {
  name = 'PartnershipPackFacts1734140000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const t = schemaTables(queryRunner);
    await queryRunner.query(`
      ALTER TABLE ${t('partnership')}
        ADD COLUMN area_hectares integer CHECK (area_hectares > 0),
        ADD COLUMN area_source jsonb,
        ADD COLUMN indicators jsonb NOT NULL DEFAULT '[]'::jsonb`);
    await queryRunner.query(`ALTER TABLE ${t('escalation_step')} ADD COLUMN source jsonb`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const t = schemaTables(queryRunner);
    await queryRunner.query(`ALTER TABLE ${t('escalation_step')} DROP COLUMN source`);
    await queryRunner.query(`ALTER TABLE ${t('partnership')} DROP COLUMN indicators, DROP COLUMN area_source, DROP COLUMN area_hectares`);
  }
}
