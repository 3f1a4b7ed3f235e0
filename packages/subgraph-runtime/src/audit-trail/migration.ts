import type { MigrationInterface, QueryRunner } from 'typeorm';
import { auditEventTable } from './table';

/**
 * The audit table, as a migration every subgraph lists in its migrations/index.ts (one table per
 * subgraph schema, append-only: a trigger refuses UPDATE and DELETE). Schema-qualified; never
 * relies on search_path.
 */
export class CreateAuditTrail1733200000000 implements MigrationInterface {
  name = 'CreateAuditTrail1733200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = (queryRunner.connection.options as { schema?: string }).schema ?? 'public';
    const name = auditEventTable(schema);
    await queryRunner.query(`CREATE TABLE ${name} (
      id bigserial PRIMARY KEY,
      at timestamptz NOT NULL DEFAULT now(),
      subject text NOT NULL,
      grants text[] NOT NULL DEFAULT '{}',
      request_id text,
      operation_name text,
      field text NOT NULL,
      arguments jsonb NOT NULL,
      result_id text,
      result jsonb,
      error_code text,
      partnership_slugs text[] NOT NULL DEFAULT '{}'
    )`);
    await queryRunner.query(`CREATE INDEX audit_event_partnerships ON ${name} USING gin (partnership_slugs)`);
    await queryRunner.query(`CREATE FUNCTION "${schema}".audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN RAISE EXCEPTION 'the audit trail is append-only: % refused', TG_OP; END $fn$`);
    await queryRunner.query(
      `CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON ${name} FOR EACH ROW EXECUTE FUNCTION "${schema}".audit_event_append_only()`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const schema = (queryRunner.connection.options as { schema?: string }).schema ?? 'public';
    await queryRunner.query(`DROP TABLE ${auditEventTable(schema)}`);
    await queryRunner.query(`DROP FUNCTION "${schema}".audit_event_append_only()`);
  }
}
