import type { OidcIssuerSettings } from '@safeguarding/config';
import { type LocalIdentityProvider, startLocalIdentityProvider } from '../src/local-identity-provider';
import { AuthenticationError, type CallerFromToken, createSignIn, IdentityProviderUnavailableError, signUserToken } from '../src';

/**
 * Access tokens from the organisations' identity providers, verified against identity providers
 * this test runs on loopback (discovery document, JWKS, signed tokens).
 */
const SECRET = 'a-test-secret-that-is-at-least-32-characters';
const ANALYSTS = 'Safeguarding.Analyst';
const TELFORD_ADMINS = '5d7c0e9a-0000-4000-8000-0000000000aa';

function settingsFor(provider: LocalIdentityProvider, overrides: Partial<OidcIssuerSettings> = {}): OidcIssuerSettings {
  return {
    name: 'telford-council',
    issuer: provider.issuer,
    audience: provider.audience,
    algorithms: ['RS256'],
    subjectClaim: 'sub',
    clockToleranceSeconds: 0,
    roles: [
      { claim: 'roles', value: ANALYSTS, role: 'analyst' },
      { claim: 'groups', value: TELFORD_ADMINS, role: 'partnership-admin', partnershipSlug: 'telford-and-wrekin' },
    ],
    ...overrides,
  };
}

const refusal = async (promise: Promise<unknown>): Promise<Error> => {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the token to be refused');
};

describe('an identity provider found through discovery', () => {
  let provider: LocalIdentityProvider;
  let signIn: CallerFromToken;
  beforeAll(async () => {
    provider = await startLocalIdentityProvider();
    signIn = createSignIn({ oidcIssuers: [settingsFor(provider)], keySets: { cooldownMilliseconds: 0, retryAfterFailureMilliseconds: 0 } });
  });
  afterAll(() => provider.stop());

  it('maps app roles and groups to grants, and names the caller by issuer and subject', async () => {
    const caller = await signIn(await provider.token('jo', { roles: [ANALYSTS, 'Other.Role'], groups: [TELFORD_ADMINS, 'another-group'] }));
    expect(caller).toEqual({
      subject: 'telford-council:jo',
      grants: [
        { role: 'analyst', partnershipSlug: null },
        { role: 'partnership-admin', partnershipSlug: 'telford-and-wrekin' },
      ],
    });
    expect(provider.requests.discovery).toBe(1);
  });

  it('signs in a person with no mapped group or role, granting nothing', async () => {
    expect(await signIn(await provider.token('sam', { groups: ['unmapped-group'] }))).toEqual({ subject: 'telford-council:sam', grants: [] });
  });

  it('reads the subject and roles from the claims configured (Entra ID oid, Keycloak realm_access.roles)', async () => {
    const nested = createSignIn({
      oidcIssuers: [settingsFor(provider, { subjectClaim: 'oid', roles: [{ claim: 'realm_access.roles', value: 'regional', role: 'regional-admin' }] })],
    });
    const token = await provider.token('pairwise-sub', { oid: '00000000-0000-0000-0000-00000000abcd', realm_access: { roles: ['regional'] } });
    expect(await nested(token)).toEqual({
      subject: 'telford-council:00000000-0000-0000-0000-00000000abcd',
      grants: [{ role: 'regional-admin', partnershipSlug: null }],
    });
    expect((await refusal(nested(await provider.token('no-oid')))).message).toMatch(/has no "oid" claim to say who you are/);
  });

  it('keeps the keys: many tokens, one key-set fetch', async () => {
    const before = provider.requests.jwks;
    for (let index = 0; index < 5; index += 1) await signIn(await provider.token(`user-${index}`));
    expect(provider.requests.jwks).toBe(before);
  });

  it('fetches the keys again for a rotated key, once', async () => {
    await provider.rotateKey({ retireOld: true });
    const before = provider.requests.jwks;
    const caller = await signIn(await provider.token('after-rotation', { roles: [ANALYSTS] }));
    expect(caller.grants).toEqual([{ role: 'analyst', partnershipSlug: null }]);
    expect(provider.requests.jwks).toBe(before + 1);
    await signIn(await provider.token('again'));
    expect(provider.requests.jwks).toBe(before + 1);
  });

  it.each<[string, (provider: LocalIdentityProvider) => Promise<string>, RegExp]>([
    [
      'for another audience',
      (p) => p.token('x', {}, { audience: 'api://some-other-app' }),
      /meant for another application.*request a token for api:\/\/safeguarding-platform/,
    ],
    ['that has expired', (p) => p.token('x', {}, { expiresInSeconds: -60 }), /has expired; sign in again/],
    [
      'from an unknown issuer',
      (p) => p.token('x', {}, { issuer: 'https://login.example.org/other-tenant/v2.0' }),
      /issued by "https:\/\/login.example.org\/other-tenant\/v2.0", which this platform does not accept/,
    ],
    [
      'signed with a key the issuer does not publish',
      async (p) => p.token('x', {}, { key: await p.unpublishedKey() }),
      /a key that telford-council does not publish/,
    ],
    ['that is not a JWT', async () => 'not-a-token', /not a JWT/],
  ])('refuses a token %s with a clear reason', async (_case, make, message) => {
    const error = await refusal(signIn(await make(provider)));
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).not.toBeInstanceOf(IdentityProviderUnavailableError);
    expect(error.message).toMatch(message);
  });

  it('refuses a token whose signature was altered', async () => {
    const [header, payload, signature] = (await provider.token('x')).split('.');
    const altered = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload!, 'base64url').toString()), roles: [ANALYSTS] })).toString('base64url');
    expect((await refusal(signIn(`${header}.${altered}.${signature}`))).message).toMatch(/signature does not match telford-council's keys/);
  });

  it('refuses a shared-secret token that claims to come from the identity provider (algorithm confusion)', async () => {
    const { SignJWT } = await import('jose');
    const now = Math.floor(Date.now() / 1000);
    const forged = await new SignJWT({ roles: [ANALYSTS] })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer(provider.issuer)
      .setAudience(provider.audience)
      .setSubject('mallory')
      .setExpirationTime(now + 600)
      .sign(new TextEncoder().encode(SECRET));
    expect((await refusal(signIn(forged))).message).toMatch(/signed with an algorithm this platform does not accept from it \(accepted: RS256\)/);
  });

  it('refuses development tokens unless their secret is given', async () => {
    const development = signUserToken(SECRET, 'dev', [{ role: 'analyst', partnershipSlug: null }]);
    expect((await refusal(signIn(development))).message).toMatch(
      /development tokens \(npm run token\) are not accepted here, because USER_TOKEN_SECRET is not set/,
    );
    const both = createSignIn({ developmentTokenSecret: SECRET, oidcIssuers: [settingsFor(provider)] });
    expect(await both(development)).toEqual({ subject: 'dev', grants: [{ role: 'analyst', partnershipSlug: null }] });
    expect((await both(await provider.token('jo', { roles: [ANALYSTS] }))).subject).toBe('telford-council:jo');
  });
});

describe('several identity providers at once, and outages', () => {
  let council: LocalIdentityProvider;
  let health: LocalIdentityProvider;
  beforeAll(async () => {
    council = await startLocalIdentityProvider({ tenant: 'council' });
    health = await startLocalIdentityProvider({ tenant: 'icb', algorithm: 'ES256', audience: 'api://safeguarding-icb' });
  });
  afterAll(async () => {
    await council.stop();
    await health.stop();
  });

  it('verifies each issuer with its own keys, audience and algorithm', async () => {
    const signIn = createSignIn({
      oidcIssuers: [
        settingsFor(council, { name: 'council' }),
        settingsFor(health, {
          name: 'icb',
          jwksUri: health.jwksUri,
          algorithms: ['ES256'],
          roles: [{ claim: 'wids', value: 'member-shropshire', role: 'member', partnershipSlug: 'shropshire' }],
        }),
      ],
    });
    expect(await signIn(await health.token('nurse', { wids: 'member-shropshire' }))).toEqual({
      subject: 'icb:nurse',
      grants: [{ role: 'member', partnershipSlug: 'shropshire' }],
    });
    expect(health.requests.discovery).toBe(0);
    expect((await signIn(await council.token('officer', { roles: [ANALYSTS] }))).subject).toBe('council:officer');
    // A token signed by one issuer's key but naming the other issuer is refused.
    const crossed = await health.token('nurse', {}, { issuer: council.issuer, audience: council.audience });
    expect((await refusal(signIn(crossed))).message).toMatch(/signed with an algorithm this platform does not accept from it \(accepted: RS256\)/);
  });

  it('goes on verifying with the keys it has while the issuer is unreachable, and refuses a key it has never seen', async () => {
    // cacheMaxAge 0: the keys are stale at once, so every token makes it try the issuer first.
    const signIn = createSignIn({
      oidcIssuers: [settingsFor(council, { name: 'council' })],
      keySets: { cooldownMilliseconds: 0, cacheMaxAgeMilliseconds: 0, retryAfterFailureMilliseconds: 0 },
    });
    await signIn(await council.token('before'));
    await council.stop();
    try {
      expect((await signIn(await council.token('during', { roles: [ANALYSTS] }))).grants).toEqual([{ role: 'analyst', partnershipSlug: null }]);
      await council.rotateKey();
      const rotated = await council.token('rotated-during-outage');
      const error = await refusal(signIn(rotated));
      expect(error).not.toBeInstanceOf(IdentityProviderUnavailableError);
      expect(error.message).toMatch(/signed with a key that council does not publish \(unknown key id\); sign in again/);
      await council.start();
      expect((await signIn(rotated)).subject).toBe('council:rotated-during-outage');
    } finally {
      await council.start().catch(() => undefined);
    }
  });
});

describe('an identity provider that cannot be reached at all', () => {
  it('answers that the token cannot be checked yet (not that it is bad), until the issuer answers', async () => {
    const provider = await startLocalIdentityProvider();
    const signIn = createSignIn({ oidcIssuers: [settingsFor(provider)], keySets: { retryAfterFailureMilliseconds: 0 } });
    const token = await provider.token('early', { roles: [ANALYSTS] });
    await provider.stop();
    const error = await refusal(signIn(token));
    expect(error).toBeInstanceOf(IdentityProviderUnavailableError);
    expect(error.message).toMatch(/identity provider "telford-council" .* cannot check tokens just now: its discovery document could not be fetched/);
    await provider.start();
    expect((await signIn(token)).grants).toEqual([{ role: 'analyst', partnershipSlug: null }]);
    await provider.stop();
  });

  it('does not keep every caller waiting on an issuer whose keys it could not fetch a moment ago', async () => {
    const provider = await startLocalIdentityProvider();
    const signIn = createSignIn({ oidcIssuers: [settingsFor(provider, { jwksUri: `${provider.issuer}/no-keys-here` })] });
    const token = await provider.token('x');
    expect((await refusal(signIn(token))).message).toMatch(/its keys could not be fetched \(Expected 200 OK/);
    expect((await refusal(signIn(token))).message).toMatch(/its keys could not be fetched a moment ago/);
    await provider.stop();
  });

  it('refuses a discovery document that names another issuer', async () => {
    const provider = await startLocalIdentityProvider();
    const signIn = createSignIn({ oidcIssuers: [settingsFor(provider, { issuer: `${provider.issuer}/` })] });
    const token = await provider.token('x', {}, { issuer: `${provider.issuer}/` });
    expect((await refusal(signIn(token))).message).toMatch(/discovery document names the issuer .*, not .*\/v2\.0\/; correct OIDC_ISSUERS/);
    await provider.stop();
  });
});

describe('role mappings', () => {
  it.each([
    [{ claim: 'roles', value: 'x', role: 'superuser' }, /OIDC_ISSUERS\[0\]\.roles\[0\]: unknown role "superuser"/],
    [{ claim: 'groups', value: 'x', role: 'partnership-admin' }, /OIDC_ISSUERS\[0\]\.roles\[0\]: the role "partnership-admin" needs a partnership slug/],
  ])('are checked when the gateway starts: %j', (mapping, message) => {
    const settings: OidcIssuerSettings = {
      name: 'x',
      issuer: 'https://idp.example.org',
      audience: 'api',
      algorithms: ['RS256'],
      subjectClaim: 'sub',
      clockToleranceSeconds: 0,
      roles: [mapping],
    };
    expect(() => createSignIn({ oidcIssuers: [settings] })).toThrow(message);
  });
});
