import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaTables } from '@safeguarding/database';

/**
 * Row-level security: an unpublished review, and its learning points, are readable and writable
 * only under the scope of a caller from its own partnership (`safeguarding.partnerships`, set on
 * every connection from the verified caller; packages/database/src/partnership-scope.ts). This is
 * in addition to the resolvers' checks, so a data-layer call that forgets them still gets no such
 * row. The schema's owner (migrations, seed) and superusers are not bound by it.
 *
 * Counts and aggregates over every review, published or not (timeliness, comparison, agenda
 * counts, repeated themes), read `review_for_counts`: a view that runs as its owner, so returns
 * every row; resolvers return nothing individual from it.
 */
export class ReviewRowLevelSecurity1733300000000 implements MigrationInterface {
  name = 'ReviewRowLevelSecurity1733300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const t = schemaTables(queryRunner);
    const inScope = `partnership_id = ANY (string_to_array(current_setting('safeguarding.partnerships', true), ','))`;
    await queryRunner.query(`CREATE VIEW ${t('review_for_counts')} AS SELECT * FROM ${t('review')}`);
    await queryRunner.query(`ALTER TABLE ${t('review')} ENABLE ROW LEVEL SECURITY`);
    await queryRunner.query(`CREATE POLICY review_inside_its_partnership ON ${t('review')} USING (status = 'PUBLISHED' OR ${inScope})`);
    await queryRunner.query(`ALTER TABLE ${t('learning_point')} ENABLE ROW LEVEL SECURITY`);
    // The subquery is itself filtered by the review policy above.
    await queryRunner.query(
      `CREATE POLICY learning_point_of_a_visible_review ON ${t('learning_point')} USING (EXISTS (SELECT 1 FROM ${t('review')} r WHERE r.id = review_id))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const t = schemaTables(queryRunner);
    await queryRunner.query(`DROP POLICY learning_point_of_a_visible_review ON ${t('learning_point')}`);
    await queryRunner.query(`ALTER TABLE ${t('learning_point')} DISABLE ROW LEVEL SECURITY`);
    await queryRunner.query(`DROP POLICY review_inside_its_partnership ON ${t('review')}`);
    await queryRunner.query(`ALTER TABLE ${t('review')} DISABLE ROW LEVEL SECURITY`);
    await queryRunner.query(`DROP VIEW ${t('review_for_counts')}`);
  }
}
