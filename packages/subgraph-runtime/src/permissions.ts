import { GraphQLError, type GraphQLSchema } from 'graphql';
import { middleware, type IMiddleware } from 'graphql-middleware';
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

/**
 * Wraps a subgraph's rules in a shield that denies anything not explicitly allowed.
 *
 * Fields whose rule is plain `allow` are left unwrapped: shield would otherwise put an async
 * wrapper (a promise and a rule call) on every field of every object, which measured as a large
 * share of subgraph CPU on big answers (bench/BASELINE.md). Fields with any other rule, and fields
 * with no rule at all (denied), stay wrapped, so deny-by-default is unchanged.
 */
export function createPermissions(rules: IRules, runtimeRules: IRules = {}) {
  const merged = mergeRules(mergeRules(federationRules, rules), runtimeRules);
  const guarded = shield(merged, {
    fallbackRule: deny,
    fallbackError: PERMISSION_DENIED,
    // Resolvers' own coded errors (BAD_USER_INPUT, NOT_FOUND, ...) reach the client unchanged.
    allowExternalErrors: true,
    debug: false,
  });
  return middleware((schema: GraphQLSchema) => withoutAllowedFields(guarded.generate(schema) as Record<string, Record<string, unknown>>, merged));
}

/** The rule shield applies to Type.field: the field's own, else the type's wildcard or type-wide rule, else deny. */
export function effectiveRule(rules: IRules, typeName: string, fieldName: string): unknown {
  const typeRules = (rules as Record<string, unknown>)[typeName];
  if (typeRules === undefined) return deny;
  if (typeof typeRules !== 'object' || typeRules === null || !isFieldMap(typeRules)) return typeRules;
  const fieldMap = typeRules as Record<string, unknown>;
  return fieldMap[fieldName] ?? fieldMap['*'] ?? deny;
}

function isFieldMap(value: object): boolean {
  // A rule is a class instance (Rule, RuleAnd, ...); a field map is a plain object.
  return Object.getPrototypeOf(value) === Object.prototype;
}

function withoutAllowedFields(generated: Record<string, Record<string, unknown>>, rules: IRules): IMiddleware {
  const pruned: Record<string, Record<string, unknown>> = {};
  for (const [typeName, fields] of Object.entries(generated)) {
    const kept = Object.fromEntries(Object.entries(fields).filter(([fieldName]) => effectiveRule(rules, typeName, fieldName) !== allow));
    if (Object.keys(kept).length > 0) pruned[typeName] = kept;
  }
  return pruned as IMiddleware;
}
