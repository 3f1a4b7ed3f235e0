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

export function signGatewayAssertion(secret: string, caller: Caller): string {
  return jwt.sign({ grants: caller.grants }, keyFor(secret), {
    algorithm: 'HS256',
    issuer: ISSUER,
    audience: SUBGRAPH_AUDIENCE,
    subject: caller.subject,
    expiresIn: 60,
  });
}

export function verifyGatewayAssertion(token: string, secret: string): Caller {
  return verify(token, secret, SUBGRAPH_AUDIENCE);
}
