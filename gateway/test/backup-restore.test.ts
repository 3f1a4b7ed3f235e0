/**
 * scripts/backup.sh and scripts/restore.sh, tested once per database path: back up a seeded
 * database, lose it, restore it, and find every row again (a checksum per table), the audit
 * trail's append-only trigger included.
 *
 * With DATABASE_URL set: pg_dump/pg_restore against the real server. Without: the embedded
 * database (PGlite, which pg_dump cannot read: it reports PostgreSQL 18, newer than pg_dump 15
 * here), through PGlite's own dump of its data folder.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { REPOSITORY_ROOT } from '@safeguarding/config';
import { openSubgraphDatabase, startEmbeddedPostgres } from '@safeguarding/database';
import { loadSubgraphModule } from '@safeguarding/testkit';

const run = promisify(execFile);
const serverUrl = process.env.DATABASE_URL;
const describeOnServer: (name: string, body: () => void) => void = serverUrl ? describe : () => undefined;
const describeEmbedded: (name: string, body: () => void) => void = serverUrl ? () => undefined : describe;
const backupScript = path.join(REPOSITORY_ROOT, 'scripts', 'backup.sh');
const restoreScript = path.join(REPOSITORY_ROOT, 'scripts', 'restore.sh');

/** Rows and an md5 of every table of the given schemas. */
async function checksums(databaseUrl: string, schemas: string[]): Promise<Record<string, string>> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const tables = (
      await client.query<{ schema: string; table: string }>(
        `SELECT table_schema AS schema, table_name AS table FROM information_schema.tables WHERE table_schema = ANY($1) AND table_type = 'BASE TABLE' ORDER BY 1, 2`,
        [schemas],
      )
    ).rows;
    const result: Record<string, string> = {};
    for (const { schema, table } of tables) {
      const row = (
        await client.query<{ rows: string; digest: string }>(
          `SELECT count(*)::text AS rows, coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') AS digest FROM "${schema}"."${table}" t`,
        )
      ).rows[0]!;
      result[`${schema}.${table}`] = `${row.rows}:${row.digest}`;
    }
    return result;
  } finally {
    await client.end();
  }
}

/** Arrangements and thresholds, migrated and seeded, with one audit event each. */
async function seed(databaseUrl: string, poolSize: number): Promise<void> {
  for (const subgraph of ['arrangements', 'thresholds']) {
    const module = loadSubgraphModule(subgraph);
    const dataSource = await openSubgraphDatabase({
      url: databaseUrl,
      schema: module.databaseSchema,
      entities: module.entities,
      migrations: module.migrations,
      poolSize,
      applicationName: 'backup-test',
    });
    await module.seed(dataSource);
    await dataSource.query(`INSERT INTO "${module.databaseSchema}"."audit_event" (subject, field, arguments) VALUES ('backup-test', 'updateBody', '{}')`);
    await dataSource.destroy();
  }
}

async function expectAppendOnlyAuditTrail(databaseUrl: string): Promise<void> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await expect(client.query(`DELETE FROM "arrangements"."audit_event"`)).rejects.toThrow(/append-only/);
  } finally {
    await client.end();
  }
}

describeOnServer('backup and restore with pg_dump/pg_restore', () => {
  const name = `backup_test_${Date.now().toString(36)}`;
  const databaseUrl = (() => {
    const url = new URL(serverUrl ?? 'postgres://localhost/none');
    url.pathname = `/${name}`;
    return url.toString();
  })();
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'safeguarding-backup-'));
  const file = path.join(directory, 'test.dump');

  async function admin(sql: string) {
    const client = new Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  }

  beforeAll(async () => {
    await admin(`CREATE DATABASE "${name}"`);
    await seed(databaseUrl, 2);
  });
  afterAll(async () => {
    await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    fs.rmSync(directory, { recursive: true, force: true });
  });

  it('backs up, survives dropping the database, and restores every row', async () => {
    const before = await checksums(databaseUrl, ['arrangements', 'thresholds']);
    expect(Object.keys(before).length).toBeGreaterThan(20);
    expect(Number(before['arrangements.body']!.split(':')[0])).toBeGreaterThan(0);

    const backup = await run(backupScript, [file], { env: { ...process.env, DATABASE_URL: databaseUrl } });
    expect(backup.stdout.trim()).toBe(file);
    expect(fs.statSync(file).size).toBeGreaterThan(1000);

    await admin(`DROP DATABASE "${name}" WITH (FORCE)`);
    await admin(`CREATE DATABASE "${name}"`);
    expect(await checksums(databaseUrl, ['arrangements', 'thresholds'])).toEqual({});

    await run(restoreScript, [file], { env: { ...process.env, DATABASE_URL: databaseUrl } });
    expect(await checksums(databaseUrl, ['arrangements', 'thresholds'])).toEqual(before);

    // The audit trail came back append-only.
    await expectAppendOnlyAuditTrail(databaseUrl);
  });

  it('refuses to restore without a backup file', async () => {
    await expect(run(restoreScript, [path.join(directory, 'missing.dump')], { env: { ...process.env, DATABASE_URL: databaseUrl } })).rejects.toMatchObject({
      code: 2,
    });
  });
});

describeEmbedded('backup and restore of the embedded database (PGlite dumpDataDir)', () => {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'safeguarding-embedded-backup-'));
  const dataDirectory = path.join(directory, 'pglite');
  const file = path.join(directory, 'backups', 'embedded.tar.gz');
  // The scripts read the embedded folder from EMBEDDED_DATA_DIR (packages/config).
  const env = { ...process.env, DATABASE_URL: '', EMBEDDED_DATA_DIR: dataDirectory };
  let before: Record<string, string>;

  /** Runs `work` against the embedded server on the test's folder, then stops it. */
  async function withServer<T>(work: (url: string) => Promise<T>): Promise<T> {
    const embedded = await startEmbeddedPostgres({ dataDirectory, port: 0, maxConnections: 4 });
    try {
      return await work(embedded.url);
    } finally {
      await embedded.stop();
    }
  }

  beforeAll(async () => {
    before = await withServer(async (url) => {
      await seed(url, 1);
      return checksums(url, ['arrangements', 'thresholds']);
    });
  });
  afterAll(() => fs.rmSync(directory, { recursive: true, force: true }));

  it('refuses to back up while the embedded server runs, or when there is no embedded database', async () => {
    await withServer(async () => {
      await expect(run(backupScript, [file], { env })).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('stop "npm start" first') });
    });
    await expect(run(backupScript, [file], { env: { ...env, EMBEDDED_DATA_DIR: path.join(directory, 'none') } })).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('There is no embedded database'),
    });
    expect(fs.existsSync(file)).toBe(false);
  });

  it('backs up, survives losing the data folder, and restores every row', async () => {
    expect(Object.keys(before).length).toBeGreaterThan(20);
    expect(Number(before['arrangements.body']!.split(':')[0])).toBeGreaterThan(0);

    const backup = await run(backupScript, [file], { env });
    expect(backup.stdout.trim()).toBe(file);
    expect(fs.statSync(file).size).toBeGreaterThan(1000);

    fs.rmSync(dataDirectory, { recursive: true, force: true });
    const restored = await run(restoreScript, [file], { env });
    expect(restored.stdout).toContain(`restored ${file}`);

    await withServer(async (url) => {
      expect(await checksums(url, ['arrangements', 'thresholds'])).toEqual(before);
      await expectAppendOnlyAuditTrail(url);
    });
  });

  it('leaves the database as it was when the file is not a backup', async () => {
    const notABackup = path.join(directory, 'not-a-backup.tar.gz');
    fs.writeFileSync(notABackup, 'this is not a tarball');
    await expect(run(restoreScript, [notABackup], { env })).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('nothing was changed') });
    await withServer(async (url) => {
      expect(await checksums(url, ['arrangements', 'thresholds'])).toEqual(before);
    });
  });
});
