import { createHmac, randomUUID } from 'node:crypto';
import { errors, jwtVerify, SignJWT } from 'jose';
import type { Caller, Grant } from '@safeguarding/auth';
import { problem } from './problem';

/**
 * Signed URLs for browsers and calendar programs, which cannot send an Authorization header:
 * a JWT (HS256) in the URL carries the caller's own subject and grants, what it is for and when it
 * expires. The key is derived from GATEWAY_SECRET, which every gateway replica already has, so any
 * replica accepts a URL another made with no shared state; a separate key per purpose (and an
 * audience) means a download link is never a calendar feed, nor either of them a bearer token.
 */
export type SignedUrlPurpose = 'export-download' | 'calendar-feed';

export interface SignedClaims {
  /** Unique per URL: a calendar feed is revoked by it. */
  id: string;
  caller: Caller;
  /** What the URL is for: the export's path, or the calendar it shows. */
  target: string;
  parameters: Record<string, string>;
  issuedAt: Date;
  expiresAt: Date;
}

export function signingKey(gatewaySecret: string, purpose: SignedUrlPurpose): Uint8Array {
  return createHmac('sha256', gatewaySecret).update(`safeguarding-partnerships signed URLs: ${purpose}`).digest();
}

export async function signUrlToken(
  key: Uint8Array,
  purpose: SignedUrlPurpose,
  caller: Caller,
  target: string,
  parameters: Record<string, string>,
  lifetimeSeconds: number,
): Promise<{ token: string; claims: SignedClaims }> {
  const id = randomUUID();
  const issuedAt = Math.floor(Date.now() / 1000);
  const token = await new SignJWT({ grants: caller.grants, target, parameters })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(caller.subject)
    .setAudience(purpose)
    .setJti(id)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + lifetimeSeconds)
    .sign(key);
  return { token, claims: { id, caller, target, parameters, issuedAt: new Date(issuedAt * 1000), expiresAt: new Date((issuedAt + lifetimeSeconds) * 1000) } };
}

/**
 * The claims of a token this gateway signed for `purpose`; refuses (401, naming `parameter`) one
 * that has expired or was altered. `allowExpired` is for revoking a feed that has run out anyway.
 */
export async function verifyUrlToken(
  key: Uint8Array,
  purpose: SignedUrlPurpose,
  token: string,
  parameter: string,
  allowExpired = false,
): Promise<SignedClaims> {
  try {
    const { payload } = await jwtVerify(token, key, { algorithms: ['HS256'], audience: purpose, ...(allowExpired ? { currentDate: new Date(0) } : {}) });
    const { sub, jti, iat, exp, grants, target, parameters } = payload as typeof payload & {
      grants?: Grant[];
      target?: string;
      parameters?: Record<string, string>;
    };
    if (!sub || !jti || !iat || !exp || !Array.isArray(grants) || typeof target !== 'string' || typeof parameters !== 'object' || !parameters)
      throw new Error('incomplete claims');
    return { id: jti, caller: { subject: sub, grants }, target, parameters, issuedAt: new Date(iat * 1000), expiresAt: new Date(exp * 1000) };
  } catch (error) {
    const what = purpose === 'export-download' ? 'download link' : 'calendar feed URL';
    if (error instanceof errors.JWTExpired) {
      throw problem(
        401,
        purpose === 'export-download' ? 'LINK_EXPIRED' : 'FEED_EXPIRED',
        `The ${what} has expired`,
        `This ${what} has expired; ask for a new one${purpose === 'export-download' ? ' (POST /exports/links)' : ' (POST /calendars/feeds)'}.`,
        parameter,
      );
    }
    throw problem(
      401,
      purpose === 'export-download' ? 'LINK_INVALID' : 'FEED_INVALID',
      `The ${what} is not valid`,
      `This ${what} was not made by this platform or has been altered; ask for a new one.`,
      parameter,
    );
  }
}
