import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { startEmbeddedPostgres } from '@safeguarding/database';

/**
 * An isolated database for one test file: a fresh in-memory embedded server by default, or, when
 * DATABASE_URL is set, a fresh database on that server, dropped afterwards. Unique per call, so
 * test files run concurrently without seeing each other's rows.
 */
export interface TestDatabase {
  url: string;
  /** The pool size each subgraph should use against it. */
  poolSize: number;
  embedded: boolean;
  drop(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const embedded = await startEmbeddedPostgres({ port: 0, maxConnections: 12 });
    return { url: embedded.url, poolSize: 1, embedded: true, drop: () => embedded.stop() };
  }
  const name = `test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    poolSize: 4,
    embedded: false,
    async drop() {
      const dropper = new Client({ connectionString: serverUrl });
      await dropper.connect();
      try {
        await dropper.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await dropper.end();
      }
    },
  };
}
