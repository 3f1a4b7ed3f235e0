import jwt from 'jsonwebtoken';
import {
  AuthenticationError,
  compactGrants,
  GATEWAY_ASSERTION_MAX_BYTES,
  GrantsTooLargeError,
  hasRole,
  InvalidGrantError,
  parseGrant,
  partnershipsWithRole,
  signGatewayAssertion,
  signUserToken,
  verifyGatewayAssertion,
  verifyUserToken,
} from '../src';

const SECRET = 'a-test-secret-that-is-at-least-32-characters';

describe('user tokens', () => {
  it('round-trips the caller and their grants', () => {
    const token = signUserToken(SECRET, 'jo', [
      { role: 'member', partnershipSlug: 'shropshire' },
      { role: 'analyst', partnershipSlug: null },
    ]);
    const caller = verifyUserToken(token, SECRET);
    expect(caller.subject).toBe('jo');
    expect(hasRole(caller, 'member', 'shropshire')).toBe(true);
    expect(hasRole(caller, 'member', 'solihull')).toBe(false);
    expect(hasRole(caller, 'analyst')).toBe(true);
    expect(partnershipsWithRole(caller, ['member', 'partnership-admin'])).toEqual(['shropshire']);
  });

  it.each([
    ['signed with another secret', () => signUserToken('another-secret-that-is-long-enough-xx', 'x', [])],
    ['expired', () => signUserToken(SECRET, 'x', [], -1)],
    ['meant for the subgraphs, not the gateway', () => signGatewayAssertion(SECRET, { subject: 'x', grants: [] })],
    ['not a token', () => 'not.a.token'],
  ])('refuses a token %s', (_case, make) => {
    expect(() => verifyUserToken(make(), SECRET)).toThrow(AuthenticationError);
  });

  it('does not accept a user token as the gateway credentials', () => {
    expect(() => verifyGatewayAssertion(signUserToken(SECRET, 'x', []), SECRET)).toThrow(AuthenticationError);
  });
});

describe('grants', () => {
  it.each([
    [{ role: 'superuser' }, /unknown role/],
    [{ role: 'member' }, /needs a partnership slug/],
    [{ role: 'member', partnershipSlug: 'Shropshire Council' }, /must be a slug/],
    ['member', /must be an object/],
  ])('refuses %j', (value, message) => {
    expect(() => parseGrant(value)).toThrow(InvalidGrantError);
    expect(() => parseGrant(value)).toThrow(message);
  });

  it('keeps regional roles regional', () => {
    expect(parseGrant({ role: 'regional-admin' })).toEqual({ role: 'regional-admin', partnershipSlug: null });
  });
});

describe('the gateway assertion', () => {
  it('carries the grants normalised, de-duplicated and compact', () => {
    const grants = [
      ...Array.from({ length: 100 }, () => ({ role: 'member' as const, partnershipSlug: 'shropshire' })),
      ...Array.from({ length: 100 }, () => ({ role: 'analyst' as const, partnershipSlug: null })),
      ...Array.from({ length: 100 }, (_, index) => ({ role: 'partnership-admin' as const, partnershipSlug: index % 2 ? 'solihull' : 'telford-and-wrekin' })),
    ];
    expect(compactGrants(grants)).toBe('analyst;member:shropshire;partnership-admin:solihull,telford-and-wrekin');
    const assertion = signGatewayAssertion(SECRET, { subject: 'many', grants });
    expect(assertion.length).toBeLessThan(400);
    expect(verifyGatewayAssertion(assertion, SECRET)).toEqual({
      subject: 'many',
      grants: [
        { role: 'analyst', partnershipSlug: null },
        { role: 'member', partnershipSlug: 'shropshire' },
        { role: 'partnership-admin', partnershipSlug: 'solihull' },
        { role: 'partnership-admin', partnershipSlug: 'telford-and-wrekin' },
      ],
    });
  });

  it('keeps a regional role held within a partnership apart from the same role held regionally', () => {
    const grants = [
      { role: 'analyst' as const, partnershipSlug: 'solihull' },
      { role: 'analyst' as const, partnershipSlug: null },
    ];
    expect(verifyGatewayAssertion(signGatewayAssertion(SECRET, { subject: 's', grants }), SECRET).grants).toEqual([
      { role: 'analyst', partnershipSlug: null },
      { role: 'analyst', partnershipSlug: 'solihull' },
    ]);
  });

  it('refuses grants that cannot fit, naming the limit', () => {
    const grants = Array.from({ length: 200 }, (_, index) => ({ role: 'member' as const, partnershipSlug: `partnership-${index}-${'x'.repeat(40)}` }));
    expect(() => signGatewayAssertion(SECRET, { subject: 'too-many', grants })).toThrow(GrantsTooLargeError);
    expect(() => signGatewayAssertion(SECRET, { subject: 'too-many', grants })).toThrow(`200 distinct grants`);
    expect(() => signGatewayAssertion(SECRET, { subject: 'too-many', grants })).toThrow(`limit of ${GATEWAY_ASSERTION_MAX_BYTES} bytes`);
  });

  it('refuses an assertion whose grants are not in the compact form', () => {
    const old = jwt.sign({ grants: [{ role: 'analyst', partnershipSlug: null }] }, SECRET, {
      algorithm: 'HS256',
      issuer: 'safeguarding-platform',
      audience: 'subgraphs',
      subject: 'x',
    });
    expect(() => verifyGatewayAssertion(old, SECRET)).toThrow(/carries no grants/);
  });
});
