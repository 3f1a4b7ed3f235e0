import { Client } from 'pg';

/**
 * Start-up under a PostgreSQL advisory lock, one per subgraph schema, so any number of replicas
 * of a subgraph can start at once: the first migrates (and seeds), the others wait on the lock,
 * then find nothing left to do. Without it two replicas on an empty database raced through the
 * same CREATE TABLE and one died on "duplicate key value violates unique constraint
 * pg_type_typname_nsp_index".
 *
 * The lock is a session lock on a connection of its own (not from the pool: migrations and the
 * seed take pool connections while it is held), so a replica that dies mid-migration releases it
 * with its session, and the migration's own transaction rolls back.
 *
 * The embedded server (PGlite) is one session shared by every connection, where advisory locks
 * never wait; it serves one process per subgraph (npm start), so nothing races there.
 */

/** Arbitrary constant: the first key of the two-key advisory lock, so these locks stand apart from any other use. */
export const STARTUP_LOCK_NAMESPACE = 1_732_900;

/** How long a replica waits for another to finish migrating before it gives up (exit; its supervisor starts it again). */
export const STARTUP_LOCK_TIMEOUT_MILLISECONDS = 10 * 60_000;

export async function withStartupLock<T>(
  url: string,
  schema: string,
  applicationName: string,
  work: () => Promise<T>,
  timeoutMilliseconds = STARTUP_LOCK_TIMEOUT_MILLISECONDS,
): Promise<T> {
  const client = new Client({ connectionString: url, application_name: `${applicationName}-startup-lock`, connectionTimeoutMillis: 10_000 });
  await client.connect();
  // A replica killed while holding the lock must not leave this client's error unhandled.
  client.on('error', () => undefined);
  try {
    await client.query(`SET lock_timeout = ${Math.max(1, Math.round(timeoutMilliseconds))}`);
    try {
      await client.query('SELECT pg_advisory_lock($1, hashtext($2))', [STARTUP_LOCK_NAMESPACE, schema]);
    } catch (error) {
      if ((error as { code?: string }).code === '55P03') {
        throw new Error(
          `Another ${schema} process has been migrating the database for over ${Math.round(timeoutMilliseconds / 1000)} s; ` +
            `look in pg_stat_activity for application_name "${applicationName}-startup-lock" and stop the stuck one, then start again.`,
        );
      }
      throw error;
    }
    return await work();
  } finally {
    // Ending the session releases the lock, also when work() failed.
    await client.end().catch(() => undefined);
  }
}
