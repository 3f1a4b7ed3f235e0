/**
 * Signing in with the organisation's own identity provider: access tokens from identity providers
 * this test runs on loopback (discovery, JWKS, signed tokens), accepted by the gateway according
 * to OIDC_ISSUERS-style settings, with the caller flowing to the subgraphs as for any token.
 */
import type { OidcIssuerSettings } from '@safeguarding/config';
import {
  type LocalIdentityProvider,
  postGraphQL,
  startLocalIdentityProvider,
  startTestFederation,
  tokenFor,
  grant,
  type TestFederation,
} from '@safeguarding/testkit';
import { createGateway, type GatewayOptions, type RunningGateway } from '../src';
import { baseUrl, config } from './support/harness';

const TELFORD_ADMINS = '5d7c0e9a-0000-4000-8000-0000000000aa';
const ANALYSTS = 'Safeguarding.Analyst';

let federation: TestFederation;
let council: LocalIdentityProvider;
let icb: LocalIdentityProvider;
const gateways: RunningGateway[] = [];

function issuerSettings(provider: LocalIdentityProvider, name: string, overrides: Partial<OidcIssuerSettings> = {}): OidcIssuerSettings {
  return {
    name,
    issuer: provider.issuer,
    audience: provider.audience,
    algorithms: ['RS256', 'ES256'],
    subjectClaim: 'sub',
    clockToleranceSeconds: 0,
    roles: [
      { claim: 'roles', value: ANALYSTS, role: 'analyst' },
      { claim: 'groups', value: TELFORD_ADMINS, role: 'partnership-admin', partnershipSlug: 'telford-and-wrekin' },
    ],
    ...overrides,
  };
}

/** A gateway as production runs it: identity providers only, no development tokens. */
async function gatewayWith(options: Partial<GatewayOptions> = {}): Promise<string> {
  const gateway = await createGateway({
    subgraphUrls: federation.subgraphUrls,
    gatewaySecret: config.secrets.gateway,
    developmentTools: true,
    shutdownGraceMilliseconds: 1000,
    oidcIssuers: [issuerSettings(council, 'telford-council'), issuerSettings(icb, 'icb')],
    oidcKeySets: { cooldownMilliseconds: 0, retryAfterFailureMilliseconds: 0 },
    ...options,
  });
  gateways.push(gateway);
  return gateway.listen(0);
}

beforeAll(async () => {
  federation = await startTestFederation({ only: ['arrangements', 'membership'] });
  council = await startLocalIdentityProvider({ tenant: 'telford-council' });
  icb = await startLocalIdentityProvider({ tenant: 'icb', algorithm: 'ES256', audience: 'api://safeguarding-icb' });
});
afterAll(async () => {
  for (const gateway of gateways) await gateway.stop();
  await council?.stop();
  await icb?.stop();
  await federation?.stop();
});

const bearer = (token: string) => `Bearer ${token}`;
const codeOf = (response: { errors?: { extensions?: { code?: string } }[] }) => response.errors?.[0]?.extensions?.code;
const EXECUTIVE = `{ body(id: "telford-and-wrekin.executive") { purpose version viewerCanEdit } }`;
const UPDATE = `mutation ($version: Int!, $purpose: String!) {
  updateBody(id: "telford-and-wrekin.executive", expectedVersion: $version, input: { purpose: $purpose }) { purpose version viewerCanEdit }
}`;

describe('a partnership admin signed in through their council', () => {
  it('edits their partnership, the subgraphs seeing the caller the identity provider vouched for', async () => {
    const url = await gatewayWith();
    const authorization = bearer(await council.token('a1b2-jo', { groups: ['all-staff', TELFORD_ADMINS] }));
    const before = await postGraphQL<{ body: { purpose: string; version: number; viewerCanEdit: boolean } }>(url, EXECUTIVE, { authorization });
    expect(before.status).toBe(200);
    expect(before.data!.body.viewerCanEdit).toBe(true);
    const purpose = 'Strategic leadership of the Telford & Wrekin Safeguarding Partnership';
    const updated = await postGraphQL<{ updateBody: { purpose: string; version: number } }>(url, UPDATE, {
      authorization,
      variables: { version: before.data!.body.version, purpose },
    });
    expect(updated.errors).toBeUndefined();
    expect(updated.data!.updateBody).toEqual({ purpose, version: before.data!.body.version + 1, viewerCanEdit: true });
    // The audit trail names the person by identity provider and subject.
    const trail = await postGraphQL<{ partnership: { arrangementsAuditTrail: { subject: string; field: string }[] } }>(
      url,
      `{ partnership(slug: "telford-and-wrekin") { arrangementsAuditTrail(limit: 1) { subject field } } }`,
      { authorization },
    );
    expect(trail.data!.partnership.arrangementsAuditTrail).toEqual([{ subject: 'telford-council:a1b2-jo', field: 'updateBody' }]);
  });

  it('is not an admin of another partnership', async () => {
    const url = await gatewayWith();
    const response = await postGraphQL<{ partnership: { viewerCanEdit: boolean } }>(url, `{ partnership(slug: "shropshire") { viewerCanEdit } }`, {
      authorization: bearer(await council.token('a1b2-jo', { groups: [TELFORD_ADMINS] })),
    });
    expect(response.data!.partnership.viewerCanEdit).toBe(false);
  });
});

describe('a person whose group or role is not mapped', () => {
  it('is signed in with no role: reads like the public, and a mutation gets FORBIDDEN and changes nothing', async () => {
    const url = await gatewayWith();
    const authorization = bearer(await icb.token('nurse-7', { groups: ['icb-everyone'], roles: ['Some.Other.App'] }));
    const read = await postGraphQL<{ partnerships: { slug: string }[] }>(url, '{ partnerships { slug } }', { authorization });
    expect(read.status).toBe(200);
    expect(read.data!.partnerships.map((p) => p.slug).sort()).toEqual(['shropshire', 'solihull', 'telford-and-wrekin']);
    const before = await postGraphQL<{ body: { purpose: string; version: number; viewerCanEdit: boolean } }>(url, EXECUTIVE, { authorization });
    expect(before.data!.body.viewerCanEdit).toBe(false);
    const refused = await postGraphQL(url, UPDATE, {
      authorization,
      variables: { version: before.data!.body.version, purpose: 'Changed by someone with no role' },
    });
    expect(codeOf(refused)).toBe('FORBIDDEN');
    expect((await postGraphQL<{ body: unknown }>(url, EXECUTIVE, { authorization })).data!.body).toEqual(before.data!.body);
  });
});

describe('tokens the gateway refuses with 401 UNAUTHENTICATED', () => {
  it.each<[string, () => Promise<string>, RegExp]>([
    ['for another audience', () => council.token('x', { roles: [ANALYSTS] }, { audience: 'api://another-app' }), /meant for another application/],
    ['that has expired', () => council.token('x', { roles: [ANALYSTS] }, { expiresInSeconds: -3600 }), /has expired; sign in again/],
    [
      'from an unknown issuer',
      () => council.token('x', { roles: [ANALYSTS] }, { issuer: 'https://login.example.org/elsewhere/v2.0' }),
      /issued by "https:\/\/login.example.org\/elsewhere\/v2.0", which this platform does not accept/,
    ],
    [
      'signed with a key the issuer does not publish',
      async () => council.token('x', { roles: [ANALYSTS] }, { key: await council.unpublishedKey() }),
      /signed with a key that telford-council does not publish/,
    ],
    [
      'from development (npm run token) when USER_TOKEN_SECRET is not set',
      async () => tokenFor([grant('regional-admin')]),
      /development tokens \(npm run token\) are not accepted here/,
    ],
  ])('a token %s', async (_case, make, message) => {
    const url = await gatewayWith();
    const response = await postGraphQL(url, '{ partnerships { slug } }', { authorization: bearer(await make()) });
    expect(response.status).toBe(401);
    expect(codeOf(response)).toBe('UNAUTHENTICATED');
    expect(response.errors![0]!.message).toMatch(message);
    expect(response.data ?? null).toBeNull();
  });
});

describe('keys', () => {
  it('accepts tokens signed with a rotated key, fetching the new key set once', async () => {
    const url = await gatewayWith();
    const query = `{ partnership(slug: "telford-and-wrekin") { viewerCanEdit } }`;
    const admin = { groups: [TELFORD_ADMINS] };
    expect(
      (await postGraphQL<{ partnership: { viewerCanEdit: boolean } }>(url, query, { authorization: bearer(await council.token('jo', admin)) })).data!
        .partnership.viewerCanEdit,
    ).toBe(true);
    await council.rotateKey({ retireOld: true });
    const fetchesBefore = council.requests.jwks;
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const response = await postGraphQL<{ partnership: { viewerCanEdit: boolean } }>(url, query, { authorization: bearer(await council.token('jo', admin)) });
      expect(response.data!.partnership.viewerCanEdit).toBe(true);
    }
    expect(council.requests.jwks).toBe(fetchesBefore + 1);
  });

  it('keeps accepting known keys while the issuer is unreachable, and says 401 for an unknown key', async () => {
    const url = await gatewayWith({ oidcKeySets: { cooldownMilliseconds: 0, cacheMaxAgeMilliseconds: 0, retryAfterFailureMilliseconds: 0 } });
    const query = '{ partnerships { slug } }';
    expect((await postGraphQL(url, query, { authorization: bearer(await icb.token('before', { roles: [ANALYSTS] })) })).status).toBe(200);
    await icb.stop();
    try {
      expect((await postGraphQL(url, query, { authorization: bearer(await icb.token('during', { roles: [ANALYSTS] })) })).status).toBe(200);
      const unknown = await postGraphQL(url, query, { authorization: bearer(await icb.token('x', {}, { key: await icb.unpublishedKey() })) });
      expect(unknown.status).toBe(401);
      expect(unknown.errors![0]!.message).toMatch(/signed with a key that icb does not publish \(unknown key id\); sign in again/);
    } finally {
      await icb.start();
    }
  });

  it('answers 503 IDENTITY_PROVIDER_UNAVAILABLE when it has never reached the issuer, to GraphQL and exports alike', async () => {
    const unreachable = await startLocalIdentityProvider({ tenant: 'unreachable' });
    const token = await unreachable.token('early', { roles: [ANALYSTS] });
    await unreachable.stop();
    const url = await gatewayWith({ oidcIssuers: [issuerSettings(unreachable, 'unreachable')] });
    const response = await postGraphQL(url, '{ partnerships { slug } }', { authorization: bearer(token) });
    expect(response.status).toBe(503);
    expect(codeOf(response)).toBe('IDENTITY_PROVIDER_UNAVAILABLE');
    expect(response.errors![0]!.message).toMatch(
      /Your token cannot be checked yet: the identity provider "unreachable" .* cannot check tokens just now: its discovery document could not be fetched .* Try again in a minute/,
    );
    const exported = await fetch(`${baseUrl(url)}/exports/organisations.csv`, { headers: { authorization: bearer(token) } });
    expect(exported.status).toBe(503);
    // Without a token the public still reads.
    expect((await postGraphQL(url, '{ partnerships { slug } }')).status).toBe(200);
  });
});

describe('exports and the rate limit use the same sign-in', () => {
  it('exports as the signed-in caller, and refuses a bad token with 401', async () => {
    const url = await gatewayWith();
    const get = (token: string) => fetch(`${baseUrl(url)}/exports/organisations.csv`, { headers: { authorization: bearer(token) } });
    const ok = await get(await council.token('jo', { roles: [ANALYSTS] }));
    expect(ok.status).toBe(200);
    expect(await ok.text()).toMatch(/west-mercia-police,West Mercia Police,POLICE/);
    const expired = await get(await council.token('jo', { roles: [ANALYSTS] }, { expiresInSeconds: -3600 }));
    expect(expired.status).toBe(401);
    expect(((await expired.json()) as { detail: string }).detail).toMatch(/has expired/);
  });

  it('counts each signed-in person separately, and forged tokens against the address', async () => {
    const url = await gatewayWith({ limits: { rateLimit: { windowSeconds: 600, maxRequests: 3 } } });
    const query = '{ partnerships { slug } }';
    const statuses = async (authorization: () => Promise<string | undefined>, times: number) => {
      const seen: number[] = [];
      for (let attempt = 0; attempt < times; attempt += 1) seen.push((await postGraphQL(url, query, { authorization: await authorization() })).status);
      return seen;
    };
    const forger = await council.unpublishedKey();
    let forged = 0;
    // Each forged token names a new person: were it trusted, each would get a fresh allowance.
    expect(await statuses(async () => bearer(await council.token(`forged-${(forged += 1)}`, {}, { key: forger })), 3)).toEqual([401, 401, 401]);
    expect(await statuses(async () => undefined, 1)).toEqual([429]);
    expect(await statuses(async () => bearer(await council.token('alice', { roles: [ANALYSTS] })), 4)).toEqual([200, 200, 200, 429]);
    expect(await statuses(async () => bearer(await icb.token('alice', { roles: [ANALYSTS] })), 1)).toEqual([200]);
  });
});
