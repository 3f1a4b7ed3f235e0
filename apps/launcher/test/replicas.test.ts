/**
 * Several replicas of each subgraph started at once on an empty database: three processes of
 * every subgraph (the built services/<name>/dist/main.js, 15 in all) race to migrate and seed;
 * the start-up lock (packages/database/src/startup-lock.ts) lets one do it while the others wait.
 * All serve, and every table holds exactly the rows of one seeding (compared with a database
 * seeded once, table by table), so nothing was seeded twice.
 *
 * Only against a real PostgreSQL server (DATABASE_URL set): the embedded server is one PGlite
 * session shared by every connection, which cannot host replicas (npm start runs one process
 * per subgraph, and restarts one only after it exited).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { Client } from 'pg';
import { REPOSITORY_ROOT, SUBGRAPHS } from '@safeguarding/config';
import { openSubgraphDatabase } from '@safeguarding/database';
import { createTestDatabase, loadSubgraphModule, type TestDatabase } from '@safeguarding/testkit';

const REPLICAS = 3;

async function rowCounts(url: string): Promise<Record<string, number>> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const tables = (
      await client.query<{ schema: string; table: string }>(
        `SELECT table_schema AS schema, table_name AS table FROM information_schema.tables WHERE table_schema = ANY($1) AND table_type = 'BASE TABLE' ORDER BY 1, 2`,
        [SUBGRAPHS.map((s) => s.name)],
      )
    ).rows;
    const counts: Record<string, number> = {};
    for (const { schema, table } of tables)
      counts[`${schema}.${table}`] = Number((await client.query(`SELECT count(*) AS n FROM "${schema}"."${table}"`)).rows[0].n);
    return counts;
  } finally {
    await client.end();
  }
}

describe(`${REPLICAS} replicas of every subgraph started at once on an empty database`, () => {
  let racing: TestDatabase;
  let reference: TestDatabase;
  const replicas: { name: string; child: ChildProcess; lines: string[]; exited: Promise<number | null> }[] = [];

  beforeAll(async () => {
    [racing, reference] = [await createTestDatabase(), await createTestDatabase()];
  });
  afterAll(async () => {
    for (const { child } of replicas) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await racing?.drop();
    await reference?.drop();
  });

  it('all serve, and the seed data is there once', async () => {
    for (const { name } of SUBGRAPHS) {
      for (let i = 0; i < REPLICAS; i++) {
        const child = spawn(process.execPath, [path.join(REPOSITORY_ROOT, 'services', name, 'dist', 'main.js')], {
          env: {
            PATH: process.env.PATH,
            NODE_ENV: 'test',
            LOG_LEVEL: 'info',
            DATABASE_URL: racing.url,
            DATABASE_POOL_SIZE: '2',
            [`${name.toUpperCase()}_PORT`]: '0',
          },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        const lines: string[] = [];
        const collect = (chunk: Buffer) => lines.push(...chunk.toString().split('\n').filter(Boolean));
        child.stdout.on('data', collect);
        child.stderr.on('data', collect);
        replicas.push({ name, child, lines, exited: new Promise((resolve) => child.once('exit', (code) => resolve(code))) });
      }
    }
    // Each replica either says it is ready (with its URL) or exits; bounded by the test's timeout.
    const urls = await Promise.all(
      replicas.map(
        ({ name, lines, exited }) =>
          new Promise<string>((resolve, reject) => {
            const timer = setInterval(() => {
              const ready = lines.find((line) => line.includes(`${name} subgraph ready`));
              if (ready) {
                clearInterval(timer);
                resolve((JSON.parse(ready) as { url: string }).url);
              }
            }, 100);
            void exited.then((code) => {
              clearInterval(timer);
              reject(new Error(`a ${name} replica exited with code ${code} while starting:\n${lines.join('\n')}`));
            });
          }),
      ),
    );
    expect(urls).toHaveLength(SUBGRAPHS.length * REPLICAS);
    const readiness = await Promise.all(urls.map(async (url) => (await fetch(url.replace(/graphql$/, 'ready'))).status));
    expect(readiness).toEqual(urls.map(() => 200));

    // The oracle: the same subgraphs migrated and seeded once, one after another, in this process.
    for (const { name } of SUBGRAPHS) {
      const module = loadSubgraphModule(name);
      const dataSource = await openSubgraphDatabase({
        url: reference.url,
        schema: module.databaseSchema,
        entities: module.entities,
        migrations: module.migrations,
        poolSize: 2,
        applicationName: `reference-${name}`,
        afterMigrations: (opened) => module.seed(opened),
      });
      await dataSource.destroy();
    }
    const [raced, once] = [await rowCounts(racing.url), await rowCounts(reference.url)];
    expect(Object.keys(raced).length).toBeGreaterThan(20);
    expect(raced['arrangements.partnership']).toBe(3);
    expect(raced).toEqual(once);
  }, 600_000);
});
