import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaTables } from '@safeguarding/database';

/**
 * Membership's first-start seed copies its bodies from `published_body` (it loads its seats from the
 * packs), and the seed runs as membership's owner role, not its runtime role: on a server with
 * roles (least-privilege.ts) the owner may read the view too. roles.ts grants the same, whichever
 * schema is set up second.
 */
export class PublishedBodyForMembershipSeed1734150000000 implements MigrationInterface {
  name = 'PublishedBodyForMembershipSeed1734150000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = (queryRunner.connection.options as { schema?: string }).schema ?? 'public';
    const view = schemaTables(queryRunner)('published_body').replace(/'/g, "''");
    await queryRunner.query(`
      DO $$ BEGIN
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'safeguarding_membership_owner') AND current_user <> 'safeguarding_membership_owner' THEN
          EXECUTE 'GRANT USAGE ON SCHEMA ' || quote_ident('${schema.replace(/'/g, "''")}') || ' TO safeguarding_membership_owner';
          EXECUTE 'GRANT SELECT ON ${view} TO safeguarding_membership_owner';
        END IF;
      EXCEPTION WHEN insufficient_privilege THEN NULL;
      END $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const view = schemaTables(queryRunner)('published_body').replace(/'/g, "''");
    await queryRunner.query(`
      DO $$ BEGIN
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'safeguarding_membership_owner') THEN
          EXECUTE 'REVOKE SELECT ON ${view} FROM safeguarding_membership_owner';
        END IF;
      EXCEPTION WHEN insufficient_privilege THEN NULL;
      END $$`);
  }
}
