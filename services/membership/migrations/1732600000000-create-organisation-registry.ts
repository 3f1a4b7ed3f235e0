import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaTables } from '@safeguarding/database';

/** The shared organisation registry. */
export class CreateOrganisationRegistry1732600000000 implements MigrationInterface {
  name = 'CreateOrganisationRegistry1732600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const t = schemaTables(queryRunner);
    await queryRunner.query(`
      CREATE TABLE ${t('organisation')} (
        id text PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9-]{0,63}$'),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        sector text NOT NULL,
        also_known_as text[] NOT NULL DEFAULT '{}',
        source jsonb
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX organisation_name_unique ON ${t('organisation')} (lower(name))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const t = schemaTables(queryRunner);
    await queryRunner.query(`DROP TABLE ${t('organisation')}`);
  }
}
