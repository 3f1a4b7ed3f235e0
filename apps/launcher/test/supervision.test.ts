/**
 * `npm start` keeps the platform up: the launcher runs as a real process (the built dist, on
 * ports 4110-4119 of this test's own), a subgraph killed with SIGKILL under load is restarted and
 * serves again within 5 s while the rest keep answering, and a subgraph that fails every time it
 * starts (its port is taken) is given up on while the rest serve. Ctrl+C (SIGINT) then stops
 * everything and the launcher exits 0.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { REPOSITORY_ROOT } from '@safeguarding/config';
import { createTestDatabase, postGraphQL, type TestDatabase } from '@safeguarding/testkit';

const PORTS = {
  GATEWAY_PORT: 4110,
  ARRANGEMENTS_PORT: 4111,
  MEMBERSHIP_PORT: 4112,
  REVIEWS_PORT: 4113,
  TRAINING_PORT: 4114,
  THRESHOLDS_PORT: 4115,
  EMBEDDED_PORT: 4119,
};
const GATEWAY = `http://127.0.0.1:${PORTS.GATEWAY_PORT}/graphql`;
// arrangements, reviews and thresholds; each field nullable, so one subgraph down nulls only its own.
const QUERY = `{ partnership(slug: "shropshire") { name } theme(id: "neglect") { name } thresholdModel(id: "shropshire.2017") { id } }`;

type Answer = Awaited<ReturnType<typeof postGraphQL<{ partnership: { name: string } | null; theme: { name: string } | null; thresholdModel: unknown }>>>;
const ask = (): Promise<Answer> => postGraphQL(GATEWAY, QUERY);
const unavailable = (answer: Answer) => (answer.errors ?? []).filter((e) => e.extensions?.code === 'SUBGRAPH_UNAVAILABLE').map((e) => e.extensions?.subgraph);

describe('the launcher supervises the platform', () => {
  let database: TestDatabase | undefined;
  let launcher: ChildProcess;
  let exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  const lines: string[] = [];
  /** When each line arrived, to show the restart's timeline if it is slow. */
  const stamps: number[] = [];
  const dataDirectory = fs.mkdtempSync(path.join(os.tmpdir(), 'safeguarding-launcher-'));
  // Holds the thresholds port, so every thresholds process fails at listen (EADDRINUSE) as it starts.
  const squatter = net.createServer((socket) => socket.destroy());

  const waitForLine = async (pattern: RegExp, timeoutMilliseconds: number): Promise<string> => {
    const deadline = Date.now() + timeoutMilliseconds;
    while (Date.now() < deadline) {
      const line = lines.find((l) => pattern.test(l));
      if (line) return line;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`the launcher did not print ${pattern} within ${timeoutMilliseconds / 1000} s; it printed:\n${lines.join('\n')}`);
  };

  beforeAll(async () => {
    await new Promise<void>((resolve) => squatter.listen(PORTS.THRESHOLDS_PORT, '127.0.0.1', resolve));
    // Against the real server: a fresh database of its own; embedded: the launcher starts its own in dataDirectory.
    database = process.env.DATABASE_URL ? await createTestDatabase() : undefined;
    const environment: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      NODE_ENV: 'test',
      LOG_LEVEL: 'error',
      SHUTDOWN_GRACE_SECONDS: '1',
      EMBEDDED_DATA_DIR: dataDirectory,
      ...Object.fromEntries(Object.entries(PORTS).map(([key, value]) => [key, String(value)])),
      ...(database ? { DATABASE_URL: database.url } : {}),
    };
    launcher = spawn(process.execPath, [path.join(REPOSITORY_ROOT, 'apps', 'launcher', 'dist', 'main.js')], {
      env: environment,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const collect = (chunk: Buffer) => {
      const now = Date.now();
      for (const line of chunk.toString().split('\n').filter(Boolean)) {
        lines.push(line);
        stamps.push(now);
      }
    };
    launcher.stdout!.on('data', collect);
    launcher.stderr!.on('data', collect);
    exited = new Promise((resolve) => launcher.once('exit', (code, signal) => resolve({ code, signal })));
    // Generous: the first start migrates and seeds every subgraph, on a machine shared with other work.
    await waitForLine(/Gateway ready/, 540_000);
  }, 600_000);

  afterAll(async () => {
    if (launcher && launcher.exitCode === null && launcher.signalCode === null) {
      launcher.kill('SIGINT');
      await exited;
    }
    await new Promise((resolve) => squatter.close(resolve));
    await database?.drop();
    fs.rmSync(dataDirectory, { recursive: true, force: true });
  });

  it('gives up on a subgraph that fails every time it starts, and the rest serve without it', async () => {
    const givenUp = await waitForLine(/thresholds stopped \(exit code 1\) 5 times in a row.*giving up on it/, 60_000);
    expect(givenUp).toMatch(/The rest of the platform keeps serving without it/);
    expect(lines.filter((l) => /^thresholds stopped unexpectedly \(exit code 1\).*restarting it in/.test(l))).toHaveLength(4);
    const answer = await ask();
    expect(answer.status).toBe(200);
    expect(answer.data).toEqual({ partnership: { name: 'Shropshire Safeguarding Community Partnership' }, theme: { name: 'Neglect' }, thresholdModel: null });
    expect(unavailable(answer)).toEqual(['thresholds']);
  });

  it('restarts a subgraph killed with SIGKILL under load: the rest keep answering and it serves again within 5 s', async () => {
    const reviewsPid = Number(/reviews subgraph ready on port \d+ \(pid (\d+)\)/.exec(await waitForLine(/reviews subgraph ready/, 1000))![1]);
    expect((await ask()).data!.theme).toEqual({ name: 'Neglect' });

    // Load: a request every 50 ms or so until reviews is back (bounded in count and time).
    const answers: { at: number; answer: Answer }[] = [];
    let killedAt = 0;
    let backAt = 0;
    const loadDeadline = Date.now() + 60_000;
    for (let i = 0; i < 3000 && Date.now() < loadDeadline && !backAt; i++) {
      if (i === 20) {
        process.kill(reviewsPid, 'SIGKILL');
        killedAt = Date.now();
      }
      const answer = await ask();
      answers.push({ at: Date.now(), answer });
      if (killedAt && answer.data?.theme?.name === 'Neglect' && unavailable(answer).length === 1) backAt = Date.now();
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    if (!backAt) throw new Error(`reviews did not serve again within 60 s; the launcher printed:\n${lines.slice(-15).join('\n')}`);
    const timeline = lines.map((line, i) => `${((stamps[i]! - killedAt) / 1000).toFixed(1)} s ${line.slice(0, 160)}`).filter((line) => !line.startsWith('-'));
    const firstAnswerBack = answers.find(({ at, answer }) => at > killedAt && unavailable(answer).length === 1);
    if (backAt - killedAt >= 5000)
      throw new Error(
        `reviews took ${(backAt - killedAt) / 1000} s (first whole answer ${firstAnswerBack ? (firstAnswerBack.at - killedAt) / 1000 : '-'} s); launcher output since the kill:\n${timeline.join('\n')}`,
      );
    expect(killedAt).toBeGreaterThan(0);
    expect(backAt).toBeGreaterThan(0);
    expect(backAt - killedAt).toBeLessThan(5000);
    // Every answer, during the outage too, carried arrangements' part.
    expect(answers.every(({ answer }) => answer.status === 200 && answer.data?.partnership?.name === 'Shropshire Safeguarding Community Partnership')).toBe(
      true,
    );
    // The outage was seen, and named reviews.
    expect(answers.some(({ answer }) => unavailable(answer).includes('reviews'))).toBe(true);
    expect(await waitForLine(/^reviews stopped unexpectedly \(killed by SIGKILL\).*restarting it in 0\.25 s \(restart 1\)/, 1000)).toBeTruthy();
  });

  it('stops everything on Ctrl+C (SIGINT) and exits 0', async () => {
    launcher.kill('SIGINT');
    expect(await exited).toEqual({ code: 0, signal: null });
    await expect(fetch(GATEWAY, { signal: AbortSignal.timeout(1000) })).rejects.toThrow();
    expect(lines.filter((l) => /stopped unexpectedly/.test(l) && /reviews|arrangements|membership|training|gateway/.test(l))).toHaveLength(1);
  });
});
