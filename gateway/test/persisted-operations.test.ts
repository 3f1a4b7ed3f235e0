/**
 * Persisted operations: Apollo's automatic persisted queries through the gateway, and the
 * safelist mode that serves only the operations in a manifest.
 */
import fs from 'node:fs';
import path from 'node:path';
import { startTestFederation, type TestFederation } from '@safeguarding/testkit';
import { createGateway, loadManifest, manifestEntry, sha256, type PersistedOperationManifest, type RunningGateway } from '../src';
import { config } from './support/harness';

let federation: TestFederation;
const gateways: RunningGateway[] = [];

beforeAll(async () => {
  federation = await startTestFederation({ only: ['arrangements', 'membership'] });
});
afterAll(async () => {
  for (const gateway of gateways) await gateway.stop();
  await federation?.stop();
});

interface Sent {
  query?: string;
  variables?: Record<string, unknown>;
  hash?: string;
}

/** Posts an operation the way Apollo Client's persisted-query link does. */
async function send(url: string, { query, variables, hash }: Sent) {
  const body: Record<string, unknown> = { variables: variables ?? {} };
  if (query !== undefined) body.query = query;
  if (hash !== undefined) body.extensions = { persistedQuery: { version: 1, sha256Hash: hash } };
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const json = (await response.json()) as { data?: Record<string, any>; errors?: { message: string; extensions?: { code?: string } }[] };
  return { status: response.status, ...json, code: json.errors?.[0]?.extensions?.code };
}

async function gatewayWith(options: Partial<Parameters<typeof createGateway>[0]>): Promise<string> {
  const gateway = await createGateway({
    subgraphUrls: federation.subgraphUrls,
    userTokenSecret: config.secrets.userToken,
    gatewaySecret: config.secrets.gateway,
    developmentTools: false,
    shutdownGraceMilliseconds: 1000,
    ...options,
  });
  gateways.push(gateway);
  return gateway.listen(0);
}

describe('automatic persisted queries (the default)', () => {
  // Unique text per run, so the gateway's cache cannot already hold it.
  const query = `query AutomaticallyPersisted { partnerships { slug } } # ${Date.now()}`;
  const hash = sha256(query);

  it('asks for the full text the first time it sees a hash', async () => {
    const response = await send(federation.gatewayUrl, { hash });
    expect(response.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect(response.data ?? null).toBeNull();
  });

  it('registers the text sent with its hash, then answers the hash alone', async () => {
    const registered = await send(federation.gatewayUrl, { query, hash });
    expect(registered.errors).toBeUndefined();
    expect(registered.data!.partnerships).toHaveLength(3);
    const byHash = await send(federation.gatewayUrl, { hash });
    expect(byHash.errors).toBeUndefined();
    expect(byHash.data).toEqual(registered.data);
  });

  it('answers a hash-only GET, as CDN-friendly clients send it', async () => {
    const extensions = encodeURIComponent(JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hash } }));
    const response = await fetch(`${federation.gatewayUrl}?extensions=${extensions}`, { headers: { 'apollo-require-preflight': 'true' } });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { data: { partnerships: unknown[] } }).data.partnerships).toHaveLength(3);
  });

  it('refuses text whose hash does not match', async () => {
    const response = await send(federation.gatewayUrl, { query, hash: sha256('something else') });
    expect(response.status).toBe(400);
    expect(response.errors![0]!.message).toMatch(/does not match/);
  });
});

describe('safelist mode', () => {
  const allowed = 'query Allowed($slug: String!) { partnership(slug: $slug) { name } }';
  const manifest: PersistedOperationManifest = { format: 'apollo-persisted-query-manifest', version: 1, operations: [manifestEntry(allowed)] };
  let url: string;
  beforeAll(async () => {
    url = await gatewayWith({ persistedOperations: { mode: 'safelist', manifest } });
  });

  it('serves a registered operation sent by hash alone', async () => {
    const response = await send(url, { hash: sha256(allowed), variables: { slug: 'solihull' } });
    expect(response.errors).toBeUndefined();
    expect(response.data!.partnership.name).toMatch(/Solihull/);
  });

  it('serves a registered operation sent as full text', async () => {
    const response = await send(url, { query: allowed, variables: { slug: 'shropshire' } });
    expect(response.errors).toBeUndefined();
    expect(response.data!.partnership.name).toMatch(/Shropshire/);
  });

  it('refuses any other operation with 403 OPERATION_NOT_SAFELISTED, before it runs', async () => {
    const response = await send(url, { query: '{ partnerships { slug name } }' });
    expect(response.status).toBe(403);
    expect(response.code).toBe('OPERATION_NOT_SAFELISTED');
    expect(response.data ?? null).toBeNull();
  });

  it('does not let a client register a new operation through automatic persisted queries', async () => {
    const query = '{ partnerships { slug } }';
    const attempt = await send(url, { query, hash: sha256(query) });
    expect(attempt.code).toBe('OPERATION_NOT_SAFELISTED');
    const later = await send(url, { hash: sha256(query) });
    expect(later.code).toBe('PERSISTED_QUERY_NOT_FOUND');
  });

  it('refuses a manifest whose ids are not the hashes of their operations', async () => {
    const tampered: PersistedOperationManifest = { ...manifest, operations: [{ ...manifest.operations[0]!, body: '{ partnerships { slug } }' }] };
    await expect(gatewayWith({ persistedOperations: { mode: 'safelist', manifest: tampered } })).rejects.toThrow(/hashes to .*regenerate the manifest/);
  });

  it('refuses to start in safelist mode without a readable manifest', async () => {
    await expect(gatewayWith({ persistedOperations: { mode: 'safelist', manifestFile: '/nonexistent/manifest.json' } })).rejects.toThrow(
      /PERSISTED_OPERATIONS_MANIFEST/,
    );
  });
});

describe('the checked-in manifest', () => {
  it('is valid and lists exactly the operations in gateway/operations', () => {
    const manifest = loadManifest(config.persistedOperations.manifestFile);
    const folder = path.join(__dirname, '..', 'operations');
    const expected = fs
      .readdirSync(folder)
      .filter((file) => file.endsWith('.graphql'))
      .map((file) => manifestEntry(fs.readFileSync(path.join(folder, file), 'utf8')).id)
      .sort();
    expect(manifest.operations.map((operation) => operation.id).sort()).toEqual(expected);
  });

  it('holds operations the gateway can run', async () => {
    const url = await gatewayWith({ persistedOperations: { mode: 'safelist', manifestFile: config.persistedOperations.manifestFile } });
    for (const operation of loadManifest(config.persistedOperations.manifestFile).operations) {
      const response = await send(url, { hash: operation.id, variables: { slug: 'telford-and-wrekin' } });
      expect(response.errors).toBeUndefined();
    }
  });
});
