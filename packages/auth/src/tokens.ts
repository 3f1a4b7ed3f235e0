import { createSecretKey, type KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { type Caller, type Grant, InvalidGrantError, parseGrant } from './caller';

const ISSUER = 'safeguarding-platform';
const USER_AUDIENCE = 'gateway';
const SUBGRAPH_AUDIENCE = 'subgraphs';

/**
 * Secrets as key objects, made once per secret. Given a string, jsonwebtoken tries to parse it
 * as a public or private key on every call and fails before falling back to a secret key: an
 * exception per request on both the gateway and every subgraph (seen in the bench's profiles).
 */
const keys = new Map<string, KeyObject>();
function keyFor(secret: string): KeyObject {
  let key = keys.get(secret);
  if (!key) {
    key = createSecretKey(Buffer.from(secret, 'utf8'));
    keys.set(secret, key);
  }
  return key;
}

/** Raised for a missing, expired, forged or malformed token; the servers answer 401 UNAUTHENTICATED. */
export class AuthenticationError extends Error {}

/** Signs a user token, as an identity provider would; used by `npm run token` and the tests. */
export function signUserToken(secret: string, subject: string, grants: Grant[], expiresInSeconds = 8 * 3600): string {
  return jwt.sign({ grants }, keyFor(secret), {
    algorithm: 'HS256',
    issuer: ISSUER,
    audience: USER_AUDIENCE,
    subject,
    expiresIn: expiresInSeconds,
  });
}

function callerFromPayload(payload: string | jwt.JwtPayload): Caller {
  if (typeof payload === 'string' || typeof payload.sub !== 'string') throw new AuthenticationError('the token has no subject');
  const rawGrants = (payload as { grants?: unknown }).grants;
  if (!Array.isArray(rawGrants)) throw new AuthenticationError('the token carries no grants');
  try {
    return { subject: payload.sub, grants: rawGrants.map(parseGrant) };
  } catch (error) {
    if (error instanceof InvalidGrantError) throw new AuthenticationError(`the token has an invalid grant: ${error.message}`);
    throw error;
  }
}

function verify(token: string, secret: string, audience: string): Caller {
  try {
    return callerFromPayload(jwt.verify(token, keyFor(secret), { algorithms: ['HS256'], issuer: ISSUER, audience }));
  } catch (error) {
    if (error instanceof AuthenticationError) throw error;
    throw new AuthenticationError(`the token is not valid (${(error as Error).message}); get a new one`);
  }
}

/** Verifies a user's bearer token at the gateway. */
export function verifyUserToken(token: string, secret: string): Caller {
  return verify(token, secret, USER_AUDIENCE);
}

/**
 * The gateway's credentials towards subgraphs: a short-lived token signed with the gateway secret
 * carrying the verified caller. A subgraph trusts only calls that carry one.
 */
export const GATEWAY_ASSERTION_HEADER = 'x-gateway-assertion';

/**
 * Longest assertion the gateway sends. Node servers (the subgraphs) refuse a request whose headers
 * exceed 16 KiB with 431; half of that leaves room for the other headers (trace context, request
 * id). A caller whose grants do not fit is refused at the gateway (GrantsTooLargeError).
 */
export const GATEWAY_ASSERTION_MAX_BYTES = 8192;

/** Raised when a caller's grants, even normalised and de-duplicated, do not fit in the assertion. */
export class GrantsTooLargeError extends Error {
  constructor(
    readonly distinctGrants: number,
    readonly bytes: number,
  ) {
    super(
      `your token carries ${distinctGrants} distinct grants, which take ${bytes} bytes to pass on to the subgraphs, over the limit of ${GATEWAY_ASSERTION_MAX_BYTES} bytes; ask for a token with fewer grants (one per role and partnership is enough)`,
    );
  }
}

/**
 * Grants in compact form: "role" for a regional grant, "role:slug,slug" for grants within
 * partnerships, entries joined by ";", each grant once, in a stable order. A token may repeat a
 * grant or spell a regional one with a null slug; every spelling means the same access, so the
 * assertion carries one entry per role and one slug per partnership (roles and slugs cannot
 * contain ":", "," or ";").
 */
export function compactGrants(grants: readonly Grant[]): string {
  const regional = new Set<string>();
  const scoped = new Map<string, Set<string>>();
  for (const grant of grants) {
    if (grant.partnershipSlug === null) regional.add(grant.role);
    else {
      const slugs = scoped.get(grant.role) ?? new Set<string>();
      slugs.add(grant.partnershipSlug);
      scoped.set(grant.role, slugs);
    }
  }
  return [
    ...[...regional].sort(),
    ...[...scoped.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([role, slugs]) => `${role}:${[...slugs].sort().join(',')}`),
  ].join(';');
}

/** The inverse of compactGrants; each grant is checked as a user token's would be. */
export function expandGrants(compact: string): Grant[] {
  if (compact === '') return [];
  return compact.split(';').flatMap((entry) => {
    const [role, slugs] = entry.split(':');
    if (slugs === undefined) return [parseGrant({ role, partnershipSlug: null })];
    return slugs.split(',').map((partnershipSlug) => parseGrant({ role, partnershipSlug }));
  });
}

/** Distinct grants, as the assertion carries them. */
export function distinctGrants(grants: readonly Grant[]): Grant[] {
  return expandGrants(compactGrants(grants));
}

export function signGatewayAssertion(secret: string, caller: Caller): string {
  const token = jwt.sign({ grants: compactGrants(caller.grants) }, keyFor(secret), {
    algorithm: 'HS256',
    issuer: ISSUER,
    audience: SUBGRAPH_AUDIENCE,
    subject: caller.subject,
    expiresIn: 60,
  });
  if (token.length > GATEWAY_ASSERTION_MAX_BYTES) throw new GrantsTooLargeError(distinctGrants(caller.grants).length, token.length);
  return token;
}

export function verifyGatewayAssertion(token: string, secret: string): Caller {
  let payload: string | jwt.JwtPayload;
  try {
    payload = jwt.verify(token, keyFor(secret), { algorithms: ['HS256'], issuer: ISSUER, audience: SUBGRAPH_AUDIENCE });
  } catch (error) {
    throw new AuthenticationError(`the token is not valid (${(error as Error).message}); get a new one`);
  }
  if (typeof payload === 'string' || typeof payload.sub !== 'string') throw new AuthenticationError('the token has no subject');
  const grants = (payload as { grants?: unknown }).grants;
  if (typeof grants !== 'string') throw new AuthenticationError('the token carries no grants');
  try {
    return { subject: payload.sub, grants: expandGrants(grants) };
  } catch (error) {
    if (error instanceof InvalidGrantError) throw new AuthenticationError(`the token has an invalid grant: ${error.message}`);
    throw error;
  }
}
