/**
 * Gateway replicas share state through Redis (REDIS_URL): two gateways in front of the same
 * subgraphs enforce one rate limit per caller and one APQ cache. Against the machine's Redis on
 * 127.0.0.1:6379 (keys made unique per run: a fresh token subject, a fresh operation text), and,
 * for the outage, a redis-server of this test's own on port 4150 that it kills and starts again.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import net from 'node:net';
import { signUserToken } from '@safeguarding/auth';
import { createTestDatabase, type TestDatabase } from '@safeguarding/testkit';
import { createGateway, type RunningGateway } from '../src';
import { sha256 } from '../src/persisted-operations';
import { config, ControllableFederation, eventually } from './support/harness';

const MACHINE_REDIS = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const OWN_REDIS_PORT = 4150;

interface Answer {
  status: number;
  body: { data?: { partnership?: { name: string } }; errors?: { extensions?: { code?: string } }[] };
}

async function post(url: string, body: Record<string, unknown>, token: string): Promise<Answer> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Answer['body'] };
}

const freshCaller = () => signUserToken(config.secrets.userToken, `shared-state-${randomUUID()}`, []);
/** An operation no other run has registered (the comment changes its hash). */
const freshOperation = () => `# ${randomUUID()}\n{ partnership(slug: "solihull") { name } }`;
const SOLIHULL = { partnership: { name: 'Solihull Safeguarding Children Partnership' } };

function startOwnRedis(): Promise<ChildProcess> {
  const child = spawn('redis-server', ['--port', String(OWN_REDIS_PORT), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  return new Promise((resolve, reject) => {
    let attempts = 0;
    const probe = () => {
      const socket = net.connect(OWN_REDIS_PORT, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(child);
      });
      socket.once('error', () => {
        socket.destroy();
        if (++attempts > 100) reject(new Error(`redis-server did not listen on ${OWN_REDIS_PORT}`));
        else setTimeout(probe, 100);
      });
    };
    probe();
  });
}

describe('gateways sharing Redis', () => {
  let database: TestDatabase;
  let federation: ControllableFederation;
  const gateways: RunningGateway[] = [];
  let ownRedis: ChildProcess | undefined;

  async function startGateway(redisUrl: string | undefined, maxRequests: number): Promise<string> {
    const gateway = await createGateway({
      subgraphUrls: { arrangements: federation.subgraphs.get('arrangements')!.url },
      userTokenSecret: config.secrets.userToken,
      gatewaySecret: config.secrets.gateway,
      developmentTools: true,
      shutdownGraceMilliseconds: 500,
      limits: { rateLimit: { windowSeconds: 300, maxRequests } },
      redisUrl,
    });
    gateways.push(gateway);
    return gateway.listen(0);
  }

  beforeAll(async () => {
    database = await createTestDatabase({ seeded: true });
    federation = new ControllableFederation(database.url, database.poolSize);
    await federation.startSubgraph('arrangements');
  });
  afterAll(async () => {
    for (const gateway of gateways) await gateway.stop();
    await federation?.stop();
    await database?.drop();
    if (ownRedis && ownRedis.exitCode === null) ownRedis.kill('SIGKILL');
  });

  it('enforces one rate limit per caller across two gateways', async () => {
    const [first, second] = [await startGateway(MACHINE_REDIS, 6), await startGateway(MACHINE_REDIS, 6)];
    const token = freshCaller();
    const query = { query: '{ partnership(slug: "solihull") { name } }' };
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await post(i % 2 ? second : first, query, token)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200]);
    // Each gateway alone has seen only 3 of the caller's requests; together they have seen 6.
    const refused = await post(first, query, token);
    expect(refused.status).toBe(429);
    expect(refused.body.errors![0]!.extensions!.code).toBe('RATE_LIMITED');
    expect((await post(second, query, token)).status).toBe(429);
    // Another caller has a limit of its own.
    expect((await post(second, query, freshCaller())).status).toBe(200);
  });

  it('shares persisted queries: registered through one gateway, found by hash through the other', async () => {
    const [first, second] = [await startGateway(MACHINE_REDIS, 1000), await startGateway(MACHINE_REDIS, 1000)];
    const token = freshCaller();
    const text = freshOperation();
    const byHash = { extensions: { persistedQuery: { version: 1, sha256Hash: sha256(text) } } };
    expect((await post(second, byHash, token)).body.errors![0]!.extensions!.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect((await post(first, { ...byHash, query: text }, token)).body.data).toEqual(SOLIHULL);
    // Apollo Server stores the operation just after answering, so the other gateway may look a moment early.
    expect(await eventually(async () => (await post(second, byHash, token)).body.data !== undefined, 20)).toBe(true);
    expect((await post(second, byHash, token)).body).toEqual({ data: SOLIHULL });
  });

  it('without Redis each gateway keeps its own counts and cache, as before', async () => {
    const [first, second] = [await startGateway(undefined, 2), await startGateway(undefined, 2)];
    const token = freshCaller();
    const text = freshOperation();
    const byHash = { extensions: { persistedQuery: { version: 1, sha256Hash: sha256(text) } } };
    const query = { query: '{ partnership(slug: "solihull") { name } }' };
    expect((await post(first, { ...byHash, query: text }, token)).body.data).toEqual(SOLIHULL);
    expect((await post(second, byHash, token)).body.errors![0]!.extensions!.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect((await post(first, query, token)).status).toBe(200);
    expect((await post(first, query, token)).status).toBe(429);
    // The second gateway has counted only its own one request.
    expect((await post(second, query, token)).status).toBe(200);
  });

  it('survives a Redis outage: limits held by each gateway alone, APQ falls back to full text; shared again when Redis returns', async () => {
    ownRedis = await startOwnRedis();
    const ownUrl = `redis://127.0.0.1:${OWN_REDIS_PORT}`;
    const [first, second] = [await startGateway(ownUrl, 4), await startGateway(ownUrl, 4)];
    const token = freshCaller();
    const query = { query: '{ partnership(slug: "solihull") { name } }' };
    const text = freshOperation();
    const byHash = { extensions: { persistedQuery: { version: 1, sha256Hash: sha256(text) } } };
    // Both gateways connected (a registration through one is found through the other).
    expect(
      await eventually(
        async () =>
          (await post(first, { ...byHash, query: text }, freshCaller())).body.data !== undefined &&
          (await post(second, byHash, freshCaller())).body.data !== undefined,
        50,
      ),
    ).toBe(true);

    ownRedis.kill('SIGKILL');
    await new Promise((resolve) => ownRedis!.once('exit', resolve));

    // Rate limit: each gateway now counts the caller alone, from zero, up to the limit.
    const outageToken = freshCaller();
    const firstStatuses: number[] = [];
    for (let i = 0; i < 5; i++) firstStatuses.push((await post(first, query, outageToken)).status);
    expect(firstStatuses).toEqual([200, 200, 200, 200, 429]);
    expect((await post(second, query, outageToken)).status).toBe(200);
    // APQ: a hash alone is a miss; the full text with the hash is served.
    const outageText = freshOperation();
    const outageHash = { extensions: { persistedQuery: { version: 1, sha256Hash: sha256(outageText) } } };
    expect((await post(second, outageHash, token)).body.errors![0]!.extensions!.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect((await post(second, { ...outageHash, query: outageText }, token)).body).toEqual({ data: SOLIHULL });

    // Redis back (empty, on the same port): the gateways reconnect by themselves and share again.
    ownRedis = await startOwnRedis();
    const backText = freshOperation();
    const backHash = { extensions: { persistedQuery: { version: 1, sha256Hash: sha256(backText) } } };
    expect(
      await eventually(
        async () =>
          (await post(first, { ...backHash, query: backText }, freshCaller())).body.data !== undefined &&
          (await post(second, backHash, freshCaller())).body.data !== undefined,
        100,
        200,
      ),
    ).toBe(true);
    const backToken = freshCaller();
    const backStatuses: number[] = [];
    for (let i = 0; i < 5; i++) backStatuses.push((await post(i % 2 ? second : first, query, backToken)).status);
    expect(backStatuses).toEqual([200, 200, 200, 200, 429]);
  });
});
