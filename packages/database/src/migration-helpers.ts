import type { QueryRunner } from 'typeorm';

/**
 * Qualifies table names with the subgraph's schema. Migrations never rely on search_path: the
 * embedded server multiplexes every subgraph over one session, so a SET would leak between them.
 */
export function schemaTables(queryRunner: QueryRunner): (table: string) => string {
  const schema = (queryRunner.connection.options as { schema?: string }).schema ?? 'public';
  return (table) => `"${schema}"."${table}"`;
}
