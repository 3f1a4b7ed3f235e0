import fs from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { signGatewayAssertion, signUserToken } from '@safeguarding/auth';
import { loadConfig, REPOSITORY_ROOT, SUBGRAPHS } from '@safeguarding/config';
import { grant, postGraphQL, startTestFederation, type TestFederation } from '@safeguarding/testkit';
import { composeSupergraph, presentSubgraphs, SUPERGRAPH_FILE } from '../src/compose';

const config = loadConfig({ ...process.env, NODE_ENV: 'test' });

describe('the supergraph', () => {
  it('is the composition of the subgraphs as they are now (run npm run compose when this fails)', () => {
    expect(fs.readFileSync(SUPERGRAPH_FILE, 'utf8')).toBe(composeSupergraph());
  });
});

describe('docker-compose.yml', () => {
  const compose = parseYaml(fs.readFileSync(path.join(REPOSITORY_ROOT, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
    services: Record<string, { ports?: string[]; environment?: Record<string, string>; build?: { args?: Record<string, string> } }>;
  };

  it('runs PostgreSQL, Redis, the gateway and exactly the subgraphs in services/', () => {
    const expected = ['gateway', 'postgres', 'redis', ...presentSubgraphs().map((s) => s.name)].sort();
    expect(Object.keys(compose.services).sort()).toEqual(expected);
  });

  it.each(SUBGRAPHS.filter((s) => presentSubgraphs().some((p) => p.name === s.name)).map((s) => [s.name, s.port] as const))(
    'gives %s its configured port %i, its own build and the gateway a route to it',
    (name, port) => {
      const service = compose.services[name]!;
      expect(service.ports).toEqual([`${port}:${port}`]);
      expect(service.environment![`${name.toUpperCase()}_PORT`]).toBe(String(port));
      expect(service.build!.args!.SERVICE_PATH).toBe(`services/${name}`);
      expect(fs.existsSync(path.join(REPOSITORY_ROOT, 'services', name, 'main.ts'))).toBe(true);
      expect(compose.services.gateway!.environment![`${name.toUpperCase()}_URL`]).toBe(`http://${name}:${port}/graphql`);
    },
  );

  it('publishes the gateway on its configured port', () => {
    expect(compose.services.gateway!.ports).toEqual([`${config.gateway.port}:${config.gateway.port}`]);
  });
});

describe('the running federation', () => {
  let federation: TestFederation;
  beforeAll(async () => {
    federation = await startTestFederation({ only: ['arrangements', 'membership'] });
  });
  afterAll(async () => {
    await federation?.stop();
  });

  it('joins two subgraphs in one answer', async () => {
    const { data, errors } = await federation.query(`{ partnership(slug: "shropshire") { name leadSafeguardingPartners { organisation { name } } } }`);
    expect(errors).toBeUndefined();
    expect(data!.partnership.leadSafeguardingPartners.map((l: { organisation: { name: string } }) => l.organisation.name).sort()).toEqual([
      'Shropshire Council',
      'Shropshire, Telford & Wrekin Integrated Care Board',
      'West Mercia Police',
    ]);
  });

  describe('callers', () => {
    it.each([
      [
        'a forged token',
        `Bearer ${signUserToken('a-different-secret-that-is-long-enough-123', 'mallory', [{ role: 'regional-admin', partnershipSlug: null }])}`,
      ],
      ['an expired token', `Bearer ${signUserToken(config.secrets.userToken, 'late', [{ role: 'analyst', partnershipSlug: null }], -60)}`],
      ['a header that is not a bearer token', 'Basic dXNlcjpwYXNz'],
      ['a token with an unknown role', `Bearer ${signUserToken(config.secrets.userToken, 'odd', [{ role: 'superuser' as never, partnershipSlug: null }])}`],
    ])('refuses %s with 401 UNAUTHENTICATED', async (_case, authorization) => {
      const response = await federation.query(`{ partnerships { slug } }`, { authorization });
      expect(response.status).toBe(401);
      expect(response.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
      expect(response.data ?? null).toBeNull();
    });

    it('serves the anonymous public reader without a token', async () => {
      const response = await federation.query(`{ partnerships { slug } }`);
      expect(response.status).toBe(200);
      expect(response.data!.partnerships).toHaveLength(3);
    });

    it('passes the verified caller to the subgraphs', async () => {
      const asAdmin = await federation.query(`{ partnership(slug: "solihull") { viewerCanEdit } }`, { as: [grant('partnership-admin', 'solihull')] });
      expect(asAdmin.data!.partnership.viewerCanEdit).toBe(true);
      const asAnalyst = await federation.query(`{ partnership(slug: "solihull") { viewerCanEdit } }`, { as: [grant('analyst')] });
      expect(asAnalyst.data!.partnership.viewerCanEdit).toBe(false);
    });
  });

  describe('subgraphs', () => {
    const query = `{ partnerships { slug } }`;
    it('refuse a direct call without the gateway credentials', async () => {
      const response = await postGraphQL(federation.subgraphUrls.arrangements!, query);
      expect(response.status).toBe(401);
      expect(response.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
      expect(response.errors![0]!.message).toMatch(/answers only the gateway/);
    });

    it('refuse credentials signed with another secret', async () => {
      const forged = signGatewayAssertion('not-the-gateway-secret-but-long-enough', { subject: 'x', grants: [] });
      const response = await postGraphQL(federation.subgraphUrls.arrangements!, query, {}, { 'x-gateway-assertion': forged });
      expect(response.status).toBe(401);
    });

    it("answer a call that carries the gateway's credentials", async () => {
      const assertion = signGatewayAssertion(config.secrets.gateway, { subject: 'gateway-test', grants: [] });
      const response = await postGraphQL<{ partnerships: unknown[] }>(federation.subgraphUrls.arrangements!, query, {}, { 'x-gateway-assertion': assertion });
      expect(response.status).toBe(200);
      expect(response.data!.partnerships).toHaveLength(3);
      expect(Number(response.headers.get('x-sql-statements'))).toBeGreaterThan(0);
    });
  });

  describe('health, readiness and the explorer', () => {
    const base = () => federation.gatewayUrl.replace(/\/graphql$/, '');

    it('reports readiness of every subgraph', async () => {
      const response = await fetch(`${base()}/ready`);
      const body = (await response.json()) as { subgraphs: Record<string, string> };
      expect(body.subgraphs.arrangements).toBe('ready');
      expect(body.subgraphs.membership).toBe('ready');
      const subgraphReady = await fetch(federation.subgraphUrls.membership!.replace(/\/graphql$/, '/ready'));
      expect(await subgraphReady.json()).toEqual({ status: 'ready', subgraph: 'membership', database: 'up' });
    });

    it('serves an explorer that needs no internet', async () => {
      const page = await (await fetch(`${base()}/explorer`)).text();
      const sources = [...page.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1]!);
      expect(sources.length).toBeGreaterThanOrEqual(4);
      for (const source of sources) {
        expect(source.startsWith('/explorer/assets/')).toBe(true);
        const asset = await fetch(`${base()}${source}`);
        expect(asset.status).toBe(200);
      }
    });
  });
});
