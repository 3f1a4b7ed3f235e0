import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { createSubgraphDataSource, openSubgraphDatabase, type SubgraphDatabaseOptions } from './data-source';
import { applyPartnershipScope } from './partnership-scope';
import { ensureSubgraphRoles, isEmbeddedServer, type SubgraphRoles, urlAsRole } from './roles';

export interface OpenedSubgraphDatabase {
  /** What the subgraph serves requests with: its runtime role on a real server. */
  dataSource: DataSource;
  /** The subgraph's roles; null on the embedded server, where everything runs as its one superuser. */
  roles: SubgraphRoles | null;
}

export interface LeastPrivilegeOptions extends SubgraphDatabaseOptions {
  /** Loads seed data as the schema's owner, after the migrations (row-level security does not bind the owner). */
  seed?: (dataSource: DataSource) => Promise<void>;
}

/**
 * Opens a subgraph's database with least privilege where the server allows it: the roles are set
 * up (roles.ts), the migrations and the seed run as the schema's owner role, and the returned data
 * source logs in as the runtime role with the caller's partnership scope on every connection.
 *
 * On the embedded server (PGlite: one session shared by every connection, so no per-connection
 * role) and on a server where `url`'s role may not create roles, it is `openSubgraphDatabase` as
 * before: one role for everything.
 */
export async function openSubgraphDatabaseWithRoles(options: LeastPrivilegeOptions): Promise<OpenedSubgraphDatabase> {
  if (!(await canManageRoles(options.url))) {
    // The seed runs under the start-up lock with the migrations, so replicas seed once.
    const dataSource = await openSubgraphDatabase({ ...options, afterMigrations: options.seed });
    return { dataSource, roles: null };
  }
  const roles = await ensureSubgraphRoles(options.url, options.schema);
  const owner = await openSubgraphDatabase({
    ...options,
    url: urlAsRole(options.url, roles.owner),
    poolSize: 1,
    applicationName: `${options.applicationName}-owner`,
    afterMigrations: options.seed,
  });
  await owner.destroy();
  const dataSource = createSubgraphDataSource({ ...options, url: urlAsRole(options.url, roles.runtime) });
  await dataSource.initialize();
  applyPartnershipScope(dataSource);
  return { dataSource, roles };
}

async function canManageRoles(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    if (await isEmbeddedServer(client)) return false;
    const { rows } = await client.query<{ allowed: boolean }>(`SELECT rolsuper OR rolcreaterole AS allowed FROM pg_roles WHERE rolname = current_user`);
    return rows[0]?.allowed === true;
  } finally {
    await client.end();
  }
}
