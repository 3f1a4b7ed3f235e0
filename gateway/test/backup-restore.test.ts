/**
 * scripts/backup.sh and scripts/restore.sh, tested once: back up a seeded database, drop it,
 * restore it into a new empty one, and find every row again (a checksum per table), the audit
 * trail's append-only trigger included.
 *
 * Only against a real PostgreSQL server (DATABASE_URL set): the embedded server is PGlite, which
 * reports PostgreSQL 18 while the pg_dump installed here is older and refuses a newer server; and
 * the embedded database is a development convenience with nothing to keep.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { REPOSITORY_ROOT } from '@safeguarding/config';
import { openSubgraphDatabase } from '@safeguarding/database';
import { loadSubgraphModule } from '@safeguarding/testkit';

const run = promisify(execFile);
const serverUrl = process.env.DATABASE_URL;
// Defined only against a real server (pg_dump 15 refuses the embedded PGlite 18; see above), so
// nothing is reported as skipped: the embedded run has its own test below that says why.
const describeOnServer: (name: string, body: () => void) => void = serverUrl ? describe : () => undefined;

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

  /** Rows and an md5 of every table of the given schemas. */
  async function checksums(schemas: string[]): Promise<Record<string, string>> {
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
        const row = (await client.query<{ rows: string; digest: string }>(`SELECT count(*)::text AS rows, coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') AS digest FROM "${schema}"."${table}" t`)).rows[0]!;
        result[`${schema}.${table}`] = `${row.rows}:${row.digest}`;
      }
      return result;
    } finally {
      await client.end();
    }
  }

  beforeAll(async () => {
    await admin(`CREATE DATABASE "${name}"`);
    for (const subgraph of ['arrangements', 'thresholds']) {
      const module = loadSubgraphModule(subgraph);
      const dataSource = await openSubgraphDatabase({ url: databaseUrl, schema: module.databaseSchema, entities: module.entities, migrations: module.migrations, poolSize: 2, applicationName: 'backup-test' });
      await module.seed(dataSource);
      await dataSource.query(`INSERT INTO "${module.databaseSchema}"."audit_event" (subject, field, arguments) VALUES ('backup-test', 'updateBody', '{}')`);
      await dataSource.destroy();
    }
  });
  afterAll(async () => {
    await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    fs.rmSync(directory, { recursive: true, force: true });
  });

  it('backs up, survives dropping the database, and restores every row', async () => {
    const before = await checksums(['arrangements', 'thresholds']);
    expect(Object.keys(before).length).toBeGreaterThan(20);
    expect(Number(before['arrangements.body']!.split(':')[0])).toBeGreaterThan(0);

    const backup = await run(path.join(REPOSITORY_ROOT, 'scripts', 'backup.sh'), [file], { env: { ...process.env, DATABASE_URL: databaseUrl } });
    expect(backup.stdout.trim()).toBe(file);
    expect(fs.statSync(file).size).toBeGreaterThan(1000);

    await admin(`DROP DATABASE "${name}" WITH (FORCE)`);
    await admin(`CREATE DATABASE "${name}"`);
    expect(await checksums(['arrangements', 'thresholds'])).toEqual({});

    await run(path.join(REPOSITORY_ROOT, 'scripts', 'restore.sh'), [file], { env: { ...process.env, DATABASE_URL: databaseUrl } });
    expect(await checksums(['arrangements', 'thresholds'])).toEqual(before);

    // The audit trail came back append-only.
    const client = new Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      await expect(client.query(`DELETE FROM "arrangements"."audit_event"`)).rejects.toThrow(/append-only/);
    } finally {
      await client.end();
    }
  });

  it('refuses to run without DATABASE_URL or a backup file', async () => {
    const env = { ...process.env, DATABASE_URL: '' };
    await expect(run(path.join(REPOSITORY_ROOT, 'scripts', 'backup.sh'), [file], { env })).rejects.toMatchObject({ code: 2 });
    await expect(run(path.join(REPOSITORY_ROOT, 'scripts', 'restore.sh'), [path.join(directory, 'missing.dump')], { env: { ...process.env, DATABASE_URL: databaseUrl } })).rejects.toMatchObject({
      code: 2,
    });
  });
});

if (!serverUrl) {
  it('does not apply to the embedded server (see the file comment); run with DATABASE_URL set', () => {
    expect(serverUrl).toBeUndefined();
  });
}
