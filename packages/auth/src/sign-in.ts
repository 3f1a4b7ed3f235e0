import { decodeJwt, decodeProtectedHeader } from 'jose';
import type { OidcIssuerSettings } from '@safeguarding/config';
import type { Caller } from './caller';
import { type KeySetTimings, OidcIssuer } from './oidc';
import { AuthenticationError, verifyUserToken } from './tokens';

/**
 * Who a bearer token belongs to, by whichever sign-in the gateway accepts: an access token from
 * one of the organisations' identity providers (OIDC_ISSUERS), or a development token signed with
 * USER_TOKEN_SECRET (`npm run token`) when those are accepted.
 */
export interface SignInOptions {
  /** The secret of HS256 development tokens; undefined refuses them. */
  developmentTokenSecret?: string;
  oidcIssuers?: OidcIssuerSettings[];
  /** How the identity providers' keys are fetched and cached (tests shorten these). */
  keySets?: KeySetTimings;
}

/** Resolves a bearer token to the verified caller; throws AuthenticationError (401) or IdentityProviderUnavailableError (503). */
export type CallerFromToken = (token: string) => Promise<Caller>;

/** Checks the configuration (role mappings name real roles) now, so a mistake stops the start. */
export function createSignIn(options: SignInOptions): CallerFromToken {
  const issuers = new Map((options.oidcIssuers ?? []).map((settings, index) => [settings.issuer, new OidcIssuer(settings, index, options.keySets)]));
  const { developmentTokenSecret } = options;
  return async (token) => {
    let issuer: unknown;
    let algorithm: unknown;
    try {
      issuer = decodeJwt(token).iss;
      algorithm = decodeProtectedHeader(token).alg;
    } catch {
      throw new AuthenticationError('the bearer token is not a JWT; sign in again to get a new one');
    }
    // The issuer named in the token only chooses whose keys to verify it with; jose then checks it.
    const oidc = typeof issuer === 'string' ? issuers.get(issuer) : undefined;
    if (oidc) return oidc.verify(token);
    if (algorithm === 'HS256') {
      if (developmentTokenSecret !== undefined) return verifyUserToken(token, developmentTokenSecret);
      throw new AuthenticationError(
        "development tokens (npm run token) are not accepted here, because USER_TOKEN_SECRET is not set; sign in with your organisation's account",
      );
    }
    const named = typeof issuer === 'string' ? `"${issuer.slice(0, 200)}"` : 'no issuer';
    throw new AuthenticationError(
      `the token was issued by ${named}, which this platform does not accept; sign in through your organisation's identity provider, or ask an administrator to add it to OIDC_ISSUERS`,
    );
  };
}
