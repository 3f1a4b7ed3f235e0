import { type ChildProcess, fork, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { type Grant, GATEWAY_ASSERTION_HEADER, signGatewayAssertion, signUserToken } from '@safeguarding/auth';
import { loadConfig, NODE_PROCESS_FLAGS, REPOSITORY_ROOT } from '@safeguarding/config';
import { createGateway, type RunningGateway } from '@safeguarding/gateway';
import { BENCH_ROOT, benchDatabaseUrl, builtSubgraphs, parseArgs, PARTNERSHIPS_PER_SCALE, RESULTS_DIR } from './common';
import { createHiveGateway, type HiveGateway } from './hive-gateway';
import { buildJourneys, type GraphQLRequest, type Journey, LARGE_SLUG } from './journeys';
import type { LoadResult, LoadSpec } from './load-worker';

/**
 * `npm run bench`: starts every built subgraph and both gateways as child processes on the bench
 * database, checks each journey answers the same through every path, counts SQL statements per
 * request on one instrumented request, then drives each path with the load generator (another
 * child process) at fixed concurrency for a fixed time. Prints a markdown table and writes
 * bench/results/<timestamp>.json. With --scaling, regenerates the data at N = 1, 10, 50 and runs
 * the scaling journeys at each.
 */

const args = parseArgs(process.argv.slice(2));
const DURATION = Number(args.duration ?? 10);
const WARMUP = Number(args.warmup ?? 2);
const CONNECTIONS = Number(args.connections ?? 20);
const SCALING_DURATION = Number(args['scaling-duration'] ?? 5);
const SCALES = String(args.scales ?? '1,10,50')
  .split(',')
  .map(Number);
const ONLY = typeof args.journeys === 'string' ? args.journeys.split(',') : undefined;
const MODES = (typeof args.modes === 'string' ? args.modes.split(',') : ['apollo', 'hive', 'direct', 'sql']) as Mode[];
const BASE_PORT = Number(args['base-port'] ?? 4100);
const SCALING_MODES = (typeof args['scaling-modes'] === 'string' ? args['scaling-modes'].split(',') : ['apollo', 'hive', 'sql']) as Mode[];

type Mode = 'apollo' | 'hive' | 'direct' | 'sql';
const MODE_LABEL: Record<Mode, string> = { apollo: 'Apollo gateway', hive: 'Hive gateway', direct: 'subgraph direct', sql: 'SQL limit (pg)' };

const config = loadConfig({ ...process.env, NODE_ENV: 'development' });
const databaseUrl = benchDatabaseUrl();
const subgraphs = builtSubgraphs();
const ports = {
  apollo: BASE_PORT,
  hive: BASE_PORT + 10,
  subgraph: Object.fromEntries(subgraphs.map((s, k) => [s.name, BASE_PORT + 1 + k])) as Record<string, number>,
};
const subgraphUrl = (name: string) => `http://127.0.0.1:${ports.subgraph[name]}/graphql`;

// ---------- Child processes: every one is stopped on the way out, whatever happens ----------

const children = new Set<ChildProcess>();

function startChild(name: string, script: string, env: Record<string, string>): ChildProcess {
  // The same flags as npm start and the Dockerfile: the bench measures the processes as they run.
  const child = spawn(process.execPath, [...NODE_PROCESS_FLAGS, script], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  child.once('exit', (code, signal) => {
    children.delete(child);
    if (code && code !== 0 && !stopping) console.error(`${name} exited with ${code ?? signal}:\n${stderr}`);
  });
  children.add(child);
  return child;
}

let stopping = false;
async function stopChildren(): Promise<void> {
  const running = [...children];
  await Promise.all(
    running.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          const timer = setTimeout(() => child.kill('SIGKILL'), 8000);
          child.once('exit', () => {
            clearTimeout(timer);
            resolve();
          });
          child.kill('SIGTERM');
        }),
    ),
  );
}
process.on('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    stopping = true;
    console.error(`\n${signal}: stopping every process the bench started`);
    void stopChildren().finally(() => process.exit(130));
  });
}

async function waitFor(url: string, what: string, seconds = 90, anyAnswer = false): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (response.ok || (anyAnswer && response.status < 500)) return;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`${what} did not become ready at ${url} within ${seconds} s`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

interface Federation {
  apollo: ChildProcess;
  hive: ChildProcess;
}

async function startFederation(): Promise<Federation> {
  const env: Record<string, string> = {
    NODE_ENV: 'development',
    DATABASE_URL: databaseUrl,
    SEED_ON_START: 'false',
    LOG_LEVEL: 'warn',
    GATEWAY_PORT: String(ports.apollo),
    HIVE_PORT: String(ports.hive),
    // The bench is one caller sending thousands of requests a second: lift the per-caller rate limit.
    RATE_LIMIT_MAX_REQUESTS: '1000000000',
    ...Object.fromEntries(subgraphs.map((s) => [`${s.name.toUpperCase()}_PORT`, String(ports.subgraph[s.name])])),
  };
  for (const { name } of subgraphs) startChild(name, path.join(REPOSITORY_ROOT, 'services', name, 'dist', 'main.js'), env);
  await Promise.all(subgraphs.map(({ name }) => waitFor(subgraphUrl(name).replace(/\/graphql$/, '/ready'), `subgraph ${name}`)));
  const apollo = startChild('Apollo gateway', path.join(REPOSITORY_ROOT, 'gateway', 'dist', 'main.js'), env);
  const hive = startChild('Hive gateway', path.join(BENCH_ROOT, 'dist', 'hive-gateway.js'), env);
  await waitFor(`http://127.0.0.1:${ports.apollo}/ready`, 'Apollo gateway');
  // Listening is enough here: the same-answer check retries until Hive has built its schema.
  await waitFor(`http://127.0.0.1:${ports.hive}/healthcheck`, 'Hive gateway', 90, true);
  return { apollo, hive };
}

// ---------- Requests ----------

const userToken = (grants: Grant[]) => signUserToken(config.secrets.userToken, 'bench', grants);
/** Valid 60 s: signed afresh before every use. */
const assertion = (grants: Grant[]) => signGatewayAssertion(config.secrets.gateway, { subject: 'bench', grants });

function requestFor(journey: Journey, mode: Exclude<Mode, 'sql'>): { url: string; headers: Record<string, string>; body: string } {
  const base = { 'content-type': 'application/json' };
  if (mode === 'direct') {
    const direct = journey.direct!;
    return {
      url: subgraphUrl(direct.subgraph),
      headers: { ...base, [GATEWAY_ASSERTION_HEADER]: assertion(journey.grants) },
      body: JSON.stringify({ query: direct.query, variables: direct.variables }),
    };
  }
  return {
    url: `http://127.0.0.1:${mode === 'apollo' ? ports.apollo : ports.hive}/graphql`,
    headers: { ...base, authorization: `Bearer ${userToken(journey.grants)}` },
    body: JSON.stringify({ query: journey.gateway.query, variables: journey.gateway.variables } satisfies GraphQLRequest),
  };
}

/** A GraphQL answer, as much of it as the checks read. */
interface GraphQLAnswer {
  data?: AnswerData;
  errors?: unknown[];
}
interface AnswerData {
  partnership?: { reviews?: unknown; bodies?: { id: string }[] };
  _entities?: { id: string; reviews?: unknown }[];
}

async function post(
  url: string,
  headers: Record<string, string>,
  body: string,
): Promise<{ status: number; json: GraphQLAnswer; headers: Headers; bytes: number }> {
  const response = await fetch(url, { method: 'POST', headers, body });
  const text = await response.text();
  return { status: response.status, json: JSON.parse(text) as GraphQLAnswer, headers: response.headers, bytes: Buffer.byteLength(text) };
}

/** Canonical JSON (sorted keys) for comparing answers from different paths. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The part of a direct answer that corresponds to the gateway's (the _entities payload, or the same root field). */
function comparablePart(journey: Journey, data: AnswerData | undefined, mode: 'gateway' | 'direct'): unknown {
  if (journey.name === 'reviews') return mode === 'gateway' ? data?.partnership?.reviews : data?._entities?.[0]?.reviews;
  if (journey.name === 'entities') {
    const bodies = mode === 'gateway' ? data?.partnership?.bodies : data?._entities;
    return [...(bodies ?? [])].sort((a, b) => a.id.localeCompare(b.id));
  }
  return data;
}

// ---------- Statement counting: a forwarding proxy in front of each subgraph ----------

interface CountingProxies {
  urls: Record<string, string>;
  reset(): void;
  statements(): number;
  fetches(): Record<string, number>;
  close(): Promise<void>;
}

async function startCountingProxies(): Promise<CountingProxies> {
  let statements = 0;
  let fetches: Record<string, number> = {};
  const servers: http.Server[] = [];
  const urls: Record<string, string> = {};
  for (const { name } of subgraphs) {
    const server = http.createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      const forward = async () => {
        try {
          const headers: Record<string, string> = {};
          for (const key of ['content-type', 'accept', GATEWAY_ASSERTION_HEADER]) {
            const value = request.headers[key];
            if (typeof value === 'string') headers[key] = value;
          }
          const answer = await fetch(subgraphUrl(name), {
            method: request.method,
            headers,
            body: request.method === 'POST' ? Buffer.concat(chunks) : undefined,
          });
          statements += Number(answer.headers.get('x-sql-statements') ?? 0);
          fetches[name] = (fetches[name] ?? 0) + 1;
          const body = Buffer.from(await answer.arrayBuffer());
          response.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' });
          response.end(body);
        } catch (error) {
          response.writeHead(502).end(String(error));
        }
      };
      // forward answers its own errors (502), so the event emitter is given no promise.
      request.on('end', () => void forward());
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    servers.push(server);
    urls[name] = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  }
  return {
    urls,
    reset() {
      statements = 0;
      fetches = {};
    },
    statements: () => statements,
    fetches: () => ({ ...fetches }),
    async close() {
      for (const server of servers) {
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
      }
    },
  };
}

interface Instrumented {
  proxies: CountingProxies;
  apolloUrl: string;
  hiveUrl: string;
  apollo: RunningGateway;
  hive: HiveGateway;
}

async function startInstrumented(): Promise<Instrumented> {
  const proxies = await startCountingProxies();
  const apollo = await createGateway({
    subgraphUrls: proxies.urls,
    userTokenSecret: config.secrets.userToken,
    gatewaySecret: config.secrets.gateway,
    developmentTools: true,
  });
  const hive = createHiveGateway({ subgraphUrls: proxies.urls, userTokenSecret: config.secrets.userToken, gatewaySecret: config.secrets.gateway });
  return { proxies, apollo, hive, apolloUrl: await apollo.listen(0), hiveUrl: await hive.listen(0) };
}

async function stopInstrumented(instrumented: Instrumented | undefined): Promise<void> {
  if (!instrumented) return;
  await instrumented.apollo.stop();
  await instrumented.hive.stop();
  await instrumented.proxies.close();
}

/** SQL statements (summed over subgraphs) and subgraph fetches of one request through a gateway, after one warming request. */
async function countThrough(instrumented: Instrumented, url: string, journey: Journey): Promise<{ statements: number; fetches: Record<string, number> }> {
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${userToken(journey.grants)}` };
  const body = JSON.stringify(journey.gateway);
  await post(url, headers, body);
  instrumented.proxies.reset();
  await post(url, headers, body);
  return { statements: instrumented.proxies.statements(), fetches: instrumented.proxies.fetches() };
}

// ---------- Load ----------

function runLoad(spec: LoadSpec): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const worker = fork(path.join(BENCH_ROOT, 'dist', 'load-worker.js'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    children.add(worker);
    let settled = false;
    worker.once('message', (message: { ok: boolean; result?: LoadResult; error?: string }) => {
      settled = true;
      if (message.ok) resolve(message.result!);
      else reject(new Error(message.error));
    });
    worker.once('exit', (code) => {
      children.delete(worker);
      if (!settled) reject(new Error(`load worker exited with ${code}`));
    });
    worker.send(spec);
  });
}

function memoryOf(pid: number | undefined): { rssMb: number; peakMb: number } | null {
  if (!pid) return null;
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? 0);
    return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
  } catch {
    return null;
  }
}

interface Row {
  scale: number;
  journey: string;
  mode: Mode;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  mean: number;
  requests: number;
  errors: number;
  statements: number | null;
  fetches: Record<string, number> | null;
  gatewayRssMb: number | null;
  gatewayPeakMb: number | null;
  responseBytes: number | null;
  answerMatchesApollo: boolean | null;
  note?: string;
}

interface JourneyCheck {
  statements: Partial<Record<Mode, number>>;
  fetches: Partial<Record<Mode, Record<string, number>>>;
  bytes: Partial<Record<Mode, number>>;
  matches: Partial<Record<Mode, boolean>>;
  problems: string[];
}

async function checkJourney(journey: Journey, instrumented: Instrumented, modes: Mode[]): Promise<JourneyCheck> {
  const check: JourneyCheck = { statements: {}, fetches: {}, bytes: {}, matches: {}, problems: [] };
  let reference: string | undefined;
  for (const mode of modes) {
    if (mode === 'sql') {
      const client = new Client({ connectionString: databaseUrl });
      await client.connect();
      try {
        const result = await client.query(journey.sql.text, journey.sql.values);
        check.statements.sql = 1;
        check.bytes.sql = Buffer.byteLength(JSON.stringify(result.rows));
        if (result.rowCount === 0) check.problems.push('the SQL limit returned no rows');
      } finally {
        await client.end();
      }
      continue;
    }
    if (mode === 'direct' && !journey.direct) continue;
    const { url, headers, body } = requestFor(journey, mode);
    let answer = await post(url, headers, body);
    // A gateway that has just started may still be loading its supergraph: give it a few tries.
    for (let attempt = 0; attempt < 10 && (answer.status !== 200 || answer.json.errors) && mode !== 'direct'; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      answer = await post(url, headers, body);
    }
    check.bytes[mode] = answer.bytes;
    if (answer.status !== 200 || answer.json.errors) {
      check.problems.push(`${mode}: HTTP ${answer.status} ${JSON.stringify(answer.json.errors ?? '').slice(0, 300)}`);
    }
    const part = canonical(comparablePart(journey, answer.json.data, mode === 'direct' ? 'direct' : 'gateway'));
    if (mode === 'apollo') reference = part;
    else if (reference !== undefined) check.matches[mode] = part === reference;
    if (mode === 'direct') check.statements.direct = Number(answer.headers.get('x-sql-statements') ?? NaN);
    if (mode === 'apollo' || mode === 'hive') {
      const counted = await countThrough(instrumented, mode === 'apollo' ? instrumented.apolloUrl : instrumented.hiveUrl, journey);
      check.statements[mode] = counted.statements;
      check.fetches[mode] = counted.fetches;
    }
  }
  return check;
}

async function measureJourney(
  scale: number,
  journey: Journey,
  modes: Mode[],
  federation: Federation,
  instrumented: Instrumented,
  duration: number,
): Promise<Row[]> {
  const check = await checkJourney(journey, instrumented, modes);
  for (const problem of check.problems) console.error(`  ! ${journey.name}: ${problem}`);
  const rows: Row[] = [];
  for (const mode of modes) {
    if (mode === 'direct' && !journey.direct) continue;
    const spec: LoadSpec =
      mode === 'sql'
        ? { kind: 'sql', connections: CONNECTIONS, durationSeconds: duration, warmupSeconds: WARMUP, databaseUrl, sql: journey.sql }
        : { kind: 'http', connections: CONNECTIONS, durationSeconds: duration, warmupSeconds: WARMUP, ...requestFor(journey, mode) };
    const result = await runLoad(spec);
    const gatewayPid = mode === 'apollo' ? federation.apollo.pid : mode === 'hive' ? federation.hive.pid : undefined;
    const memory = memoryOf(gatewayPid);
    const row: Row = {
      scale,
      journey: journey.name,
      mode,
      ...result,
      errors: result.errors + result.non2xx,
      statements: check.statements[mode] ?? null,
      fetches: check.fetches[mode] ?? null,
      gatewayRssMb: memory?.rssMb ?? null,
      gatewayPeakMb: memory?.peakMb ?? null,
      responseBytes: check.bytes[mode] ?? null,
      answerMatchesApollo: mode === 'apollo' ? true : (check.matches[mode] ?? null),
    };
    if (check.problems.some((problem) => problem.startsWith(mode))) row.note = 'answer had errors';
    rows.push(row);
    console.log(
      `  ${journey.name.padEnd(11)} ${MODE_LABEL[mode].padEnd(16)} ${result.requestsPerSecond.toFixed(0).padStart(6)} req/s  p50 ${result.p50.toFixed(1).padStart(6)} ms  p99 ${result.p99.toFixed(1).padStart(6)} ms  statements ${row.statements ?? '-'}${row.errors ? `  ERRORS ${row.errors}` : ''}`,
    );
  }
  return rows;
}

// ---------- Report ----------

const fmt = (value: number | null | undefined, digits = 0) => (value === null || value === undefined || Number.isNaN(value) ? '-' : value.toFixed(digits));

function markdownTable(rows: Row[]): string {
  const lines = [
    '| N | journey | path | req/s | p50 ms | p99 ms | SQL stmts/req | subgraph fetches | gateway RSS MB (peak) | same answer | errors |',
    '| ---: | --- | --- | ---: | ---: | ---: | ---: | --- | ---: | :---: | ---: |',
  ];
  for (const row of rows) {
    const fetches = row.fetches
      ? Object.entries(row.fetches)
          .map(([name, count]) => `${name} ${count}`)
          .join(', ')
      : row.mode === 'direct'
        ? '1 (direct)'
        : '-';
    const memory = row.gatewayRssMb === null ? '-' : `${fmt(row.gatewayRssMb)} (${fmt(row.gatewayPeakMb)})`;
    const same = row.answerMatchesApollo === null ? '-' : row.answerMatchesApollo ? 'yes' : 'NO';
    lines.push(
      `| ${row.scale} | ${row.journey} | ${MODE_LABEL[row.mode]} | ${fmt(row.requestsPerSecond)} | ${fmt(row.p50, 1)} | ${fmt(row.p99, 1)} | ${row.statements ?? '-'} | ${fetches} | ${memory} | ${same} | ${row.errors}${row.note ? ` (${row.note})` : ''} |`,
    );
  }
  return lines.join('\n');
}

interface TargetCheck {
  target: string;
  measured: string;
  met: boolean | null;
}

function find(rows: Row[], scale: number, journey: string, mode: Mode): Row | undefined {
  return rows.find((row) => row.scale === scale && row.journey === journey && row.mode === mode);
}

function targets(rows: Row[], journeys: Journey[], scale: number, scalingRows: Row[]): TargetCheck[] {
  const checks: TargetCheck[] = [];
  for (const journey of journeys.filter((j) => j.singleSubgraph)) {
    const apollo = find(rows, scale, journey.name, 'apollo');
    const direct = find(rows, scale, journey.name, 'direct');
    if (apollo && direct) {
      const ratio = direct.requestsPerSecond / apollo.requestsPerSecond;
      checks.push({
        target: `${journey.name}: gateway overhead ≤ 1.3× the subgraph direct (throughput ratio at ${CONNECTIONS} clients)`,
        measured: `${ratio.toFixed(2)}× (direct ${fmt(direct.requestsPerSecond)} vs Apollo ${fmt(apollo.requestsPerSecond)} req/s; p50 ${fmt(direct.p50, 1)} vs ${fmt(apollo.p50, 1)} ms)`,
        met: ratio <= 1.3,
      });
    }
  }
  const comparisonApollo = find(rows, scale, 'comparison', 'apollo');
  const comparisonSql = find(rows, scale, 'comparison', 'sql');
  if (comparisonApollo && comparisonSql && scale === 1) {
    const ratio = comparisonSql.requestsPerSecond / comparisonApollo.requestsPerSecond;
    checks.push({
      target: 'comparison ≤ 3× the hand-written SQL limit at N=1 (throughput ratio)',
      measured: `${ratio.toFixed(1)}× (SQL ${fmt(comparisonSql.requestsPerSecond)} vs Apollo ${fmt(comparisonApollo.requestsPerSecond)} req/s)`,
      met: ratio <= 3,
    });
  }
  for (const row of rows.filter((r) => (r.mode === 'apollo' || r.mode === 'hive') && r.scale >= 50)) {
    checks.push({
      target: `p99 ≤ 250 ms at ${CONNECTIONS} clients, N=${row.scale}: ${row.journey} via ${MODE_LABEL[row.mode]}`,
      measured: `${fmt(row.p99, 1)} ms`,
      met: row.p99 <= 250,
    });
  }
  if (scalingRows.length) {
    const scales = [...new Set(scalingRows.map((r) => r.scale))].sort((a, b) => a - b);
    const low = scales[0]!;
    const high = scales[scales.length - 1]!;
    for (const journey of [...new Set(scalingRows.map((r) => r.journey))]) {
      const series = scales.map((s) => find(scalingRows, s, journey, 'apollo'));
      const counts = series.map((r) => r?.statements ?? null);
      checks.push({
        target: `${journey}: SQL statements per request constant from N=${low} to N=${high}`,
        measured: counts.map((c, k) => `N=${scales[k]}: ${c ?? '-'}`).join(', '),
        met: counts.every((c) => c !== null && c === counts[0]),
      });
      if (journey === 'comparison') {
        const a = find(scalingRows, low, journey, 'apollo');
        const b = find(scalingRows, high, journey, 'apollo');
        if (a && b) {
          checks.push({
            target: `comparison: p99 at N=${high} ≤ 2× p99 at N=${low}`,
            measured: `${fmt(b.p99, 1)} ms vs ${fmt(a.p99, 1)} ms (${(b.p99 / a.p99).toFixed(2)}×)`,
            met: b.p99 <= 2 * a.p99,
          });
        }
      }
    }
  }
  return checks;
}

function targetTable(checks: TargetCheck[]): string {
  return [
    '| target | measured | met |',
    '| --- | --- | :---: |',
    ...checks.map((c) => `| ${c.target} | ${c.measured} | ${c.met === null ? '-' : c.met ? 'yes' : '**no**'} |`),
  ].join('\n');
}

// ---------- Main ----------

async function databaseFacts(): Promise<{ scale: number; forumMeetingId: string; largeBodyIds: string[]; counts: Record<string, number> }> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const count = async (sql: string) => Number((await client.query<{ n: string }>(sql).catch(() => ({ rows: [{ n: 'NaN' }] }))).rows[0]!.n);
    const synthetic = await count(`SELECT count(*) AS n FROM arrangements.partnership WHERE id LIKE 'bench-%'`);
    if (!synthetic) throw new Error('No bench data in this database: run `npm run bench:data -- --scale 1` with the same DATABASE_URL first.');
    const meeting = await client.query<{ id: string }>(
      `SELECT m.id FROM arrangements.agenda a JOIN arrangements.meeting m ON m.id = a.meeting_id WHERE m.body_id = 'joint.lsp-forum' ORDER BY m.meeting_date LIMIT 1`,
    );
    if (!meeting.rows[0]) throw new Error('The bench data has no forum agenda; regenerate it with npm run bench:data.');
    const bodies = await client.query<{ body_id: string }>(`SELECT body_id FROM arrangements.body_partnership WHERE partnership_id = $1 ORDER BY body_id`, [
      LARGE_SLUG,
    ]);
    const counts = {
      partnerships: await count('SELECT count(*) AS n FROM arrangements.partnership'),
      bodies: await count('SELECT count(*) AS n FROM arrangements.body'),
      meetings: await count('SELECT count(*) AS n FROM arrangements.meeting'),
      memberships: await count('SELECT count(*) AS n FROM membership.body_membership'),
      reviews: await count('SELECT count(*) AS n FROM reviews.review'),
      bookings: await count('SELECT count(*) AS n FROM training.training_booking'),
    };
    return { scale: synthetic / PARTNERSHIPS_PER_SCALE, forumMeetingId: meeting.rows[0].id, largeBodyIds: bodies.rows.map((r) => r.body_id), counts };
  } finally {
    await client.end();
  }
}

function regenerate(scale: number): Promise<void> {
  return new Promise((resolve, reject) => {
    console.log(`\n== Regenerating bench data at N=${scale}`);
    const child = spawn(process.execPath, [path.join(BENCH_ROOT, 'dist', 'generate-data.js'), '--scale', String(scale)], {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: process.env,
    });
    children.add(child);
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      children.delete(child);
      const summary = output.trim().split('\n').pop();
      if (summary) console.log(`  ${summary}`);
      if (code === 0) resolve();
      else reject(new Error(`bench:data --scale ${scale} failed (${code}):\n${output}`));
    });
  });
}

async function runAt(scale: number, journeys: Journey[], modes: Mode[], duration: number): Promise<Row[]> {
  let federation: Federation | undefined;
  let instrumented: Instrumented | undefined;
  try {
    federation = await startFederation();
    instrumented = await startInstrumented();
    const rows: Row[] = [];
    for (const journey of journeys) rows.push(...(await measureJourney(scale, journey, modes, federation, instrumented, duration)));
    return rows;
  } finally {
    await stopInstrumented(instrumented);
    await stopChildren();
  }
}

async function main(): Promise<void> {
  const started = Date.now();
  const facts = await databaseFacts();
  const journeys = buildJourneys(facts).filter((journey) => !ONLY || ONLY.includes(journey.name));
  const environment = {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model,
    node: process.version,
    connections: CONNECTIONS,
    durationSeconds: DURATION,
    warmupSeconds: WARMUP,
    subgraphs: subgraphs.map((s) => s.name),
    note: 'Shared machine: other engineers run test suites against the same PostgreSQL during the run, so figures are noisy.',
  };
  console.log(
    `Bench on ${new URL(databaseUrl).pathname.slice(1)} at N=${facts.scale} (${JSON.stringify(facts.counts)}); ${CONNECTIONS} clients, ${DURATION} s per path after ${WARMUP} s warm-up`,
  );

  const rows = await runAt(facts.scale, journeys, MODES, DURATION);

  const scalingRows: Row[] = [];
  const scalingErrors: string[] = [];
  const write = () => {
    const checks = targets(rows, journeys, facts.scale, scalingRows);
    const report = [
      `## Journeys at N=${facts.scale} (${Object.entries(facts.counts)
        .map(([k, v]) => `${v.toLocaleString('en-GB')} ${k}`)
        .join(', ')})`,
      '',
      markdownTable(rows),
      ...(scalingRows.length ? ['', `## Scaling (N = ${SCALES.join(', ')}; ${SCALING_DURATION} s per path)`, '', markdownTable(scalingRows)] : []),
      ...(scalingErrors.length ? ['', ...scalingErrors.map((e) => `Scaling run failed: ${e}`)] : []),
      '',
      '## Targets',
      '',
      targetTable(checks),
    ].join('\n');
    fs.mkdirSync(RESULTS_DIR, { recursive: true });
    fs.writeFileSync(
      file,
      JSON.stringify(
        {
          startedAt: new Date(started).toISOString(),
          seconds: (Date.now() - started) / 1000,
          environment,
          scale: facts.scale,
          counts: facts.counts,
          journeys: journeys.map(({ name, description, singleSubgraph }) => ({ name, description, singleSubgraph })),
          rows,
          scalingRows,
          scalingErrors,
          targets: checks,
          markdown: report,
        },
        null,
        2,
      ),
    );
    return report;
  };
  const file = path.join(RESULTS_DIR, `${new Date(started).toISOString().replace(/[:.]/g, '-')}.json`);
  write();
  if (args.scaling) {
    const scalingJourneys = buildJourneys(facts).filter((journey) => journey.scaling);
    for (const scale of SCALES) {
      await regenerate(scale);
      const scaledFacts = await databaseFacts();
      const scaled = buildJourneys(scaledFacts).filter((journey) => scalingJourneys.some((j) => j.name === journey.name));
      console.log(`== Scaling run at N=${scale} (${JSON.stringify(scaledFacts.counts)})`);
      try {
        scalingRows.push(...(await runAt(scale, scaled, SCALING_MODES, SCALING_DURATION)));
      } catch (error) {
        scalingErrors.push(`N=${scale}: ${(error as Error).message}`);
        console.error(`  scaling run at N=${scale} failed: ${(error as Error).message}`);
      }
      write();
    }
  }
  const report = write();
  console.log(`\n${report}\n`);
  console.log(`Wrote ${path.relative(process.cwd(), file)} (${((Date.now() - started) / 1000).toFixed(0)} s in all)`);
}

main()
  .catch(async (error) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exitCode = 1;
  })
  .finally(async () => {
    stopping = true;
    await stopChildren();
  });
