import { STARTUP_LOCK_NAMESPACE } from './startup-lock';
import { Client } from 'pg';

/**
 * Least privilege on a real PostgreSQL server: each subgraph schema has an owner role, which runs
 * its migrations (DDL), and a runtime role, which the subgraph serves requests with: DML on its own
 * schema's tables only, no DDL, no other schema, not a superuser.
 *
 * Roles are cluster-wide while grants are per database, so the setup is idempotent and race-safe:
 * test files create their own databases on one server at the same time, and `npm start` starts
 * every subgraph at once.
 */
export interface SubgraphRoles {
  owner: string;
  runtime: string;
}

/**
 * Read-only views one subgraph publishes for another, its published contract (see the owner's
 * README): the reader's runtime role may SELECT each view and nothing else in the owner's schema.
 * Granted by whichever of the two schemas is set up once the view exists (the owner's migration
 * grants it too when the reader's role is already there).
 */
export const PUBLISHED_VIEWS: readonly { schema: string; view: string; reader: string }[] = [
  { schema: 'arrangements', view: 'published_body', reader: 'membership' },
];

export function subgraphRoles(schema: string): SubgraphRoles {
  if (!/^[a-z][a-z0-9_]*$/.test(schema)) throw new Error(`Schema name "${schema}" must be lower-case letters, digits and underscores to name its roles.`);
  return { owner: `safeguarding_${schema}_owner`, runtime: `safeguarding_${schema}_runtime` };
}

/** The same server and database as `url`, logged in as `role` (password from PGPASSWORD or ~/.pgpass). */
export function urlAsRole(url: string, role: string): string {
  const parsed = new URL(url);
  parsed.username = role;
  parsed.password = '';
  return parsed.toString();
}

/** PGlite (the embedded server) is one session shared by every connection; see embedded.ts. */
export async function isEmbeddedServer(client: Client): Promise<boolean> {
  const { rows } = await client.query<{ version: string }>('SELECT version()');
  return /PGlite/i.test(rows[0]?.version ?? '');
}

const RACE_CODES = new Set([
  '23505', // unique_violation: another database's setup created the same role a moment earlier
  '42710', // duplicate_object
  'XX000', // "tuple concurrently updated" from concurrent GRANTs on one catalog row
  '40P01', // deadlock_detected
]);

/**
 * Creates the subgraph's roles when missing, hands its schema (and anything in it) to the owner
 * role and grants the runtime role DML on it, now and for tables the owner creates later.
 * `adminUrl` must be a role that may create roles (the server's superuser in development).
 */
export async function ensureSubgraphRoles(adminUrl: string, schema: string): Promise<SubgraphRoles> {
  const roles = subgraphRoles(schema);
  const client = new Client({ connectionString: adminUrl, application_name: `roles-${schema}` });
  await client.connect();
  try {
    for (let attempt = 1; ; attempt += 1) {
      try {
        await client.query('BEGIN');
        // Waits while a replica of this subgraph migrates and seeds (startup-lock.ts): granting on every
        // table in the schema while a migration alters one fails with "tuple concurrently updated".
        // First, holding nothing else: a seed may wait for another subgraph's (membership waits for
        // arrangements' bodies), which must not then wait for the lock below held by this wait.
        await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [STARTUP_LOCK_NAMESPACE, schema]);
        // Then serialises the setup of one database (advisory locks are per database); roles from
        // other databases' setups are caught as duplicates above and retried.
        await client.query(`SELECT pg_advisory_xact_lock(hashtext('safeguarding subgraph roles'))`);
        await setUp(client, schema, roles);
        await client.query('COMMIT');
        return roles;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        const code = (error as { code?: string }).code;
        if (attempt >= 5 || !code || !RACE_CODES.has(code)) throw error;
        await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
      }
    }
  } finally {
    await client.end();
  }
}

async function setUp(client: Client, schema: string, roles: SubgraphRoles): Promise<void> {
  const q = (name: string) => `"${name}"`;
  const existing = new Set(
    (await client.query<{ rolname: string }>(`SELECT rolname FROM pg_roles WHERE rolname = ANY($1)`, [[roles.owner, roles.runtime]])).rows.map(
      (row) => row.rolname,
    ),
  );
  for (const role of [roles.owner, roles.runtime]) {
    if (!existing.has(role)) await client.query(`CREATE ROLE ${q(role)} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT NOREPLICATION NOBYPASSRLS`);
  }
  const database = (await client.query<{ name: string }>('SELECT current_database() AS name')).rows[0]!.name;
  // The owner's CREATE SCHEMA IF NOT EXISTS is checked against this privilege even when the schema exists.
  await client.query(`GRANT CREATE ON DATABASE ${q(database)} TO ${q(roles.owner)}`);
  await client.query(`CREATE SCHEMA IF NOT EXISTS ${q(schema)} AUTHORIZATION ${q(roles.owner)}`);
  await client.query(`ALTER SCHEMA ${q(schema)} OWNER TO ${q(roles.owner)}`);
  // A database made before these roles existed: everything in the schema moves to the owner.
  const owned = await client.query<{ kind: string; name: string }>(
    `SELECT CASE c.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'TABLE' END AS kind, c.relname AS name
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = $1 AND c.relkind IN ('r', 'p', 'S', 'v', 'm') AND pg_get_userbyid(c.relowner) <> $2
        AND NOT (c.relkind = 'S' AND EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype IN ('a', 'i')))`,
    [schema, roles.owner],
  );
  for (const { kind, name } of owned.rows) await client.query(`ALTER ${kind} ${q(schema)}.${q(name)} OWNER TO ${q(roles.owner)}`);
  const functions = await client.query<{ signature: string }>(
    `SELECT p.oid::regprocedure::text AS signature FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = $1 AND pg_get_userbyid(p.proowner) <> $2`,
    [schema, roles.owner],
  );
  for (const { signature } of functions.rows) await client.query(`ALTER FUNCTION ${signature} OWNER TO ${q(roles.owner)}`);
  await client.query(`REVOKE ALL ON SCHEMA ${q(schema)} FROM PUBLIC`);
  await client.query(`GRANT USAGE ON SCHEMA ${q(schema)} TO ${q(roles.runtime)}`);
  await client.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${q(schema)} TO ${q(roles.runtime)}`);
  await client.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${q(schema)} TO ${q(roles.runtime)}`);
  await client.query(
    `ALTER DEFAULT PRIVILEGES FOR ROLE ${q(roles.owner)} IN SCHEMA ${q(schema)} GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${q(roles.runtime)}`,
  );
  await client.query(`ALTER DEFAULT PRIVILEGES FOR ROLE ${q(roles.owner)} IN SCHEMA ${q(schema)} GRANT USAGE, SELECT ON SEQUENCES TO ${q(roles.runtime)}`);
  await grantPublishedViews(client, schema);
}

/** The published views this schema owns or reads, where both the view and the reader's role exist. */
async function grantPublishedViews(client: Client, schema: string): Promise<void> {
  const q = (name: string) => `"${name}"`;
  for (const published of PUBLISHED_VIEWS.filter((candidate) => candidate.schema === schema || candidate.reader === schema)) {
    // The runtime role reads it to answer requests; the owner role, which runs the seed, to copy it at first start.
    const { owner, runtime } = subgraphRoles(published.reader);
    for (const reader of [runtime, owner]) {
      const { rows } = await client.query<{ ready: boolean }>(
        `SELECT to_regclass($1) IS NOT NULL AND EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $2) AS ready`,
        [`${q(published.schema)}.${q(published.view)}`, reader],
      );
      if (!rows[0]?.ready) continue;
      await client.query(`GRANT USAGE ON SCHEMA ${q(published.schema)} TO ${q(reader)}`);
      await client.query(`GRANT SELECT ON ${q(published.schema)}.${q(published.view)} TO ${q(reader)}`);
    }
  }
}
