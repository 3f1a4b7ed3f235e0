import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaTables } from '@safeguarding/database';

/** Serves the per-partnership review list in its order (bench finding at England scale). */
export class ReviewPartnershipNotified1733100000000 implements MigrationInterface {
  name = 'ReviewPartnershipNotified1733100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const t = schemaTables(queryRunner);
    await queryRunner.query(`CREATE INDEX review_partnership_notified ON ${t('review')} (partnership_id, notified_on, code)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const schema = (queryRunner.connection.options as { schema?: string }).schema ?? 'public';
    await queryRunner.query(`DROP INDEX "${schema}"."review_partnership_notified"`);
  }
}
