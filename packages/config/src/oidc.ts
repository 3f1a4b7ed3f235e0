import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/**
 * OIDC_ISSUERS: the organisations' own identity providers (OpenID Connect) whose access tokens the
 * gateway accepts, as a JSON array or the path of a JSON file holding one. Roles are checked
 * against the platform's roles by @safeguarding/auth when the gateway starts (this package cannot
 * depend on it); everything else is checked here.
 */

/** Asymmetric algorithms only: a shared-secret (HS*) token from an identity provider is never accepted. */
export const OIDC_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'] as const;

const slug = z.string().regex(/^[a-z0-9-]{1,64}$/, 'must be a slug such as "shropshire" (lower-case letters, digits and hyphens)');

const roleMappingSchema = z
  .object({
    /** The token claim to read, e.g. "roles" or "groups"; a dotted path reaches a nested claim ("realm_access.roles"). */
    claim: z.string().min(1, 'claim must name a token claim, e.g. "roles" or "groups"'),
    /** The value that grants the role: one of the claim's values when it is a list, else the claim itself. */
    value: z.string().min(1, 'value must be the claim value that grants the role, e.g. an app role or group id'),
    /** A platform role: analyst, member, partnership-admin, forum-secretariat or regional-admin. */
    role: z.string().min(1),
    /** The partnership the role is held in (needed by member and partnership-admin). */
    partnershipSlug: slug.optional(),
  })
  .strict();

const issuerSchema = z
  .object({
    /** A short label for this identity provider, the prefix of its callers' subjects in logs and the audit trail. */
    name: slug,
    /** Exactly the token's "iss" claim, e.g. https://login.microsoftonline.com/<tenant id>/v2.0 */
    issuer: z.string().url('issuer must be the URL in the tokens\' "iss" claim, e.g. https://login.microsoftonline.com/<tenant id>/v2.0'),
    /** The token's "aud": this API's client id or application ID URI at the identity provider. */
    audience: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]),
    /** Where the signing keys are published; omitted, it is read from the issuer's discovery document. */
    jwksUri: z.string().url('jwksUri must be a URL such as https://login.microsoftonline.com/<tenant id>/discovery/v2.0/keys').optional(),
    algorithms: z.array(z.enum(OIDC_ALGORITHMS)).min(1).default(['RS256']),
    /** The claim that identifies the person (Entra ID: "oid" is the same across applications; "sub" differs per application). */
    subjectClaim: z.string().min(1).default('sub'),
    /** Allowed difference between this server's clock and the issuer's. */
    clockToleranceSeconds: z.number().int().min(0).max(300).default(60),
    roles: z.array(roleMappingSchema).default([]),
  })
  .strict();

export type OidcRoleMapping = z.infer<typeof roleMappingSchema>;
export type OidcIssuerSettings = z.infer<typeof issuerSchema>;

const issuersSchema = z.array(issuerSchema).superRefine((issuers, context) => {
  const seen = new Map<string, number>();
  issuers.forEach((issuer, index) => {
    if (seen.has(issuer.issuer)) {
      context.addIssue({
        code: 'custom',
        path: [index, 'issuer'],
        message: `issuer ${issuer.issuer} is configured twice (also at [${seen.get(issuer.issuer)}]); merge its role mappings into one entry`,
      });
    }
    seen.set(issuer.issuer, index);
  });
  const names = issuers.map((issuer) => issuer.name);
  names.forEach((name, index) => {
    if (names.indexOf(name) !== index)
      context.addIssue({ code: 'custom', path: [index, 'name'], message: `name "${name}" is used by two issuers; give each its own` });
  });
});

/** A problem in OIDC_ISSUERS: where (e.g. "[0].audience") and what. */
export interface OidcIssuersProblem {
  path: (string | number)[];
  message: string;
}

/** Reads OIDC_ISSUERS (JSON text, or the path of a JSON file); `production` requires https. */
export function parseOidcIssuers(raw: string, production: boolean): { issuers: OidcIssuerSettings[]; problems: OidcIssuersProblem[] } {
  const trimmed = raw.trim();
  let text = trimmed;
  if (!trimmed.startsWith('[')) {
    const file = path.resolve(trimmed);
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (error) {
      return {
        issuers: [],
        problems: [
          {
            path: [],
            message: `is neither a JSON array nor a readable file (${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); set it to [ { "name": ..., "issuer": ..., "audience": ... } ] or the path of a file holding that`,
          },
        ],
      };
    }
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { issuers: [], problems: [{ path: [], message: `is not valid JSON (${(error as Error).message})` }] };
  }
  const parsed = issuersSchema.safeParse(json);
  if (!parsed.success)
    return { issuers: [], problems: parsed.error.issues.map((issue) => ({ path: issue.path as (string | number)[], message: issue.message })) };
  const problems: OidcIssuersProblem[] = [];
  if (production) {
    // Keys fetched over plain http could be replaced on the way, and with them anyone's identity.
    parsed.data.forEach((issuer, index) => {
      for (const key of ['issuer', 'jwksUri'] as const) {
        const value = issuer[key];
        if (value && !value.startsWith('https://'))
          problems.push({ path: [index, key], message: `must be an https:// URL when NODE_ENV=production, got ${value}` });
      }
    });
  }
  return { issuers: problems.length ? [] : parsed.data, problems };
}
