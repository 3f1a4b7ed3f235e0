/**
 * HTTP as front ends use it: CORS answers and the CSRF check (cross-origin.ts), GET queries from
 * the common clients, and HTTP caching of the public's answers (http-caching.ts). The same in a
 * real browser: browser.test.ts.
 */
import { execFile } from 'node:child_process';
import http from 'node:http';
import { promisify } from 'node:util';
import { GraphQLClient } from 'graphql-request';
import { grant, startTestFederation, type TestFederation, tokenFor } from '@safeguarding/testkit';
import { createGateway, type GatewayOptions, type RunningGateway } from '../src';
import { baseUrl, config } from './support/harness';

let federation: TestFederation;
const gateways: RunningGateway[] = [];

async function gatewayWith(options: Partial<GatewayOptions>): Promise<string> {
  const gateway = await createGateway({
    subgraphUrls: federation.subgraphUrls,
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
  federation = await startTestFederation({ only: ['arrangements', 'membership'] });
}, 300_000);
afterAll(async () => {
  for (const gateway of gateways) await gateway.stop();
  await federation?.stop();
});

const QUERY = '{ partnership(slug: "solihull") { id name } }';
const getUrl = (graphqlUrl: string, query = QUERY) => `${graphqlUrl}?query=${encodeURIComponent(query)}`;
const preflight = (url: string, origin: string, method = 'POST', headers = 'content-type,authorization') =>
  fetch(url, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': method, 'access-control-request-headers': headers } });

describe('CORS', () => {
  const FRONT_END = 'https://safeguarding-app.example.org';
  let productionLike: string;
  beforeAll(async () => {
    productionLike = await gatewayWith({
      developmentTools: false,
      crossOrigin: { allowedOrigins: [FRONT_END], anyLocalhostPort: false, preflightMaxAgeSeconds: 600 },
    });
  });

  it('answers a preflight from a listed origin for /graphql: its origin, credentials, the headers it asked for, and how long to keep the answer', async () => {
    const response = await preflight(productionLike, FRONT_END);
    expect(response.status).toBe(204);
    const accessControl: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      if (name.startsWith('access-control-')) accessControl[name] = value;
    });
    expect(accessControl).toEqual({
      'access-control-allow-origin': FRONT_END,
      'access-control-allow-credentials': 'true',
      'access-control-allow-headers': 'content-type,authorization',
      'access-control-allow-methods': 'GET, POST',
      'access-control-max-age': '600',
    });
    expect(response.headers.get('vary')).toMatch(/Origin/);
  });

  it('answers a preflight for /calendars, so a page can make and revoke a private feed', async () => {
    const asked = await preflight(`${baseUrl(productionLike)}/calendars/feeds`, FRONT_END, 'POST', 'authorization, content-type');
    expect(asked.status).toBe(204);
    expect(asked.headers.get('access-control-allow-origin')).toBe(FRONT_END);
    expect(asked.headers.get('access-control-allow-methods')).toBe('GET, POST, DELETE');
  });

  it('answers a preflight for /exports, and the CSV answer lets the page read its filename', async () => {
    const exportUrl = `${baseUrl(productionLike)}/exports/organisations.csv`;
    const asked = await preflight(exportUrl, FRONT_END, 'GET', 'authorization');
    expect(asked.status).toBe(204);
    // POST too: a page asks for a signed download link with POST /exports/links.
    expect(asked.headers.get('access-control-allow-methods')).toBe('GET, POST');
    const response = await fetch(exportUrl, { headers: { origin: FRONT_END, authorization: `Bearer ${tokenFor([grant('analyst')])}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe(FRONT_END);
    expect(response.headers.get('access-control-expose-headers')).toMatch(/content-disposition/);
  });

  it('puts CORS headers on refusals too, so the page can read why (a bad token: 401)', async () => {
    const response = await fetch(productionLike, {
      method: 'POST',
      headers: { origin: FRONT_END, 'content-type': 'application/json', authorization: 'Bearer nonsense' },
      body: JSON.stringify({ query: QUERY }),
    });
    expect(response.status).toBe(401);
    expect(response.headers.get('access-control-allow-origin')).toBe(FRONT_END);
    expect(response.headers.get('access-control-expose-headers')).toMatch(/www-authenticate/);
  });

  it('refuses a preflight from any other origin with 403 naming CORS_ORIGINS, and gives its requests no CORS headers', async () => {
    const response = await preflight(productionLike, 'http://localhost:5173');
    expect(response.status).toBe(403);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    const body = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors[0]!.extensions.code).toBe('ORIGIN_NOT_ALLOWED');
    expect(body.errors[0]!.message).toMatch(/http:\/\/localhost:5173 .*CORS_ORIGINS/);
    const direct = await fetch(productionLike, {
      method: 'POST',
      headers: { origin: 'https://elsewhere.example', 'content-type': 'application/json' },
      body: JSON.stringify({ query: QUERY }),
    });
    expect(direct.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('in development, lets a page on any localhost or 127.0.0.1 port call (a Vite dev server), and nothing else unlisted', async () => {
    const development = federation.gatewayUrl;
    for (const origin of ['http://localhost:5173', 'http://127.0.0.1:3000', 'http://[::1]:8080']) {
      const response = await preflight(development, origin);
      expect({ origin, status: response.status, allowed: response.headers.get('access-control-allow-origin') }).toEqual({
        origin,
        status: 204,
        allowed: origin,
      });
    }
    expect((await preflight(development, 'http://localhost.example.org:5173')).status).toBe(403);
  });
});

describe('the CSRF check', () => {
  it('refuses a simple POST (text/plain, no preflight header) as before, with a message saying what to send', async () => {
    const response = await fetch(federation.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', origin: 'http://localhost:5173' },
      body: JSON.stringify({ query: QUERY }),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors[0]!.extensions.code).toBe('BAD_REQUEST');
    expect(body.errors[0]!.message).toMatch(/cross-site request forgery.*Content-Type: application\/json/);
  });

  it.each([
    ['a link or image on another site (Sec-Fetch-Site: cross-site, no Origin)', { 'sec-fetch-site': 'cross-site' }],
    ['a page on another subdomain of the same site', { 'sec-fetch-site': 'same-site' }],
    ['a fetch from an origin that is not allowed', { 'sec-fetch-site': 'cross-site', origin: 'https://hostile.example' }],
    ['a sandboxed page (Origin: null)', { origin: 'null' }],
  ])('refuses a bare GET sent by a browser from %s', async (_case, headers) => {
    const response = await fetch(getUrl(federation.gatewayUrl), { headers });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { data?: unknown; errors: { message: string }[] };
    expect(body.data ?? null).toBeNull();
    expect(body.errors[0]!.message).toMatch(/GET was refused as a possible cross-site request forgery/);
  });

  it.each([
    ['typed into the address bar', { 'sec-fetch-site': 'none' }],
    ["sent by the gateway's own pages", { 'sec-fetch-site': 'same-origin' }],
    ['sent by a page on an allowed origin', { 'sec-fetch-site': 'same-site', origin: 'http://localhost:5173' }],
  ])('serves a bare GET %s', async (_case, headers) => {
    const response = await fetch(getUrl(federation.gatewayUrl), { headers });
    expect(response.status).toBe(200);
  });

  it('never runs a mutation over GET (405), whatever the headers', async () => {
    const response = await fetch(getUrl(federation.gatewayUrl, 'mutation { endMembership(id: "x", endDate: "2025-01-01") { id } }'), {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(response.status).toBe(405);
  });
});

describe('GET queries from common clients', () => {
  it('curl: a bare GET', async () => {
    const { stdout } = await promisify(execFile)('curl', ['-s', '-G', federation.gatewayUrl, '--data-urlencode', `query=${QUERY}`]);
    expect(JSON.parse(stdout).data.partnership.name).toMatch(/Solihull/);
  });

  it('graphql-request with method GET, as it comes', async () => {
    const client = new GraphQLClient(federation.gatewayUrl, { method: 'GET' });
    const data = await client.request<{ partnership: { name: string } }>('query Partnership($slug: String!) { partnership(slug: $slug) { id name } }', {
      slug: 'shropshire',
    });
    expect(data.partnership.name).toMatch(/Shropshire/);
  });

  it('Apollo Client with useGETForQueries (it sends content-type: application/json on GET)', async () => {
    const search = new URLSearchParams({
      operationName: 'Partnership',
      query: 'query Partnership($slug: String!) { partnership(slug: $slug) { id name __typename } }',
      variables: JSON.stringify({ slug: 'telford-and-wrekin' }),
    });
    const response = await fetch(`${federation.gatewayUrl}?${search}`, {
      headers: { accept: 'application/graphql-response+json,application/json;q=0.9', 'content-type': 'application/json' },
    });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { data: { partnership: { name: string } } }).data.partnership.name).toMatch(/Telford/);
  });
});

/**
 * A revalidation as a browser's cache or a CDN sends it. Not fetch(): a conditional fetch() adds
 * `Cache-Control: no-cache` (the Fetch standard), on which express always sends the whole answer.
 */
function revalidate(url: string, etag: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { 'if-none-match': etag } }, (response) => {
        let body = '';
        response.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
      })
      .on('error', reject);
  });
}

describe('HTTP caching', () => {
  const cacheControl = async (url: string, init: RequestInit = {}) => (await fetch(url, init)).headers.get('cache-control');

  it("lets browsers and shared caches keep the anonymous public's GET answer for a minute, varying by Origin and Authorization", async () => {
    const response = await fetch(getUrl(federation.gatewayUrl));
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=60');
    expect(response.headers.get('vary')).toMatch(/Origin.*Authorization|Authorization.*Origin/);
  });

  it('answers 304 with no body to an If-None-Match that matches the ETag, and the whole answer to another', async () => {
    const first = await fetch(getUrl(federation.gatewayUrl));
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^(W\/)?"[^"]+"$/);
    const again = await revalidate(getUrl(federation.gatewayUrl), etag);
    expect(again).toEqual({ status: 304, body: '' });
    const other = await revalidate(getUrl(federation.gatewayUrl, '{ partnership(slug: "shropshire") { id name } }'), etag);
    expect(other.status).toBe(200);
  });

  it("never lets a signed-in caller's answer be kept: no-store, even for public data", async () => {
    expect(await cacheControl(getUrl(federation.gatewayUrl), { headers: { authorization: `Bearer ${tokenFor([grant('analyst')])}` } })).toBe('no-store');
  });

  it('keeps POSTs, answers with errors and refusals no-store', async () => {
    const post = await fetch(federation.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: QUERY }),
    });
    expect(post.headers.get('cache-control')).toBe('no-store');
    // An answer with an error (here an impossible date) must not outlive the request.
    const refused = await fetch(getUrl(federation.gatewayUrl, '{ partnership(slug: "solihull") { id bodies(asOf: "2024-02-30") { id } } }'));
    expect(((await refused.json()) as { errors?: unknown[] }).errors).toHaveLength(1);
    expect(refused.headers.get('cache-control')).toBe('no-store');
  });

  it('keeps a persisted query miss uncached (private, no-cache), so a CDN cannot answer "not found" after the text was registered', async () => {
    const extensions = encodeURIComponent(JSON.stringify({ persistedQuery: { version: 1, sha256Hash: 'f'.repeat(64) } }));
    expect(await cacheControl(`${federation.gatewayUrl}?extensions=${extensions}`)).toBe('private, no-cache, must-revalidate');
  });

  it('caches nothing publicly when PUBLIC_CACHE_MAX_AGE_SECONDS is 0', async () => {
    const url = await gatewayWith({ httpCaching: { publicMaxAgeSeconds: 0 } });
    expect(await cacheControl(getUrl(url))).toBe('no-store');
  });
});
