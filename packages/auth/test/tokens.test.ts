import {
  AuthenticationError,
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
