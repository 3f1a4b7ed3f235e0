import { type ChildProcess, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Client } from 'pg';
import type { Grant } from '@safeguarding/auth';
import { databaseName } from './common';
import { buildJourneys, type GraphQLRequest, type Journey, LARGE_SLUG } from './journeys';
import { cpuPerRequest, type Row, runLoad } from './load';
import { waitUntilIdle } from './cpu';
import { memoryOf, startChild, waitFor } from './processes';
import { canonical, comparablePart, post, requestFor, type GraphQLAnswer } from './requests';
import { args, BASE_PORT, CONNECTIONS, databaseUrl, type Mode, MODE_LABEL, PRODUCTION_ENVIRONMENT, WARMUP } from './settings';

/**
 * `--before-root DIR --before-database URL`: the same run also measures an earlier build of the
 * platform (a separate checkout in DIR, installed and built there; bench/README.md says how),
 * so "after / before" is measured on one machine in one sitting. The earlier subgraphs and
 * gateway run from DIR on their own database, made by DIR's own generator: the schema has moved
 * on since, so the earlier code cannot be assumed to run on a database the current code made.
 * Only the Apollo gateway and subgraph direct paths are measured for it.
 */

const BEFORE_MODES = ['apollo', 'direct'] as const;
type BeforeMode = (typeof BEFORE_MODES)[number];

/** Earlier build's ports: away from the current federation's (BASE_PORT..BASE_PORT+10). */
const BEFORE_PORT_OFFSET = 20;

/** The earlier checkout's own auth package: its token formats may differ from the current ones. */
interface BeforeAuth {
  GATEWAY_ASSERTION_HEADER: string;
  signUserToken(secret: string, subject: string, grants: Grant[]): string;
  signGatewayAssertion(secret: string, caller: { subject: string; grants: Grant[] }): string;
}

interface BeforeFederation {
  root: string;
  /** e.g. "before, ea00438". */
  tag: string;
  auth: BeforeAuth;
  apollo: ChildProcess;
  apolloUrl: string;
  /** The earlier build's subgraph processes, for their CPU per request. */
  subgraphs: Record<string, ChildProcess>;
  subgraphUrls: Record<string, string>;
  /** The journeys with the earlier database's ids (the forum meeting's id is not the same in both). */
  journeys: Journey[];
}

/** One journey and path: the throughput now and in the earlier build, or why there is no ratio. */
export interface BeforeComparison {
  journey: string;
  mode: BeforeMode;
  after: number | null;
  before: number | null;
  /** Set when the earlier build could not be measured on this journey and path (e.g. the query does not validate). */
  problem?: string;
  /** The earlier Apollo answer equals the current one (informational: the schemas and seeds may differ). */
  sameAnswerAsAfter?: boolean;
}

const option = (name: string) => (typeof args[name] === 'string' ? args[name] : undefined);

export const BEFORE_ROOT = option('before-root') ? path.resolve(option('before-root')!) : undefined;

const state: { federation?: BeforeFederation; startProblem?: string; rows: Row[]; comparisons: BeforeComparison[] } = { rows: [], comparisons: [] };

/** The earlier build's database, checked as the bench's own is (never the test suites' one). */
function beforeDatabaseUrl(): string {
  const url = option('before-database');
  if (!url)
    throw new Error('--before-root needs --before-database URL: the earlier build runs on its own database, made by its own generator (bench/README.md).');
  const name = databaseName(url);
  if (['test', 'postgres', 'template1'].includes(name)) throw new Error(`--before-database names the "${name}" database; give the earlier build its own.`);
  if (name === databaseName(databaseUrl))
    console.error(`  ! --before-database is the current bench database (${name}): the earlier build may not run on the current schema.`);
  return url;
}

function commitOf(root: string): string {
  try {
    return execFileSync('git', ['-C', root, 'rev-parse', '--short=7', 'HEAD'], { encoding: 'utf8' }).trim();
  } catch {
    return path.basename(root);
  }
}

async function beforeJourneys(url: string): Promise<Journey[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const meeting = await client.query<{ id: string }>(
      `SELECT m.id FROM arrangements.agenda a JOIN arrangements.meeting m ON m.id = a.meeting_id WHERE m.body_id = 'joint.lsp-forum' ORDER BY m.meeting_date LIMIT 1`,
    );
    const bodies = await client.query<{ body_id: string }>(`SELECT body_id FROM arrangements.body_partnership WHERE partnership_id = $1 ORDER BY body_id`, [
      LARGE_SLUG,
    ]);
    if (!meeting.rows[0] || !bodies.rows.length) throw new Error(`the before database has no bench data: run the earlier checkout's generator there first`);
    return buildJourneys({ forumMeetingId: meeting.rows[0].id, largeBodyIds: bodies.rows.map((row) => row.body_id) });
  } finally {
    await client.end();
  }
}

/**
 * Starts the earlier build's subgraphs and gateway, as startFederation starts the current ones
 * (production mode, the bench's secrets, seeding off, the rate limit lifted), on ports
 * BASE_PORT+20 (gateway) and BASE_PORT+21.. (subgraphs). Does nothing without --before-root. A
 * failure is recorded and reported in the table; the current paths are measured regardless.
 */
export async function startBefore(): Promise<void> {
  if (!BEFORE_ROOT) return;
  try {
    const database = beforeDatabaseUrl();
    const root = BEFORE_ROOT;
    const requireBefore = createRequire(path.join(root, 'package.json'));
    const auth = requireBefore('./packages/auth/dist/index.js') as BeforeAuth;
    const { SUBGRAPHS } = requireBefore('./packages/config/dist/index.js') as { SUBGRAPHS: readonly { name: string }[] };
    const gatewayScript = path.join(root, 'gateway', 'dist', 'main.js');
    const built = SUBGRAPHS.filter(({ name }) => fs.existsSync(path.join(root, 'services', name, 'dist', 'main.js')));
    if (!fs.existsSync(gatewayScript) || !built.length) throw new Error(`${root} is not built: run \`npx turbo run build\` there (bench/README.md)`);
    const gatewayPort = BASE_PORT + BEFORE_PORT_OFFSET;
    const subgraphPorts = Object.fromEntries(built.map(({ name }, k) => [name, gatewayPort + 1 + k]));
    const env: Record<string, string> = {
      ...PRODUCTION_ENVIRONMENT,
      DATABASE_URL: database,
      SEED_ON_START: 'false',
      LOG_LEVEL: 'warn',
      GATEWAY_PORT: String(gatewayPort),
      RATE_LIMIT_MAX_REQUESTS: '1000000000',
      ...Object.fromEntries(built.map(({ name }) => [`${name.toUpperCase()}_PORT`, String(subgraphPorts[name])])),
    };
    const tag = `before, ${commitOf(root)}`;
    const journeys = await beforeJourneys(database);
    const subgraphs = Object.fromEntries(
      built.map(({ name }) => [name, startChild(`${name} (${tag})`, path.join(root, 'services', name, 'dist', 'main.js'), env)]),
    );
    const subgraphUrls = Object.fromEntries(built.map(({ name }) => [name, `http://127.0.0.1:${subgraphPorts[name]}/graphql`]));
    await Promise.all(built.map(({ name }) => waitFor(subgraphUrls[name]!.replace(/\/graphql$/, '/ready'), `subgraph ${name} (${tag})`)));
    const apollo = startChild(`Apollo gateway (${tag})`, gatewayScript, env);
    await waitFor(`http://127.0.0.1:${gatewayPort}/ready`, `Apollo gateway (${tag})`);
    state.federation = { root, tag, auth, apollo, apolloUrl: `http://127.0.0.1:${gatewayPort}/graphql`, subgraphUrls, subgraphs, journeys };
    console.log(`Earlier build (${tag}) from ${root} on ${databaseName(database)}: gateway on ${gatewayPort}, subgraphs on ${gatewayPort + 1}..`);
  } catch (error) {
    state.startProblem = `the earlier build did not start: ${(error as Error).message}`;
    console.error(`  ! ${state.startProblem}`);
  }
}

function beforeRequest(federation: BeforeFederation, journey: Journey, mode: BeforeMode): { url: string; headers: Record<string, string>; body: string } {
  const secrets = PRODUCTION_ENVIRONMENT;
  const base = { 'content-type': 'application/json' };
  if (mode === 'direct') {
    const direct = journey.direct!;
    return {
      url: federation.subgraphUrls[direct.subgraph] ?? '',
      headers: {
        ...base,
        [federation.auth.GATEWAY_ASSERTION_HEADER]: federation.auth.signGatewayAssertion(secrets.GATEWAY_SECRET, { subject: 'bench', grants: journey.grants }),
      },
      body: JSON.stringify({ query: direct.query, variables: direct.variables } satisfies GraphQLRequest),
    };
  }
  return {
    url: federation.apolloUrl,
    headers: { ...base, authorization: `Bearer ${federation.auth.signUserToken(secrets.USER_TOKEN_SECRET, 'bench', journey.grants)}` },
    body: JSON.stringify({ query: journey.gateway.query, variables: journey.gateway.variables } satisfies GraphQLRequest),
  };
}

/**
 * An answer with its UUIDs blanked: the ids the seeds make at random (the forum meeting, the
 * procedure chapters) differ between the two databases, so answers about the same data compare
 * equal only without them.
 */
const withoutRandomIds = (answer: string) => answer.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, '<uuid>');

/** Where two canonical answers part, with a little context, so a difference can be read in the log. */
function firstDifference(before: string, after: string): string {
  let index = 0;
  while (index < before.length && before[index] === after[index]) index++;
  const start = Math.max(0, index - 80);
  return `at character ${index}: before …${before.slice(start, index + 120)}… after …${after.slice(start, index + 120)}…`;
}

/** The validation errors of an answer, when the query does not validate against the earlier schema. */
function validationFailure(status: number, answer: GraphQLAnswer): string | undefined {
  const errors = Array.isArray(answer.errors) ? (answer.errors as { message?: string; extensions?: { code?: string } }[]) : [];
  const invalid = errors.filter((error) => error.extensions?.code === 'GRAPHQL_VALIDATION_FAILED');
  if (invalid.length) return invalid.map((error) => error.message).join('; ');
  if (status === 400 && errors.length) return errors.map((error) => error.message).join('; ');
  return undefined;
}

/**
 * The earlier build's paths of one journey, after the current paths: a same-answer check
 * (direct against the earlier Apollo answer, since the schemas may differ), then the load.
 * Rows and ratios are kept here for beforeSection; the current rows are not touched.
 */
export async function measureBefore(scale: number, journey: Journey, modes: Mode[], duration: number, currentRows: Row[]): Promise<void> {
  if (!BEFORE_ROOT) return;
  const selected = BEFORE_MODES.filter((mode) => modes.includes(mode) && (mode !== 'direct' || journey.direct));
  const afterOf = (mode: BeforeMode) =>
    currentRows.find((row) => row.scale === scale && row.journey === journey.name && row.mode === mode)?.requestsPerSecond ?? null;
  const federation = state.federation;
  const beforeJourney = federation?.journeys.find((candidate) => candidate.name === journey.name);
  if (!federation || !beforeJourney) {
    const problem = state.startProblem ? 'not measured (the earlier build did not start; below)' : `the earlier build has no ${journey.name} journey`;
    for (const mode of selected) state.comparisons.push({ journey: journey.name, mode, after: afterOf(mode), before: null, problem });
    return;
  }
  let reference: string | undefined;
  for (const mode of selected) {
    const comparison: BeforeComparison = { journey: journey.name, mode, after: afterOf(mode), before: null };
    state.comparisons.push(comparison);
    const label = `${MODE_LABEL[mode]} (${federation.tag})`;
    let check = beforeRequest(federation, beforeJourney, mode);
    let answer = await post(check.url, check.headers, check.body);
    // A gateway that has just started may still be composing its supergraph: a few tries, as checkJourney gives.
    for (let attempt = 0; attempt < 10 && mode === 'apollo' && answer.status !== 200 && !validationFailure(answer.status, answer.json); attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      check = beforeRequest(federation, beforeJourney, mode);
      answer = await post(check.url, check.headers, check.body);
    }
    const invalid = validationFailure(answer.status, answer.json);
    if (invalid) {
      comparison.problem = `query does not validate against ${federation.tag.replace('before, ', '')}'s schema`;
      console.error(`  ! ${journey.name} ${label}: ${comparison.problem}: ${invalid.slice(0, 300)}`);
      continue;
    }
    const hadErrors = answer.status !== 200 || Boolean(answer.json.errors);
    if (hadErrors) console.error(`  ! ${journey.name} ${label}: HTTP ${answer.status} ${JSON.stringify(answer.json.errors ?? '').slice(0, 300)}`);
    const part = canonical(comparablePart(journey, answer.json.data, mode === 'direct' ? 'direct' : 'gateway'));
    if (mode === 'apollo') {
      reference = part;
      const current = requestFor(journey, 'apollo');
      const currentAnswer = await post(current.url, current.headers, current.body);
      const currentPart = withoutRandomIds(canonical(comparablePart(journey, currentAnswer.json.data, 'gateway')));
      comparison.sameAnswerAsAfter = currentPart === withoutRandomIds(part);
      if (!comparison.sameAnswerAsAfter) {
        console.error(`  ! ${journey.name} ${label}: answer differs from the current Apollo's ${firstDifference(withoutRandomIds(part), currentPart)}`);
      }
    }
    // CPU per request as for the current paths: its gateway (apollo), its subgraphs, PostgreSQL's backends on its database.
    const cpuOf: Record<string, number> = {};
    if (mode === 'apollo' && federation.apollo.pid) cpuOf.gateway = federation.apollo.pid;
    for (const [name, child] of Object.entries(federation.subgraphs)) if (child.pid) cpuOf[name] = child.pid;
    await waitUntilIdle(Object.values(cpuOf));
    const result = await runLoad({
      kind: 'http',
      connections: CONNECTIONS,
      durationSeconds: duration,
      warmupSeconds: WARMUP,
      cpuOf,
      postgresDatabase: databaseName(beforeDatabaseUrl()),
      ...beforeRequest(federation, beforeJourney, mode),
    });
    const memory = mode === 'apollo' ? memoryOf(federation.apollo.pid) : null;
    const row: Row = {
      scale,
      journey: journey.name,
      mode,
      label,
      ...result,
      errors: result.errors + result.non2xx,
      statements: mode === 'direct' ? Number(answer.headers.get('x-sql-statements') ?? NaN) : null,
      fetches: null,
      gatewayRssMb: memory?.rssMb ?? null,
      gatewayPeakMb: memory?.peakMb ?? null,
      responseBytes: answer.bytes,
      answerMatchesApollo: mode === 'apollo' ? true : reference === undefined ? null : part === reference,
      cpuMsPerRequest: cpuPerRequest(result.cpuMilliseconds, result.requests),
      cacheHitFraction: null,
    };
    if (hadErrors) row.note = 'answer had errors';
    state.rows.push(row);
    comparison.before = result.requestsPerSecond;
    console.log(
      `  ${journey.name.padEnd(11)} ${label.padEnd(16)} ${result.requestsPerSecond.toFixed(0).padStart(6)} req/s  p50 ${result.p50.toFixed(1).padStart(6)} ms  p99 ${result.p99.toFixed(1).padStart(6)} ms${row.errors ? `  ERRORS ${row.errors}` : ''}`,
    );
  }
}

/** The main table's rows with each journey's earlier-build rows just after its current ones. */
export function withBeforeRows(rows: Row[]): Row[] {
  if (!state.rows.length) return rows;
  const result: Row[] = [];
  rows.forEach((row, index) => {
    result.push(row);
    const next = rows[index + 1];
    if (!next || next.journey !== row.journey || next.scale !== row.scale) {
      result.push(...state.rows.filter((before) => before.journey === row.journey && before.scale === row.scale));
    }
  });
  return result;
}

/** "Throughput vs before": after / before per journey and path, against issue 19's 2× target. */
export function beforeSection(): string[] {
  if (!BEFORE_ROOT) return [];
  const tag = state.federation?.tag ?? `before, ${commitOf(BEFORE_ROOT)}`;
  const lines = [
    `## Throughput vs before (${tag.replace('before, ', '')})`,
    '',
    '| journey | path | req/s after | req/s before | after / before | ≥ 2× | before answer same as after |',
    '| --- | --- | ---: | ---: | ---: | :---: | :---: |',
  ];
  for (const comparison of state.comparisons) {
    const number = (value: number | null) => (value === null ? '-' : value.toFixed(0));
    const ratio = comparison.after !== null && comparison.before ? comparison.after / comparison.before : null;
    const same = comparison.sameAnswerAsAfter === undefined ? '-' : comparison.sameAnswerAsAfter ? 'yes' : 'no';
    lines.push(
      `| ${comparison.journey} | ${MODE_LABEL[comparison.mode]} | ${number(comparison.after)} | ${comparison.problem ?? number(comparison.before)} | ${ratio === null ? '-' : `${ratio.toFixed(2)}×`} | ${ratio === null ? '-' : ratio >= 2 ? 'yes' : '**no**'} | ${same} |`,
    );
  }
  if (state.startProblem) lines.push('', state.startProblem);
  return ['', ...lines];
}

/** For the results file. */
export function beforeResults(): { root: string; tag: string | null; rows: Row[]; comparisons: BeforeComparison[]; problem: string | null } | null {
  if (!BEFORE_ROOT) return null;
  return { root: BEFORE_ROOT, tag: state.federation?.tag ?? null, rows: state.rows, comparisons: state.comparisons, problem: state.startProblem ?? null };
}
