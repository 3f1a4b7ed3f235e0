/**
 * Graceful shutdown of a subgraph process: SIGTERM lets in-flight requests finish, then closes the
 * database pool and exits 0; a request that never finishes is cut off after the grace period, so
 * the process still exits. Run as a real child process (test/fixtures/slow-subgraph.js).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { signGatewayAssertion } from '@safeguarding/auth';
import { createTestDatabase, postGraphQL, type TestDatabase } from '@safeguarding/testkit';
import { config, eventually } from './support/harness';

const FIXTURE = path.join(__dirname, 'fixtures', 'slow-subgraph.js');

interface StartedProcess {
  child: ChildProcess;
  url: string;
  lines: string[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  waitForLine(pattern: RegExp): Promise<void>;
}

async function startFixture(databaseUrl: string, mode: 'finish' | 'hang'): Promise<StartedProcess> {
  const child = spawn(process.execPath, [FIXTURE], {
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      DATABASE_URL: databaseUrl,
      DATABASE_POOL_SIZE: '1',
      ARRANGEMENTS_PORT: '0',
      SHUTDOWN_GRACE_SECONDS: '1',
      GATEWAY_SECRET: config.secrets.gateway,
      FIXTURE_MODE: mode,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const waiters: { pattern: RegExp; resolve: () => void }[] = [];
  const onData = (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n').filter(Boolean)) {
      lines.push(line);
      for (const waiter of waiters.filter((w) => w.pattern.test(line))) waiter.resolve();
    }
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const waitForLine = (pattern: RegExp) =>
    lines.some((line) => pattern.test(line))
      ? Promise.resolve()
      : new Promise<void>((resolve, reject) => {
          waiters.push({ pattern, resolve });
          void exited.then(() => reject(new Error(`the fixture exited before printing ${pattern}:\n${lines.join('\n')}`)));
        });
  await waitForLine(/subgraph listening/);
  const port = (JSON.parse(lines.find((line) => /subgraph listening/.test(line))!) as { port: number }).port;
  return { child, url: `http://127.0.0.1:${port}/graphql`, lines, exited, waitForLine };
}

const assertion = () => ({ 'x-gateway-assertion': signGatewayAssertion(config.secrets.gateway, { subject: 'shutdown-test', grants: [] }) });

describe('SIGTERM to a subgraph process', () => {
  let database: TestDatabase;
  const started: ChildProcess[] = [];
  beforeAll(async () => {
    database = await createTestDatabase({ seeded: true });
  });
  afterAll(async () => {
    for (const child of started) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await database?.drop();
  });

  it('finishes the request in flight, closes the pool and exits 0', async () => {
    const fixture = await startFixture(database.url, 'finish');
    started.push(fixture.child);
    expect(await eventually(async () => (await fetch(fixture.url.replace(/graphql$/, 'ready'))).ok, 50)).toBe(true);

    const inFlight = postGraphQL<{ slow: string }>(fixture.url, '{ slow }', {}, assertion());
    await fixture.waitForLine(/slow request started/);
    fixture.child.kill('SIGTERM');

    const response = await inFlight;
    expect(response.errors).toBeUndefined();
    expect(response.data!.slow).toBe('finished after SIGTERM');
    expect(await fixture.exited).toEqual({ code: 0, signal: null });
    expect(fixture.lines.join('\n')).toMatch(/requests drained and database pool closed/);
  });

  it('cuts off a request that never finishes after the grace period, and still exits', async () => {
    const fixture = await startFixture(database.url, 'hang');
    started.push(fixture.child);
    const inFlight = postGraphQL(fixture.url, '{ slow }', {}, assertion()).then(
      () => 'answered',
      () => 'connection closed',
    );
    await fixture.waitForLine(/slow request started/);
    fixture.child.kill('SIGTERM');
    // The bound is the grace period (1 s here) plus the pool's close; jest's timeout would catch a hang.
    expect(await fixture.exited).toEqual({ code: 0, signal: null });
    expect(await inFlight).toBe('connection closed');
    expect(fixture.lines.join('\n')).toMatch(/requests drained and database pool closed/);
  });
});
