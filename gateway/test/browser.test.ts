/**
 * A front end on another origin, in a real browser: headless Chromium (Debian's `chromium`,
 * installed by scripts/install-browser.sh) loads a page from a second origin that runs a query, a
 * mutation with a token, and a CSV download against the federation; a page from a third origin,
 * not allowed, is refused. Skipped, saying why, only where Chromium is not installed.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Browser, chromium, type Page } from 'playwright-core';
import { grant, startTestFederation, type TestFederation, tokenFor } from '@safeguarding/testkit';
import { createGateway, type RunningGateway } from '../src';
import { baseUrl, config } from './support/harness';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const available = fs.existsSync(CHROMIUM);
if (!available) {
  console.warn(
    `The browser test is skipped: Chromium is not installed at ${CHROMIUM}. Run scripts/install-browser.sh (needs root and apt-get), or set CHROMIUM_PATH.`,
  );
}

/** The front end: plain fetch calls, as any client library makes them, with the results kept for the test. */
const FRONT_END = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>A front end on another origin</title></head>
<body>
<script>
  async function graphql(gateway, query, variables, token) {
    const headers = { 'content-type': 'application/json' };
    if (token) headers.authorization = 'Bearer ' + token;
    const response = await fetch(gateway + '/graphql', { method: 'POST', headers, credentials: 'include', body: JSON.stringify({ query, variables }) });
    return { status: response.status, body: await response.json(), requestId: response.headers.get('x-request-id') };
  }
  async function downloadCsv(gateway, name, token) {
    const response = await fetch(gateway + '/exports/' + name, { headers: { authorization: 'Bearer ' + token }, credentials: 'include' });
    const text = await response.text();
    const disposition = response.headers.get('content-disposition');
    // Saved the way a front end offers a download: a blob link with the server's filename.
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([text], { type: 'text/csv' }));
    link.download = /filename="([^"]+)"/.exec(disposition || '')?.[1] || 'export.csv';
    document.body.appendChild(link);
    link.click();
    return { status: response.status, disposition, text };
  }
  async function bareGet(gateway, query) {
    try {
      const response = await fetch(gateway + '/graphql?query=' + encodeURIComponent(query));
      return { status: response.status, body: await response.json() };
    } catch (error) {
      return { blocked: String(error) };
    }
  }
  async function simplePost(gateway, query) {
    try {
      // text/plain: a "simple" request, sent without asking the gateway first.
      const response = await fetch(gateway + '/graphql', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ query }) });
      return { status: response.status, body: await response.json() };
    } catch (error) {
      return { blocked: String(error) };
    }
  }
</script>
<p>A front end.</p>
</body></html>`;

async function servePage(): Promise<{ server: http.Server; origin: string }> {
  const server = http.createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(FRONT_END);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

(available ? describe : describe.skip)('a front end on another origin, in headless Chromium', () => {
  let federation: TestFederation;
  let gateway: RunningGateway;
  let gatewayOrigin: string;
  let browser: Browser;
  let allowed: { server: http.Server; origin: string };
  let other: { server: http.Server; origin: string };
  // What the gateway answered, as the network saw it (the page may not be allowed to see it).
  const answered: { method: string; url: string; status: number }[] = [];
  const preflights = () => answered.filter((answer) => answer.method === 'OPTIONS').length;

  beforeAll(async () => {
    federation = await startTestFederation({ only: ['arrangements', 'membership'] });
    allowed = await servePage();
    other = await servePage();
    // As in production: only the listed origin, not any localhost port.
    gateway = await createGateway({
      subgraphUrls: federation.subgraphUrls,
      userTokenSecret: config.secrets.userToken,
      gatewaySecret: config.secrets.gateway,
      developmentTools: true,
      shutdownGraceMilliseconds: 1000,
      crossOrigin: { allowedOrigins: [allowed.origin], anyLocalhostPort: false, preflightMaxAgeSeconds: 600 },
    });
    gatewayOrigin = baseUrl(await gateway.listen(0));
    gateway.httpServer.prependListener('request', (request: http.IncomingMessage, response: http.ServerResponse) => {
      const url = request.url ?? ''; // before express rewrites it under a mount path
      response.on('finish', () => answered.push({ method: request.method ?? '', url, status: response.statusCode }));
    });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await gateway?.stop();
    for (const page of [allowed, other]) if (page) await new Promise((resolve) => page.server.close(resolve));
    await federation?.stop();
  });

  async function open(origin: string): Promise<Page> {
    const context = await browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(`${origin}/`);
    return page;
  }

  it('runs a query from the allowed origin', async () => {
    const page = await open(allowed.origin);
    const answer = await page.evaluate(([gateway]) => (window as any).graphql(gateway, '{ partnerships { id slug name } }'), [gatewayOrigin]);
    expect(answer.status).toBe(200);
    expect(answer.body.data.partnerships.map((partnership: { slug: string }) => partnership.slug).sort()).toEqual([
      'shropshire',
      'solihull',
      'telford-and-wrekin',
    ]);
    // An exposed header: the page can quote the request id when it reports a problem.
    expect(answer.requestId).toMatch(/\S{8,}/);
  });

  it('runs a mutation with a token, with credentials, and asks before it only once (the preflight is cached)', async () => {
    const page = await open(allowed.origin);
    const token = tokenFor([grant('partnership-admin', 'telford-and-wrekin')]);
    const before = preflights();
    const read = await page.evaluate(
      ([gateway, token]) => (window as any).graphql(gateway, '{ body(id: "telford-and-wrekin.executive") { id version purpose } }', {}, token),
      [gatewayOrigin, token],
    );
    expect(read.status).toBe(200);
    const { version } = read.body.data.body;
    const purpose = `Strategic leadership, changed from a browser at ${Date.now()}`;
    const mutation =
      'mutation Update($version: Int!, $purpose: String!) { updateBody(id: "telford-and-wrekin.executive", expectedVersion: $version, input: { purpose: $purpose }) { id purpose version } }';
    const changed = await page.evaluate(({ gateway, query, token, variables }) => (window as any).graphql(gateway, query, variables, token), {
      gateway: gatewayOrigin,
      query: mutation,
      token,
      variables: { version, purpose },
    });
    expect(changed.body.errors).toBeUndefined();
    expect(changed.body.data.updateBody).toEqual({ id: 'telford-and-wrekin.executive', purpose, version: version + 1 });
    // The query and the mutation have the same shape of request (POST, JSON, Authorization): one preflight for both.
    expect(preflights() - before).toBe(1);
  });

  it('downloads a CSV export with a token, the filename read from the answer', async () => {
    const page = await open(allowed.origin);
    const token = tokenFor([grant('analyst')]);
    const [download, answer] = await Promise.all([
      page.waitForEvent('download'),
      page.evaluate(([gateway, token]) => (window as any).downloadCsv(gateway, 'organisations.csv', token), [gatewayOrigin, token]),
    ]);
    expect(answer.status).toBe(200);
    expect(answer.disposition).toBe('attachment; filename="organisations.csv"');
    expect(download.suggestedFilename()).toBe('organisations.csv');
    const saved = fs.readFileSync(await download.path(), 'utf8');
    expect(saved.split('\n')[0]).toMatch(/^\uFEFF?id,name,sector,also known as/);
    expect(saved).toContain('West Mercia Police');
  });

  it('answers a bare GET query from the allowed origin, as graphql-request sends it', async () => {
    const page = await open(allowed.origin);
    const answer = await page.evaluate(([gateway]) => (window as any).bareGet(gateway, '{ partnership(slug: "solihull") { id name } }'), [gatewayOrigin]);
    expect(answer.status).toBe(200);
    expect(answer.body.data.partnership.name).toMatch(/Solihull/);
  });

  it('still refuses a simple POST, which a browser sends without asking first, even from the allowed origin', async () => {
    const page = await open(allowed.origin);
    const answer = await page.evaluate(([gateway]) => (window as any).simplePost(gateway, '{ partnerships { slug } }'), [gatewayOrigin]);
    expect(answer.status).toBe(400);
    expect(answer.body.errors[0].message).toMatch(/cross-site request forgery/);
  });

  it('refuses a page from an origin that is not allowed: its simple GET is refused by the gateway, its JSON POST never leaves the browser', async () => {
    const page = await open(other.origin);
    const before = answered.length;
    const bare = await page.evaluate(([gateway]) => (window as any).bareGet(gateway, '{ partnerships { slug } }'), [gatewayOrigin]);
    // The browser keeps the answer from the page (no CORS headers); the gateway had refused it anyway.
    expect(bare.blocked).toMatch(/Failed to fetch/);
    expect(answered.slice(before)).toEqual([{ method: 'GET', url: expect.stringMatching(/^\/graphql\?query=/), status: 400 }]);
    const posted = await page.evaluate(
      ([gateway]) => (window as any).graphql(gateway, '{ partnerships { slug } }').catch((error: unknown) => ({ blocked: String(error) })),
      [gatewayOrigin],
    );
    expect(posted.blocked).toMatch(/Failed to fetch/);
    // The browser asked first, was refused (403), and sent nothing after.
    expect(answered.slice(before + 1)).toEqual([{ method: 'OPTIONS', url: '/graphql', status: 403 }]);
  });
});
