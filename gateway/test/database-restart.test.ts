/**
 * PostgreSQL restarted under load: while writers keep scheduling meetings through the gateway,
 * the database goes away and comes back. The subgraph must report itself unready (/ready 503,
 * and the gateway's /ready with it), recover by itself when the database returns, and no write
 * it acknowledged may be lost.
 *
 * - Always: the embedded PostgreSQL, kept in a data directory, stopped and started again on the
 *   same port (the same subgraph process and pool throughout).
 * - On the real server, only when RESILIENCE_RESTART_POSTGRES=1 and DATABASE_URL are set:
 *   pg_ctlcluster stop, then start. It breaks every other connection to the server, so CI runs
 *   it alone, in its own step, after everything else.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '@safeguarding/database';
import { createTestDatabase, grant, postGraphQL, type TestDatabase } from '@safeguarding/testkit';
import { baseUrl, ControllableFederation, eventually } from './support/harness';

const admin = [grant('partnership-admin', 'shropshire')];
const WRITERS = 4;
/** Upper bound on write attempts per writer, whatever happens. */
const MAX_ATTEMPTS_PER_WRITER = 400;

interface Outcome {
  acknowledged: Map<string, string>;
  failedDuringOutage: number;
  sawSubgraphUnready: boolean;
  sawGatewayDegraded: boolean;
  recoveredWrites: number;
  leakedMessages: string[];
}

async function readyStatus(url: string): Promise<number> {
  try {
    return (await fetch(url, { signal: AbortSignal.timeout(5000) })).status;
  } catch {
    return 0;
  }
}

/**
 * Writers schedule meetings (each with a unique location) until told to stop; meanwhile the
 * database is stopped and started. Returns what was acknowledged and what was observed.
 */
async function writeThroughRestart(
  federation: ControllableFederation,
  stopDatabase: () => Promise<void>,
  startDatabase: () => Promise<void>,
): Promise<Outcome> {
  const arrangements = federation.subgraphs.get('arrangements')!;
  const bodies = await postGraphQL<{ partnership: { bodies: { id: string; validTo: string | null }[] } }>(
    federation.gatewayUrl,
    `{ partnership(slug: "shropshire") { bodies { id validTo } } }`,
  );
  const bodyId = bodies.data!.partnership.bodies.find((body) => body.validTo === null)!.id;

  const outcome: Outcome = {
    acknowledged: new Map(),
    failedDuringOutage: 0,
    sawSubgraphUnready: false,
    sawGatewayDegraded: false,
    recoveredWrites: 0,
    leakedMessages: [],
  };
  let phase: 'before' | 'outage' | 'after' = 'before';
  let stop = false;
  const runId = Date.now().toString(36);

  const writer = async (writerIndex: number) => {
    for (let attempt = 0; attempt < MAX_ATTEMPTS_PER_WRITER && !stop; attempt += 1) {
      const location = `restart-${runId}-${writerIndex}-${attempt}`;
      const response = await postGraphQL<{ scheduleMeeting: { id: string } }>(
        federation.gatewayUrl,
        `mutation ($bodyId: ID!, $input: ScheduleMeetingInput!) { scheduleMeeting(bodyId: $bodyId, input: $input) { id } }`,
        // Extraordinary: many meetings of one body on one day (an ordinary one holds its day alone).
        { as: admin, variables: { bodyId, input: { date: '2031-03-03', location, extraordinary: true } } },
      ).catch(() => undefined);
      if (response?.data?.scheduleMeeting && !response.errors) {
        outcome.acknowledged.set(response.data.scheduleMeeting.id, location);
        if (phase === 'after') outcome.recoveredWrites += 1;
      } else {
        if (phase === 'outage') outcome.failedDuringOutage += 1;
        for (const error of response?.errors ?? [])
          if (/SELECT|INSERT|ECONNREFUSED|127\.0\.0\.1|\n\s+at /.test(error.message)) outcome.leakedMessages.push(error.message);
      }
      // A breath between writes, so an outage is not a busy loop.
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  };
  const writers = Array.from({ length: WRITERS }, (_, index) => writer(index));

  const subgraphReady = arrangements.url.replace(/\/graphql$/, '/ready');
  const gatewayReady = `${baseUrl(federation.gatewayUrl)}/ready`;
  try {
    expect(await eventually(async () => outcome.acknowledged.size >= 20, 300)).toBe(true);

    phase = 'outage';
    await stopDatabase();
    outcome.sawSubgraphUnready = await eventually(async () => (await readyStatus(subgraphReady)) === 503, 100);
    outcome.sawGatewayDegraded = (await readyStatus(gatewayReady)) === 503;
    // Let the writers meet the outage a few times.
    await eventually(async () => outcome.failedDuringOutage >= WRITERS * 2, 200, 50);

    await startDatabase();
    phase = 'after';
    // Recovers by itself: same subgraph, same pool, nobody restarts anything.
    expect(await eventually(async () => (await readyStatus(subgraphReady)) === 200, 300)).toBe(true);
    expect(await eventually(async () => outcome.recoveredWrites >= 20, 300)).toBe(true);
  } finally {
    stop = true;
    await Promise.all(writers);
  }
  return outcome;
}

/** Every acknowledged write, read back through the gateway after the restart. */
async function missingWrites(federation: ControllableFederation, acknowledged: Map<string, string>): Promise<string[]> {
  const response = await postGraphQL<{ partnership: { bodies: { meetings: { id: string; location: string | null }[] }[] } }>(
    federation.gatewayUrl,
    `{ partnership(slug: "shropshire") { bodies { meetings { id location } } } }`,
  );
  expect(response.errors).toBeUndefined();
  const stored = new Map(response.data!.partnership.bodies.flatMap((body) => body.meetings.map((meeting) => [meeting.id, meeting.location] as const)));
  return [...acknowledged].filter(([id, location]) => stored.get(id) !== location).map(([id]) => id);
}

function expectResilient(outcome: Outcome) {
  expect(outcome.sawSubgraphUnready).toBe(true);
  expect(outcome.sawGatewayDegraded).toBe(true);
  expect(outcome.failedDuringOutage).toBeGreaterThan(0);
  expect(outcome.recoveredWrites).toBeGreaterThanOrEqual(20);
  expect(outcome.leakedMessages).toEqual([]);
}

describe('the embedded PostgreSQL restarted under load', () => {
  let dataDirectory: string;
  let embedded: EmbeddedPostgres | undefined;
  let federation: ControllableFederation;
  let port: number;

  beforeAll(async () => {
    dataDirectory = fs.mkdtempSync(path.join(os.tmpdir(), 'resilience-pglite-'));
    embedded = await startEmbeddedPostgres({ dataDirectory, port: 0, maxConnections: 12 });
    port = embedded.port;
    federation = new ControllableFederation(embedded.url, 1);
    await federation.startSubgraph('arrangements');
    await federation.startGateway();
  });
  afterAll(async () => {
    await federation?.stop();
    await embedded?.stop();
    fs.rmSync(dataDirectory, { recursive: true, force: true });
  });

  it('reports unready, recovers by itself, and loses no acknowledged write', async () => {
    const outcome = await writeThroughRestart(
      federation,
      async () => {
        await embedded!.stop();
        embedded = undefined;
      },
      async () => {
        embedded = await startEmbeddedPostgres({ dataDirectory, port, maxConnections: 12 });
      },
    );
    expectResilient(outcome);
    expect(await missingWrites(federation, outcome.acknowledged)).toEqual([]);
  });
});

const restartRealServer = process.env.RESILIENCE_RESTART_POSTGRES === '1';

describe('the real-server restart test', () => {
  it('runs only when asked, and then needs DATABASE_URL (RESILIENCE_RESTART_POSTGRES=1 DATABASE_URL=postgres://...)', () => {
    // Restarting the shared server breaks other suites' connections, so it never runs by default.
    if (restartRealServer && !process.env.DATABASE_URL) {
      throw new Error('RESILIENCE_RESTART_POSTGRES=1 restarts the real PostgreSQL server, so it needs DATABASE_URL pointing at it.');
    }
  });
});

if (restartRealServer && process.env.DATABASE_URL) {
  describe('the real PostgreSQL server restarted under load (RESILIENCE_RESTART_POSTGRES=1)', () => {
    const cluster = () => {
      const versions = fs.readdirSync('/etc/postgresql');
      if (versions.length !== 1) throw new Error(`Expected one PostgreSQL version in /etc/postgresql, found: ${versions.join(', ') || 'none'}`);
      return versions[0]!;
    };
    const pgCtlCluster = (action: 'stop' | 'start') => {
      execFileSync('pg_ctlcluster', ['--skip-systemctl-redirect', cluster(), 'main', action], { stdio: 'inherit' });
    };
    let database: TestDatabase;
    let federation: ControllableFederation;

    beforeAll(async () => {
      database = await createTestDatabase({ seeded: true });
      federation = new ControllableFederation(database.url, database.poolSize);
      await federation.startSubgraph('arrangements');
      await federation.startGateway();
    });
    afterAll(async () => {
      await federation?.stop();
      await database?.drop();
    });

    it('reports unready, recovers by itself, and loses no acknowledged write', async () => {
      const outcome = await writeThroughRestart(
        federation,
        async () => pgCtlCluster('stop'),
        async () => {
          pgCtlCluster('start');
          expect(
            await eventually(
              async () => {
                try {
                  execFileSync('pg_isready', ['-h', '127.0.0.1', '-q']);
                  return true;
                } catch {
                  return false;
                }
              },
              100,
              200,
            ),
          ).toBe(true);
        },
      );
      expectResilient(outcome);
      expect(await missingWrites(federation, outcome.acknowledged)).toEqual([]);
    });
  });
}
