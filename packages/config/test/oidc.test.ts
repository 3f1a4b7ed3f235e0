import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigurationError, loadConfig } from '../src';

/** OIDC_ISSUERS: the organisations' identity providers, checked at start-up. */
const ENTRA = {
  name: 'shropshire-council',
  issuer: 'https://login.microsoftonline.com/11111111-2222-3333-4444-555555555555/v2.0',
  audience: 'api://safeguarding-platform',
  roles: [
    { claim: 'roles', value: 'Safeguarding.Analyst', role: 'analyst' },
    { claim: 'groups', value: '9f1c0c4e-0000-4000-8000-000000000001', role: 'partnership-admin', partnershipSlug: 'shropshire' },
  ],
};
const PRODUCTION = { NODE_ENV: 'production', DATABASE_URL: 'postgres://db/safeguarding', GATEWAY_SECRET: 'g'.repeat(32) };

describe('OIDC_ISSUERS', () => {
  it('reads issuers from JSON, with defaults for algorithms, subject claim and clock tolerance', () => {
    const config = loadConfig({ OIDC_ISSUERS: JSON.stringify([ENTRA]) });
    expect(config.signIn.oidcIssuers).toEqual([{ ...ENTRA, algorithms: ['RS256'], subjectClaim: 'sub', clockToleranceSeconds: 60 }]);
    expect(config.signIn.developmentTokens).toBe(true);
  });

  it('reads issuers from a file path', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'oidc-')), 'issuers.json');
    fs.writeFileSync(file, JSON.stringify([{ ...ENTRA, algorithms: ['ES256'], jwksUri: 'https://keys.example.org/jwks' }]));
    const config = loadConfig({ OIDC_ISSUERS: file });
    expect(config.signIn.oidcIssuers[0]!.algorithms).toEqual(['ES256']);
    expect(config.signIn.oidcIssuers[0]!.jwksUri).toBe('https://keys.example.org/jwks');
  });

  it('has no issuers when unset', () => {
    expect(loadConfig({}).signIn.oidcIssuers).toEqual([]);
  });

  it.each([
    ['not JSON', '[{"name": "x",', /OIDC_ISSUERS: is not valid JSON/],
    ['a missing file', '/nowhere/issuers.json', /OIDC_ISSUERS: is neither a JSON array nor a readable file \(\/nowhere\/issuers.json: ENOENT\)/],
    ['an issuer that is not a URL', JSON.stringify([{ ...ENTRA, issuer: 'shropshire' }]), /OIDC_ISSUERS\[0\]\.issuer: issuer must be the URL/],
    ['no audience', JSON.stringify([{ ...ENTRA, audience: undefined }]), /OIDC_ISSUERS\[0\]\.audience/],
    ['a shared-secret algorithm', JSON.stringify([{ ...ENTRA, algorithms: ['HS256'] }]), /OIDC_ISSUERS\[0\]\.algorithms\[0\]/],
    ['a misspelt key', JSON.stringify([{ ...ENTRA, jwks_uri: 'https://x.example/keys' }]), /OIDC_ISSUERS\[0\].*jwks_uri/],
    [
      'a partnership that is not a slug',
      JSON.stringify([{ ...ENTRA, roles: [{ claim: 'groups', value: 'g', role: 'member', partnershipSlug: 'Telford & Wrekin' }] }]),
      /OIDC_ISSUERS\[0\]\.roles\[0\]\.partnershipSlug: must be a slug/,
    ],
    ['the same issuer twice', JSON.stringify([ENTRA, { ...ENTRA, name: 'again' }]), /OIDC_ISSUERS\[1\]\.issuer: issuer .* is configured twice/],
    [
      'the same name twice',
      JSON.stringify([ENTRA, { ...ENTRA, issuer: 'https://sts.example.org/' }]),
      /OIDC_ISSUERS\[1\]\.name: name "shropshire-council" is used by two issuers/,
    ],
  ])('fails fast on %s, naming the setting', (_case, value, message) => {
    expect(() => loadConfig({ OIDC_ISSUERS: value })).toThrow(ConfigurationError);
    expect(() => loadConfig({ OIDC_ISSUERS: value })).toThrow(message);
  });
});

describe('signing in, in production', () => {
  it('accepts only identity providers when USER_TOKEN_SECRET is not set: no development tokens', () => {
    const config = loadConfig({ ...PRODUCTION, OIDC_ISSUERS: JSON.stringify([ENTRA]) });
    expect(config.signIn.developmentTokens).toBe(false);
    expect(config.signIn.oidcIssuers).toHaveLength(1);
  });

  it('accepts development tokens only when USER_TOKEN_SECRET is set on purpose', () => {
    expect(loadConfig({ ...PRODUCTION, USER_TOKEN_SECRET: 'u'.repeat(32) }).signIn.developmentTokens).toBe(true);
  });

  it('needs one way to sign in', () => {
    expect(() => loadConfig(PRODUCTION)).toThrow(/USER_TOKEN_SECRET is required when NODE_ENV=production unless OIDC_ISSUERS names an identity provider/);
  });

  it('needs https for issuers and key sets', () => {
    const plain = JSON.stringify([{ ...ENTRA, issuer: 'http://idp.example.org/', jwksUri: 'http://idp.example.org/keys' }]);
    expect(() => loadConfig({ ...PRODUCTION, OIDC_ISSUERS: plain })).toThrow(
      /OIDC_ISSUERS\[0\]\.issuer: must be an https:\/\/ URL when NODE_ENV=production[\s\S]*OIDC_ISSUERS\[0\]\.jwksUri: must be an https/,
    );
  });
});
