import type pino from 'pino';
import type { DataSource } from 'typeorm';

/** What the recorder and the trail's resolvers need to reach one subgraph's audit table. */
export interface AuditOptions {
  subgraph: string;
  /** The subgraph's PostgreSQL schema, which holds its audit_event table. */
  schema: string;
  dataSource: DataSource;
  logger: pino.Logger;
}

/** The audit table of a subgraph's schema, schema-qualified (never through search_path). */
export const auditEventTable = (schema: string) => `"${schema}"."audit_event"`;
