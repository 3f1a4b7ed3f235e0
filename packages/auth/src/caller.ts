/**
 * Who is asking. The gateway reads it from the user's signed JWT and forwards it to the subgraphs;
 * without a token the caller is the anonymous public reader (published material only).
 */
export const ROLES = ['analyst', 'member', 'partnership-admin', 'forum-secretariat', 'regional-admin'] as const;
export type Role = (typeof ROLES)[number];

/** Roles that only make sense within one partnership; the others are regional. */
export const PARTNERSHIP_SCOPED_ROLES: readonly Role[] = ['member', 'partnership-admin'];

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  analyst: 'everything published, and aggregates across partnerships',
  member: "a member of one partnership: also that partnership's unpublished material",
  'partnership-admin': 'edits its partnership',
  'forum-secretariat': "prepares the joint Lead Safeguarding Partners forum's agendas",
  'regional-admin': 'edits shared regional data (regional procedures, crosswalks, the organisation registry)',
};

/** One role, held regionally (partnershipSlug null) or within one partnership. */
export interface Grant {
  role: Role;
  partnershipSlug: string | null;
}

export interface Caller {
  /** Token subject, or "anonymous". */
  subject: string;
  grants: Grant[];
}

export const ANONYMOUS_CALLER: Caller = Object.freeze({ subject: 'anonymous', grants: [] });

export function isAnonymous(caller: Caller): boolean {
  return caller.grants.length === 0;
}

/** True when the caller holds `role`, within `partnershipSlug` when one is given. */
export function hasRole(caller: Caller, role: Role, partnershipSlug?: string): boolean {
  return caller.grants.some((grant) => grant.role === role && (partnershipSlug === undefined || grant.partnershipSlug === partnershipSlug));
}

/** Partnerships in which the caller holds any of `roles`. */
export function partnershipsWithRole(caller: Caller, roles: readonly Role[]): string[] {
  return [...new Set(caller.grants.filter((grant) => roles.includes(grant.role) && grant.partnershipSlug).map((grant) => grant.partnershipSlug as string))];
}

export class InvalidGrantError extends Error {}

/** Checks a grant's shape: a known role, with a partnership exactly when the role needs one. */
export function parseGrant(value: unknown): Grant {
  if (typeof value !== 'object' || value === null) throw new InvalidGrantError('a grant must be an object { role, partnershipSlug }');
  const { role, partnershipSlug } = value as { role?: unknown; partnershipSlug?: unknown };
  if (typeof role !== 'string' || !(ROLES as readonly string[]).includes(role)) {
    throw new InvalidGrantError(`unknown role "${String(role)}"; roles are: ${ROLES.join(', ')}`);
  }
  const slug = partnershipSlug === undefined || partnershipSlug === null ? null : partnershipSlug;
  if (slug !== null && (typeof slug !== 'string' || !/^[a-z0-9-]{1,64}$/.test(slug))) {
    // eslint-disable-next-line @typescript-eslint/no-base-to-string -- whatever the token held, as JavaScript prints it.
    throw new InvalidGrantError(`partnershipSlug must be a slug such as "shropshire", got "${String(slug)}"`);
  }
  if (PARTNERSHIP_SCOPED_ROLES.includes(role as Role) && slug === null) {
    throw new InvalidGrantError(`the role "${role}" needs a partnership slug, e.g. ${role} shropshire`);
  }
  return { role: role as Role, partnershipSlug: slug };
}
