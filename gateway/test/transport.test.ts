/**
 * Gateway ↔ subgraph calls: a deadline per call and a circuit breaker (a subgraph frozen with
 * SIGSTOP as a real process), the keep-alive race between healthy processes, one retry of a query
 * (never a mutation) whose connection broke, tokens of many grants, and client mistakes as 400s.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { type Grant, GATEWAY_ASSERTION_MAX_BYTES } from '@safeguarding/auth';
import { SUBGRAPH_HTTP_TIMEOUTS } from '@safeguarding/subgraph-runtime';
import { createTestDatabase, grant, postGraphQL, tokenFor, type TestDatabase } from '@safeguarding/testkit';
import { createGateway, type GatewayOptions, type RunningGateway } from '../src';
import { createSubgraphCaller, subgraphCallScope } from '../src/subgraph-calls';
import { config, ControllableFederation, eventually, freePort, LEAK_PATTERN } from './support/harness';

const REPOSITORY_ROOT = path.resolve(__dirname, '..', '..');
// Arrangements answers partnership (in this process); membership answers organisation (a child process).
const ACROSS_BOTH = `{ partnership(slug: "shropshire") { name } organisation(id: "west-mercia-police") { name } }`;
const DEADLINE = 2500;

const openSockets = () => process.getActiveResourcesInfo().filter((kind) => kind === 'TCPSocketWrap').length;

let database: TestDatabase;
let federation: ControllableFederation;
let membership: ChildProcess | undefined;
const membershipOutput: string[] = [];
let membershipUrl: string;
const gateways: RunningGateway[] = [];

async function gatewayWith(options: Partial<GatewayOptions> = {}): Promise<string> {
  const gateway = await createGateway({
    subgraphUrls: { arrangements: federation.subgraphs.get('arrangements')!.url, membership: membershipUrl },
    userTokenSecret: config.secrets.userToken,
    gatewaySecret: config.secrets.gateway,
    developmentTools: true,
    shutdownGraceMilliseconds: 1000,
    ...options,
  });
  gateways.push(gateway);
  return gateway.listen(0);
}

beforeAll(async () => {
  database = await createTestDatabase({ seeded: true });
  federation = new ControllableFederation(database.url, database.poolSize);
  await federation.startSubgraph('arrangements');
  const port = await freePort();
  membershipUrl = `http://127.0.0.1:${port}/graphql`;
  membership = spawn(process.execPath, [path.join(REPOSITORY_ROOT, 'services/membership/dist/main.js')], {
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      DATABASE_URL: database.url,
      DATABASE_POOL_SIZE: String(database.poolSize),
      MEMBERSHIP_PORT: String(port),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  membership.stdout!.on('data', (chunk: Buffer) => membershipOutput.push(chunk.toString()));
  membership.stderr!.on('data', (chunk: Buffer) => membershipOutput.push(chunk.toString()));
  const ready = await eventually(
    async () => (await fetch(membershipUrl.replace(/graphql$/, 'ready'), { signal: AbortSignal.timeout(1000) }).catch(() => undefined))?.ok === true,
    200,
    200,
  );
  if (!ready) throw new Error(`The membership subgraph did not start:\n${membershipOutput.join('')}`);
  // A real process migrates and seeds before it is ready: on a busy machine that outlasts jest's default.
}, 300_000);

afterAll(async () => {
  for (const gateway of gateways) await gateway.stop();
  if (membership && membership.exitCode === null && membership.signalCode === null) {
    membership.kill('SIGCONT');
    const exited = new Promise((resolve) => membership!.once('exit', resolve));
    membership.kill('SIGTERM');
    const timer = setTimeout(() => membership!.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }
  await federation?.stop();
  await database?.drop();
});

describe('a subgraph frozen with SIGSTOP', () => {
  let gatewayUrl: string;
  const ask = () => postGraphQL<{ partnership: { name: string } | null; organisation: { name: string } | null }>(gatewayUrl, ACROSS_BOTH);
  const timed = async () => {
    const started = Date.now();
    const response = await ask();
    return { response, elapsed: Date.now() - started };
  };

  beforeAll(async () => {
    // A long reset, so the breaker stays open while the test looks at it.
    gatewayUrl = await gatewayWith({
      subgraphCalls: { deadlineMilliseconds: DEADLINE, mutationDeadlineMilliseconds: 2 * DEADLINE, circuitResetMilliseconds: 4000 },
    });
    // The first calls of a fresh process (connections, compilation) may outlast the short deadline.
    await eventually(async () => (await ask()).errors === undefined, 10, 100);
  });
  afterAll(() => {
    membership?.kill('SIGCONT');
  });

  it('answers whole while the subgraph runs', async () => {
    const response = await ask();
    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({ partnership: { name: expect.stringMatching(/Shropshire/) }, organisation: { name: 'West Mercia Police' } });
  });

  it("answers within the deadline plus a second, with the other subgraph's data and SUBGRAPH_UNAVAILABLE, then fails fast once the circuit opens", async () => {
    const socketsBefore = openSockets();
    membership!.kill('SIGSTOP');
    const answers: Awaited<ReturnType<typeof timed>>[] = [];
    // Bounded: enough calls to open the breaker (5 in its window, most failing), then a few more.
    for (let attempt = 0; attempt < 8; attempt += 1) answers.push(await timed());
    for (const { response, elapsed } of answers) {
      expect(response.status).toBe(200);
      expect(elapsed).toBeLessThan(DEADLINE + 1000);
      expect(response.data!.partnership!.name).toMatch(/Shropshire/);
      expect(response.data!.organisation).toBeNull();
      expect(response.errors).toHaveLength(1);
      expect(response.errors![0]!.extensions).toMatchObject({ code: 'SUBGRAPH_UNAVAILABLE', subgraph: 'membership' });
      expect(JSON.stringify(response.errors)).not.toMatch(LEAK_PATTERN);
    }
    // The first calls waited for their deadline; the last ones did not wait at all.
    expect(answers[0]!.elapsed).toBeGreaterThanOrEqual(DEADLINE - 50);
    expect(answers.at(-1)!.elapsed).toBeLessThan(DEADLINE);
    // Abandoned calls closed their sockets: nothing piles up while the subgraph is frozen.
    expect(openSockets()).toBeLessThanOrEqual(socketsBefore + 2);
  });

  it('recovers after SIGCONT, once /ready answers again', async () => {
    membership!.kill('SIGCONT');
    const whole = await eventually(
      async () => {
        const response = await ask();
        return response.errors === undefined && response.data?.organisation?.name === 'West Mercia Police';
      },
      100,
      100,
    );
    expect(whole).toBe(true);
  });
});

describe('keep-alive between a healthy gateway and a healthy subgraph', () => {
  afterAll(() => {
    Object.assign(federation.subgraphs.get('arrangements')!.server!.httpServer, SUBGRAPH_HTTP_TIMEOUTS);
  });

  it('never loses a request sent as the subgraph closes an idle socket', async () => {
    const gatewayUrl = await gatewayWith();
    // A very short keep-alive: the subgraph closes each idle socket 2 s after its last answer.
    // Each round sends a burst on many idle sockets within a few milliseconds of that moment, on
    // either side of it; before the fix some of those calls met a socket being closed.
    const keepAliveTimeout = 2000;
    federation.subgraphs.get('arrangements')!.server!.httpServer.keepAliveTimeout = keepAliveTimeout;
    const query = `{ partnership(slug: "telford-and-wrekin") { name } }`;
    const burst = () => Promise.all(Array.from({ length: 8 }, () => postGraphQL<{ partnership: { name: string } }>(gatewayUrl, query)));
    await burst();
    const failures: unknown[] = [];
    for (let round = 0; round < 8; round += 1) {
      await new Promise((resolve) => setTimeout(resolve, keepAliveTimeout - 4 + round));
      for (const response of await burst()) {
        if (response.errors || !/Telford/.test(response.data?.partnership.name ?? '')) failures.push(response.errors);
      }
    }
    expect(failures).toEqual([]);
  });
});

describe('one retry of a query whose connection broke, never of a mutation', () => {
  let server: http.Server;
  let url: string;
  let requests = 0;

  beforeAll(async () => {
    // The first request on each test has its connection reset, as a closing keep-alive socket does.
    server = http.createServer((request, response) => {
      requests += 1;
      if (requests === 1) return void request.socket.destroy();
      request.resume();
      request.on('end', () => response.writeHead(200, { 'content-type': 'application/json' }).end('{"data":{"ok":true}}'));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as net.AddressInfo).port}/graphql`;
  });
  beforeEach(() => {
    requests = 0;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  const send = (mutation: boolean) => {
    const caller = createSubgraphCaller('fixture', url);
    const init = { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ ok }"}' };
    return { caller, result: subgraphCallScope.run({ mutation }, () => caller.fetcher(url, init)) };
  };

  it('sends a query again once, and it succeeds', async () => {
    const { caller, result } = send(false);
    const response = await result;
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { ok: true } });
    expect(requests).toBe(2);
    await caller.close();
  });

  it('does not send a mutation again: it may have been applied', async () => {
    const { caller, result } = send(true);
    await expect(result).rejects.toThrow();
    expect(requests).toBe(1);
    await caller.close();
  });
});

describe('tokens with many grants', () => {
  let gatewayUrl: string;
  const editable = `{ mine: body(id: "telford-and-wrekin.executive") { name viewerCanEdit } theirs: body(id: "solihull.executive") { viewerCanEdit } }`;

  beforeAll(async () => {
    gatewayUrl = await gatewayWith();
  });

  it('serves a token of 300 grants, duplicates included, with the access they give', async () => {
    // Grants as an identity provider may write them: regional ones without a partnershipSlug.
    const grants = [
      ...Array.from({ length: 200 }, () => ({ role: 'analyst' }) as Grant),
      ...Array.from({ length: 60 }, () => grant('partnership-admin', 'telford-and-wrekin')),
      ...Array.from({ length: 40 }, () => grant('member', 'shropshire')),
    ];
    expect(grants).toHaveLength(300);
    const token = tokenFor(grants, 'many-grants');
    // As in the issue: about 8 kB, which became over 16 kB once forwarded grant by grant.
    expect(token.length).toBeGreaterThan(7900);
    const response = await postGraphQL<{ mine: { name: string; viewerCanEdit: boolean }; theirs: { viewerCanEdit: boolean } }>(gatewayUrl, editable, {
      authorization: `Bearer ${token}`,
    });
    expect(response.status).toBe(200);
    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({ mine: { name: expect.stringMatching(/Executive/i), viewerCanEdit: true }, theirs: { viewerCanEdit: false } });
  });

  it('refuses, at the gateway and naming the limit, a token whose grants cannot be passed on', async () => {
    // 105 distinct partnerships with the longest slugs allowed: under the gateway's own header
    // limit (16 KiB), over what the assertion may carry even compacted.
    const grants = Array.from({ length: 105 }, (_, index) => grant('member', `${String(index).padStart(3, '0')}-${'x'.repeat(60)}`));
    const token = tokenFor(grants, 'too-many-grants');
    expect(token.length).toBeLessThan(16_000);
    const response = await postGraphQL(gatewayUrl, editable, { authorization: `Bearer ${token}` });
    expect(response.status).toBe(400);
    expect(response.data ?? null).toBeNull();
    expect(response.errors![0]!.extensions).toEqual({ code: 'TOKEN_TOO_LARGE' });
    expect(response.errors![0]!.message).toContain(`105 distinct grants`);
    expect(response.errors![0]!.message).toContain(`limit of ${GATEWAY_ASSERTION_MAX_BYTES} bytes`);
  });
});

describe('client mistakes are 400s with a stable code', () => {
  let gatewayUrl: string;
  beforeAll(async () => {
    gatewayUrl = await gatewayWith();
  });

  const json = { 'content-type': 'application/json' };
  const post = (body: string, headers: Record<string, string> = json) => ({ method: 'POST', headers, body });
  it.each<[string, string, RequestInit, string, RegExp]>([
    [
      'two operations without operationName',
      '',
      post(JSON.stringify({ query: 'query A { partnerships { slug } } query B { partnerships { name } }' })),
      'OPERATION_NOT_CHOSEN',
      /2 operations \(A, B\).*operationName/,
    ],
    [
      'an operationName the query does not have',
      '',
      post(JSON.stringify({ query: 'query A { partnerships { slug } }', operationName: 'Z' })),
      'OPERATION_NOT_CHOSEN',
      /no operation named "Z"; its operations are: A/,
    ],
    ['variables as a JSON string', '', post(JSON.stringify({ query: '{ partnerships { slug } }', variables: '{"slug":' })), 'BAD_REQUEST', /variables/],
    ['variables that are not an object', '', post(JSON.stringify({ query: '{ partnerships { slug } }', variables: [1] })), 'BAD_REQUEST', /must be an object/],
    ['a body that is not JSON', '', post('{"query": '), 'BAD_REQUEST', /not valid JSON/],
    ['an empty body', '', post(''), 'BAD_REQUEST', /body missing/],
    ['a body of null', '', post('null'), 'BAD_REQUEST', /not valid JSON/],
    [
      'the wrong content type',
      '',
      post('{ partnerships { slug } }', { 'content-type': 'text/plain', 'apollo-require-preflight': 'true' }),
      'BAD_REQUEST',
      /Content-Type/,
    ],
    ['a GET without a query', '', { method: 'GET', headers: { 'apollo-require-preflight': 'true' } }, 'BAD_REQUEST', /non-empty `query`/],
    [
      'a GET with variables that are not JSON',
      '?query=%7B__typename%7D&variables=%7Bbad',
      { method: 'GET', headers: { 'apollo-require-preflight': 'true' } },
      'BAD_REQUEST',
      /variables .*invalid JSON/,
    ],
    ['a query that is not a string', '', post(JSON.stringify({ query: 5 })), 'BAD_REQUEST', /must be strings/],
    [
      'a persisted query of an unknown version',
      '',
      post(JSON.stringify({ query: '{ __typename }', extensions: { persistedQuery: { version: 2, sha256Hash: 'ab' } } })),
      'PERSISTED_QUERY_INVALID',
      /version 1/,
    ],
    [
      "a persisted query whose hash is not the query's",
      '',
      post(JSON.stringify({ query: '{ __typename }', extensions: { persistedQuery: { version: 1, sha256Hash: 'ab' } } })),
      'PERSISTED_QUERY_INVALID',
      /SHA-256/,
    ],
    ['a syntax error', '', post(JSON.stringify({ query: '{ partnerships { ' })), 'GRAPHQL_PARSE_FAILED', /Syntax Error/],
  ])('%s', async (_case, search, init, code, message) => {
    const response = await fetch(gatewayUrl + search, init);
    expect(response.status).toBe(400);
    const body = (await response.json()) as { data?: unknown; errors: { message: string; extensions: { code: string } }[] };
    expect(body.data ?? null).toBeNull();
    expect(body.errors[0]!.extensions.code).toBe(code);
    expect(body.errors[0]!.message).toMatch(message);
    expect(JSON.stringify(body)).not.toMatch(LEAK_PATTERN);
  });

  it.each([
    [
      'depth',
      `{ body(id: "shropshire.board") { ${'reportsTo { '.repeat(13)}name${' }'.repeat(13)} } }`,
      /^Query depth limit of 12 exceeded, found \d+\. .*QUERY_MAX_DEPTH/,
    ],
    ['tokens', `{ partnerships { ${'slug '.repeat(2000)} } }`, /^The query has more than 2000 tokens, the limit \(QUERY_MAX_TOKENS\)/],
    [
      'aliases',
      `{ ${Array.from({ length: 16 }, (_, index) => `a${index}: partnerships { slug }`).join(' ')} }`,
      /^Aliases limit of 15 exceeded.*QUERY_MAX_ALIASES/,
    ],
  ])('names the %s limit it refuses, not a "Syntax Error"', async (_limit, query, message) => {
    const response = await postGraphQL(gatewayUrl, query);
    expect(response.status).toBe(400);
    expect(response.errors![0]!.message).toMatch(message);
    expect(response.errors![0]!.message).not.toMatch(/Syntax Error/);
  });
});
