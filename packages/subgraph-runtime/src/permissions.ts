import { GraphQLError } from 'graphql';
import { allow, and, deny, or, rule, shield } from 'graphql-shield';
import type { IRules } from 'graphql-shield';
import { hasRole, isAnonymous, type Role } from '@safeguarding/auth';
import type { SubgraphContext } from './context';
import { ErrorCode } from './errors';

export { allow, deny, and, or, rule };
export type { IRules };

/** Given by shield whenever a rule says no. */
export const PERMISSION_DENIED = new GraphQLError(
  'Not permitted: your token does not carry a role that may see or do this. See the README section "Roles" for how to get one.',
  { extensions: { code: ErrorCode.FORBIDDEN } },
);

/** Rules shared by every subgraph; each subgraph's permissions.ts composes them per field. */
export const isAuthenticated = rule({ cache: 'contextual' })((_parent, _args, context: SubgraphContext) => !isAnonymous(context.caller));

/**
 * Holds `role` anywhere (regionally or in some partnership); scope checks happen in the resolver.
 * One rule object per role set: shield refuses two different rules with the same name.
 */
const roleRules = new Map<string, ReturnType<ReturnType<typeof rule>>>();
export const hasAnyRole = (...roles: Role[]) => {
  const name = `has-any-role:${[...roles].sort().join(',')}`;
  let existing = roleRules.get(name);
  if (!existing) {
    existing = rule(name, { cache: 'contextual' })((_parent, _args, context: SubgraphContext) => roles.some((role) => hasRole(context.caller, role)));
    roleRules.set(name, existing);
  }
  return existing;
};

/** Federation's own entry points, which the gateway needs to plan and resolve queries. */
const federationRules: IRules = {
  Query: { _service: allow, _entities: allow },
  _Service: { sdl: allow },
};

function mergeRules(base: IRules, extra: IRules): IRules {
  const merged: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [typeName, fields] of Object.entries(extra as Record<string, unknown>)) {
    const existing = merged[typeName];
    merged[typeName] = existing && typeof existing === 'object' && typeof fields === 'object' ? { ...existing, ...fields } : fields;
  }
  return merged as IRules;
}

/** Wraps a subgraph's rules in a shield that denies anything not explicitly allowed. */
export function createPermissions(rules: IRules, runtimeRules: IRules = {}) {
  return shield(mergeRules(mergeRules(federationRules, rules), runtimeRules), {
    fallbackRule: deny,
    fallbackError: PERMISSION_DENIED,
    // Resolvers' own coded errors (BAD_USER_INPUT, NOT_FOUND, ...) reach the client unchanged.
    allowExternalErrors: true,
    debug: false,
  });
}
