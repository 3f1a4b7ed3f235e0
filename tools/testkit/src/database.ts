import { Client } from 'pg';
import { startEmbeddedPostgres } from '@safeguarding/database';
import { copyServerTemplate, embeddedTemplateDump, uniqueDatabaseName } from './template';

/**
 * An isolated database for one test file: a fresh in-memory embedded server by default, or, when
 * DATABASE_URL is set, a fresh database on that server, dropped afterwards. Unique per call, so
 * test files run concurrently without seeing each other's rows.
 *
 * Empty unless `seeded`: then it is a copy of the run's template (template.ts), every subgraph
 * migrated and seeded, which takes a second or two instead of migrating and seeding again. Tests
 * of the migrations themselves ask for an empty one.
 */
export interface TestDatabase {
  url: string;
  /** The pool size each subgraph should use against it. */
  poolSize: number;
  embedded: boolean;
  /** Every present subgraph already migrated and seeded. */
  seeded: boolean;
  drop(): Promise<void>;
}

export interface TestDatabaseOptions {
  /** Start from the migrated and seeded template instead of an empty database (default false). */
  seeded?: boolean;
}

export async function createTestDatabase(options: TestDatabaseOptions = {}): Promise<TestDatabase> {
  const seeded = options.seeded === true;
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const embedded = await startEmbeddedPostgres({ port: 0, maxConnections: 12, loadDataDirectory: seeded ? await embeddedTemplateDump() : undefined });
    return { url: embedded.url, poolSize: 1, embedded: true, seeded, drop: () => embedded.stop() };
  }
  const name = uniqueDatabaseName();
  if (seeded) await copyServerTemplate(serverUrl, name);
  else {
    const admin = new Client({ connectionString: serverUrl });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE "${name}"`);
    } finally {
      await admin.end();
    }
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    poolSize: 4,
    embedded: false,
    seeded,
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
