import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaTables } from '@safeguarding/database';

/**
 * Partnership packs (issue 17): a course keeps the ways it is delivered, a fact of the pack's
 * training.yaml that until now lived only in the seed module (the synthetic history draws its
 * sessions' delivery methods from it).
 */
export class TrainingPacks1764600000000 implements MigrationInterface {
  name = 'TrainingPacks1764600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const t = schemaTables(queryRunner);
    await queryRunner.query(`
      ALTER TABLE ${t('course')}
        ADD COLUMN delivery_methods text[] NOT NULL DEFAULT '{}'
          CHECK (delivery_methods <@ ARRAY['E_LEARNING', 'FACE_TO_FACE', 'VIRTUAL', 'CONFERENCE', 'CASE_STUDY', 'ACTION_LEARNING']::text[])`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const t = schemaTables(queryRunner);
    await queryRunner.query(`ALTER TABLE ${t('course')} DROP COLUMN delivery_methods`);
  }
}
