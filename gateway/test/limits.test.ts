/**
 * Abuse at the gateway: graphql-armor's limits, the request size limit, the per-caller rate limit,
 * and introspection and the explorer in development versus production.
 */
import { grant, postGraphQL, startTestFederation, tokenFor, type TestFederation } from '@safeguarding/testkit';
import { createGateway, DEFAULT_QUERY_LIMITS, type RunningGateway } from '../src';
import { baseUrl, config } from './support/harness';

let federation: TestFederation;
const extraGateways: RunningGateway[] = [];

async function gatewayWith(options: Partial<Parameters<typeof createGateway>[0]>): Promise<string> {
  const gateway = await createGateway({
    subgraphUrls: federation.subgraphUrls,
    userTokenSecret: config.secrets.userToken,
    gatewaySecret: config.secrets.gateway,
    developmentTools: true,
    shutdownGraceMilliseconds: 1000,
    ...options,
  });
  extraGateways.push(gateway);
  return gateway.listen(0);
}

beforeAll(async () => {
  federation = await startTestFederation({ only: ['arrangements', 'membership'] });
});
afterAll(async () => {
  for (const gateway of extraGateways) await gateway.stop();
  await federation?.stop();
});

const codeOf = (response: { errors?: { extensions?: { code?: string } }[] }) => response.errors?.[0]?.extensions?.code;

describe('query limits (graphql-armor)', () => {
  it('serves the largest real query shape: a join across subgraphs with aliases', async () => {
    const response = await federation.query(`{
      before: partnership(slug: "shropshire") { bodies(asOf: "2024-09-01") { name validTo reportsTo { name } } }
      after: partnership(slug: "shropshire") { bodies(asOf: "2025-09-01") { name validTo } }
      all: partnerships { name leadSafeguardingPartners { organisation { name sector } } bodies { name meetingFrequency { description } } }
    }`);
    expect(response.errors).toBeUndefined();
    expect(response.data!.all).toHaveLength(3);
  });

  it('refuses a query deeper than the depth limit, saying which limit', async () => {
    // Body.reportsTo is a cycle: the classic way to make a query as deep as you like.
    const deep = `{ body(id: "shropshire.board") { ${'reportsTo { '.repeat(DEFAULT_QUERY_LIMITS.maxDepth + 1)}name${' }'.repeat(DEFAULT_QUERY_LIMITS.maxDepth + 1)} } }`;
    const response = await federation.query(deep);
    expect(response.status).toBe(400);
    expect(codeOf(response)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(response.errors![0]!.message).toMatch(/depth limit of 12/i);
    expect(response.data ?? null).toBeNull();
  });

  it('refuses more aliases than the limit', async () => {
    const aliases = Array.from({ length: DEFAULT_QUERY_LIMITS.maxAliases + 1 }, (_, index) => `a${index}: partnerships { slug }`).join(' ');
    const response = await federation.query(`{ ${aliases} }`);
    expect(response.status).toBe(400);
    expect(response.errors![0]!.message).toMatch(/aliases limit of 15/i);
  });

  it('refuses more directives than the limit', async () => {
    const response = await federation.query(`{ partnerships { slug ${'@include(if: true) '.repeat(DEFAULT_QUERY_LIMITS.maxDirectives + 1)} } }`);
    expect(response.status).toBe(400);
    expect(response.errors![0]!.message).toMatch(/directives limit of 20/i);
  });

  it('refuses a query of more tokens than the limit before parsing it all', async () => {
    const response = await federation.query(`{ partnerships { ${'slug '.repeat(DEFAULT_QUERY_LIMITS.maxTokens)} } }`);
    expect(response.status).toBe(400);
    expect(codeOf(response)).toBe('GRAPHQL_PARSE_FAILED');
    expect(response.errors![0]!.message).toMatch(/more tha[nt] 2000 tokens/i);
    expect(JSON.stringify(response.errors)).not.toMatch(/stacktrace|node_modules/);
  });

  it('refuses a query whose estimated cost is over the limit, though each other limit is met', async () => {
    // About 360 tokens, depth 11, no aliases: lists that branch near the top multiply the cost.
    const wide = 'name purpose kind validFrom validTo usesPaperworkClock version viewerCanEdit';
    let selection = wide;
    for (let depth = 0; depth < 9; depth += 1) {
      selection = `reportsTo { ${wide} ${selection} } reportingBodies { ${wide} ${depth < 3 ? selection : ''} }`;
    }
    const response = await federation.query(`{ body(id: "shropshire.board") { ${selection} } }`);
    expect(response.status).toBe(400);
    expect(response.errors!.map((error) => error.message).join(' ')).toMatch(/cost limit of 5000/i);
  });

  it('answers no field suggestions, which would map the schema with introspection off', async () => {
    // Introspection is off only in production; elsewhere suggestions help developers (developer-errors.test.ts).
    const response = await postGraphQL(await gatewayWith({ developmentTools: false }), `{ partnerships { slg } }`);
    expect(response.status).toBe(400);
    expect(response.errors![0]!.message).not.toMatch(/did you mean/i);
  });

  it('refuses batched requests', async () => {
    const response = await fetch(federation.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ query: '{ partnerships { slug } }' }, { query: '{ partnerships { slug } }' }]),
    });
    expect(response.status).toBe(400);
  });
});

describe('request size', () => {
  it('refuses a body over the limit with 413 and a GraphQL-shaped error, no stack trace', async () => {
    const url = await gatewayWith({ limits: { requestSize: '2kb' } });
    const response = await postGraphQL(url, '{ partnerships { slug } }', { variables: { padding: 'x'.repeat(4096) } });
    expect(response.status).toBe(413);
    expect(codeOf(response)).toBe('PAYLOAD_TOO_LARGE');
    expect(response.errors![0]!.message).toMatch(/larger than 2kb/);
    const small = await postGraphQL(url, '{ partnerships { slug } }');
    expect(small.status).toBe(200);
  });

  it('answers a body that is not JSON with 400 and a GraphQL-shaped error, no stack trace', async () => {
    const response = await fetch(federation.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' });
    expect(response.status).toBe(400);
    const text = await response.text();
    expect(JSON.parse(text).errors[0].extensions.code).toBe('BAD_REQUEST');
    expect(text).not.toMatch(/node_modules|at .*\.js:\d+/);
  });
});

describe('rate limit', () => {
  it('refuses a caller over the limit with 429 RATE_LIMITED, counting each token subject separately', async () => {
    const url = await gatewayWith({ limits: { rateLimit: { windowSeconds: 600, maxRequests: 3 } } });
    const query = '{ partnerships { slug } }';
    const alice = `Bearer ${tokenFor([grant('analyst')], 'alice')}`;
    const bob = `Bearer ${tokenFor([grant('analyst')], 'bob')}`;
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 4; attempt += 1) statuses.push((await postGraphQL(url, query, { authorization: alice })).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const refused = await postGraphQL(url, query, { authorization: alice });
    expect(codeOf(refused)).toBe('RATE_LIMITED');
    expect(refused.headers.get('ratelimit-policy') ?? refused.headers.get('ratelimit')).toBeTruthy();
    // Another caller has their own allowance.
    expect((await postGraphQL(url, query, { authorization: bob })).status).toBe(200);
  });

  it('counts callers without a token by address, and does not count health checks', async () => {
    const url = await gatewayWith({ limits: { rateLimit: { windowSeconds: 600, maxRequests: 2 } } });
    for (let attempt = 0; attempt < 5; attempt += 1) expect((await fetch(`${baseUrl(url)}/health`)).status).toBe(200);
    expect((await postGraphQL(url, '{ partnerships { slug } }')).status).toBe(200);
    expect((await postGraphQL(url, '{ partnerships { slug } }')).status).toBe(200);
    expect((await postGraphQL(url, '{ partnerships { slug } }')).status).toBe(429);
  });

  it('is generous by default outside production, so test suites never meet it', () => {
    expect(config.limits.rateLimit.maxRequests).toBeGreaterThanOrEqual(10_000);
  });
});

describe('development tools', () => {
  const introspection = '{ __schema { queryType { name } } }';

  it('serves introspection and the explorer in development', async () => {
    const response = await federation.query(introspection);
    expect(response.data!.__schema.queryType.name).toBe('Query');
    expect((await fetch(`${baseUrl(federation.gatewayUrl)}/explorer`)).status).toBe(200);
  });

  it('turns introspection and the explorer off in production', async () => {
    const url = await gatewayWith({ developmentTools: false });
    const response = await postGraphQL(url, introspection);
    expect(response.status).toBe(400);
    expect(response.errors![0]!.message).toMatch(/introspection is not allowed/i);
    expect((await fetch(`${baseUrl(url)}/explorer`)).status).toBe(404);
    // Ordinary queries still work.
    expect((await postGraphQL(url, '{ partnerships { slug } }')).status).toBe(200);
  });
});
