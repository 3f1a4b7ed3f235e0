import {
  createLocalJWKSet,
  createRemoteJWKSet,
  errors,
  type FlattenedJWSInput,
  type JSONWebKeySet,
  type JWTHeaderParameters,
  jwtVerify,
  type JWTPayload,
} from 'jose';
import { ConfigurationError, type OidcIssuerSettings } from '@safeguarding/config';
import { type Caller, type Grant, InvalidGrantError, parseGrant } from './caller';
import { AuthenticationError } from './tokens';

/**
 * Access tokens from the organisations' own identity providers (OpenID Connect: Microsoft Entra
 * ID, Keycloak, ...), verified with `jose` against each issuer's published keys (JWKS), with the
 * issuer, audience, algorithms and claim-to-role mapping from OIDC_ISSUERS.
 */

/**
 * The identity provider could not be reached for keys this gateway has never had: the token
 * cannot be checked yet, through no fault of the caller's (the gateway answers 503, not 401).
 */
export class IdentityProviderUnavailableError extends AuthenticationError {}

export interface KeySetTimings {
  /** How long to wait for a discovery document or key set (default 5 s). */
  timeoutMilliseconds?: number;
  /** Least time between two fetches of a key set prompted by an unknown key id (default 30 s; jose's cooldown). */
  cooldownMilliseconds?: number;
  /** Keys are fetched afresh after this, so a key the issuer withdraws stops working (default 10 min). */
  cacheMaxAgeMilliseconds?: number;
  /** After a failed fetch, the last keys are used without asking the issuer again for this long (default 30 s). */
  retryAfterFailureMilliseconds?: number;
}

const DEFAULT_TIMINGS: Required<KeySetTimings> = {
  timeoutMilliseconds: 5000,
  cooldownMilliseconds: 30_000,
  cacheMaxAgeMilliseconds: 10 * 60_000,
  retryAfterFailureMilliseconds: 30_000,
};

type RemoteKeySet = ReturnType<typeof createRemoteJWKSet>;
type LocalKeySet = ReturnType<typeof createLocalJWKSet>;

/** Errors of choosing a key from a key set that was fetched: the token's fault, not the network's. */
function isKeySelectionError(error: unknown): boolean {
  return error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys || error instanceof errors.JOSENotSupported;
}

/**
 * One issuer's signing keys: jose's remote key set (cached; fetched again on an unknown key id,
 * at most once per cooldown), found through discovery unless jwksUri is given. When the issuer
 * cannot be reached, the keys last fetched go on verifying tokens (stale if error), so an outage
 * of the identity provider does not sign everyone out; a key they do not hold is refused.
 */
class IssuerKeys {
  private remote: RemoteKeySet | undefined;
  private discovery: Promise<URL> | undefined;
  private lastKnown: { jwks: JSONWebKeySet; keys: LocalKeySet } | undefined;
  private failedUntil = 0;

  constructor(
    private readonly settings: OidcIssuerSettings,
    private readonly timings: Required<KeySetTimings>,
  ) {}

  readonly getKey = async (header: JWTHeaderParameters, token: FlattenedJWSInput) => {
    const remote = await this.remoteKeySet();
    if (Date.now() < this.failedUntil) {
      // Failed a moment ago: do not make every caller wait for another timeout meanwhile.
      if (remote.jwks()) return this.lastKnownKeys(remote)(header, token);
      throw this.unavailable('its keys could not be fetched a moment ago');
    }
    try {
      return await remote(header, token);
    } catch (error) {
      if (isKeySelectionError(error)) throw error;
      // The key set could not be fetched (refused, timed out, not JSON): use what we had.
      this.failedUntil = Date.now() + this.timings.retryAfterFailureMilliseconds;
      if (remote.jwks()) return this.lastKnownKeys(remote)(header, token);
      throw this.unavailable(`its keys could not be fetched (${(error as Error).message})`);
    }
  };

  private lastKnownKeys(remote: RemoteKeySet): LocalKeySet {
    const jwks = remote.jwks()!;
    if (this.lastKnown?.jwks !== jwks) this.lastKnown = { jwks, keys: createLocalJWKSet(jwks) };
    return this.lastKnown.keys;
  }

  private async remoteKeySet(): Promise<RemoteKeySet> {
    if (this.remote) return this.remote;
    const url = this.settings.jwksUri ? new URL(this.settings.jwksUri) : await this.discover();
    this.remote ??= createRemoteJWKSet(url, {
      timeoutDuration: this.timings.timeoutMilliseconds,
      cooldownDuration: this.timings.cooldownMilliseconds,
      cacheMaxAge: this.timings.cacheMaxAgeMilliseconds,
    });
    return this.remote;
  }

  /** The jwks_uri from the issuer's discovery document, fetched once it answers. */
  private discover(): Promise<URL> {
    if (Date.now() < this.failedUntil) return Promise.reject(this.unavailable('its discovery document could not be fetched a moment ago'));
    this.discovery ??= this.fetchDiscovery().catch((error: unknown) => {
      this.discovery = undefined;
      this.failedUntil = Date.now() + this.timings.retryAfterFailureMilliseconds;
      throw error;
    });
    return this.discovery;
  }

  private async fetchDiscovery(): Promise<URL> {
    const address = `${this.settings.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
    let document: { issuer?: unknown; jwks_uri?: unknown };
    try {
      const response = await fetch(address, { signal: AbortSignal.timeout(this.timings.timeoutMilliseconds), headers: { accept: 'application/json' } });
      if (!response.ok) throw new Error(`${address} answered ${response.status}`);
      document = (await response.json()) as typeof document;
    } catch (error) {
      throw this.unavailable(`its discovery document could not be fetched (${(error as Error).message})`);
    }
    // OpenID Connect Discovery 1.0 §4.3: the document must name exactly the issuer we asked.
    if (document.issuer !== this.settings.issuer) {
      throw this.unavailable(`its discovery document names the issuer ${JSON.stringify(document.issuer)}, not ${this.settings.issuer}; correct OIDC_ISSUERS`);
    }
    if (typeof document.jwks_uri !== 'string' || !URL.canParse(document.jwks_uri)) {
      throw this.unavailable('its discovery document has no jwks_uri; set jwksUri in OIDC_ISSUERS');
    }
    return new URL(document.jwks_uri);
  }

  private unavailable(reason: string): IdentityProviderUnavailableError {
    return new IdentityProviderUnavailableError(
      `the identity provider "${this.settings.name}" (${this.settings.issuer}) cannot check tokens just now: ${reason}. Try again in a minute; if it persists, tell the platform's administrators.`,
    );
  }
}

/** A claim's values: the claim itself when it is a string, its strings when it is a list. */
function claimValues(payload: JWTPayload, claim: string): string[] {
  // A claim may be named with dots itself (URIs); otherwise a dotted path reaches a nested claim.
  let value: unknown = claim in payload ? payload[claim] : payload;
  if (!(claim in payload)) {
    for (const part of claim.split('.')) value = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[part] : undefined;
  }
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

interface RoleRule {
  claim: string;
  value: string;
  grant: Grant;
}

/** Verifies the access tokens of one configured issuer and maps their claims to grants. */
export class OidcIssuer {
  private readonly keys: IssuerKeys;
  private readonly rules: RoleRule[];

  constructor(
    readonly settings: OidcIssuerSettings,
    index: number,
    timings: KeySetTimings = {},
  ) {
    this.keys = new IssuerKeys(settings, { ...DEFAULT_TIMINGS, ...timings });
    this.rules = settings.roles.map((mapping, ruleIndex) => {
      try {
        return { claim: mapping.claim, value: mapping.value, grant: parseGrant({ role: mapping.role, partnershipSlug: mapping.partnershipSlug }) };
      } catch (error) {
        if (error instanceof InvalidGrantError) {
          throw new ConfigurationError(`Invalid configuration: OIDC_ISSUERS[${index}].roles[${ruleIndex}]: ${error.message}`);
        }
        throw error;
      }
    });
  }

  async verify(token: string): Promise<Caller> {
    const { name, issuer, audience, algorithms, clockToleranceSeconds, subjectClaim } = this.settings;
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.keys.getKey, {
        issuer,
        audience,
        algorithms,
        clockTolerance: clockToleranceSeconds,
        requiredClaims: ['exp'],
      }));
    } catch (error) {
      throw this.refusal(error);
    }
    const subject = payload[subjectClaim];
    if (typeof subject !== 'string' || subject === '') {
      throw new AuthenticationError(
        `the token from ${name} has no "${subjectClaim}" claim to say who you are; ask an administrator to check subjectClaim in OIDC_ISSUERS`,
      );
    }
    const grants: Grant[] = [];
    for (const rule of this.rules) {
      if (!claimValues(payload, rule.claim).includes(rule.value)) continue;
      if (!grants.some((held) => held.role === rule.grant.role && held.partnershipSlug === rule.grant.partnershipSlug)) grants.push(rule.grant);
    }
    // Signed in but granted nothing: the caller reads what the public reads, under their own name.
    return { subject: `${name}:${subject}`, grants };
  }

  private refusal(error: unknown): AuthenticationError {
    const { name, audience, algorithms } = this.settings;
    if (error instanceof AuthenticationError) return error;
    if (error instanceof errors.JWTExpired) return new AuthenticationError(`the token from ${name} has expired; sign in again to get a new one`);
    if (error instanceof errors.JWTClaimValidationFailed) {
      if (error.claim === 'aud') {
        const expected = [audience].flat().join(' or ');
        return new AuthenticationError(`the token from ${name} is meant for another application, not this API; request a token for ${expected}`);
      }
      if (error.claim === 'nbf') return new AuthenticationError(`the token from ${name} is not valid yet; check the clock of the computer that sent it`);
      return new AuthenticationError(`the token from ${name} has an unacceptable "${error.claim}" claim (${error.reason}); sign in again`);
    }
    if (error instanceof errors.JOSEAlgNotAllowed) {
      return new AuthenticationError(
        `the token from ${name} is signed with an algorithm this platform does not accept from it (accepted: ${algorithms.join(', ')})`,
      );
    }
    if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys) {
      return new AuthenticationError(`the token is signed with a key that ${name} does not publish (unknown key id); sign in again to get a new token`);
    }
    if (error instanceof errors.JWSSignatureVerificationFailed)
      return new AuthenticationError(`the token's signature does not match ${name}'s keys; it was altered or not issued by ${name}`);
    return new AuthenticationError(`the token from ${name} could not be read (${(error as Error).message}); sign in again`);
  }
}
