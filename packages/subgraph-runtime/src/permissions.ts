import { GraphQLError, type GraphQLSchema, Kind, type ObjectTypeDefinitionNode } from 'graphql';
import { middleware, type IMiddleware } from 'graphql-middleware';
import { allow, and, deny, or, rule, shield } from 'graphql-shield';
import type { IRules } from 'graphql-shield';
import { hasRole, isSignedIn, PARTNERSHIP_SCOPED_ROLES, ROLES, SIGN_IN_HINT, type Caller, type Role } from '@safeguarding/auth';
import { auditTrailFieldName, auditTrailTypeDefs } from '@safeguarding/federation-contract';
import type { SubgraphContext } from './context';
import { ErrorCode, forbidden } from './errors';

export { allow, deny, and, or, rule };
export type { IRules };

/** Given by shield whenever a rule says no to a signed-in caller, or nobody may have the field. */
export const PERMISSION_DENIED = new GraphQLError(
  'Not permitted: your token does not carry a role that may see or do this. See the README section "Roles and tokens" for how to get one.',
  { extensions: { code: ErrorCode.FORBIDDEN } },
);

/**
 * An anonymous caller asking for something a role would allow: UNAUTHENTICATED, with how to sign
 * in. (No `http` extension: a subgraph answering 401 would read, at the gateway, as its own
 * credentials being refused; the gateway sets 401 itself when the whole operation is refused.)
 */
export function signInRequired(what: string): GraphQLError {
  return new GraphQLError(`${what} needs a role. ${SIGN_IN_HINT}`, { extensions: { code: ErrorCode.UNAUTHENTICATED } });
}

/**
 * For scope checks in resolvers: FORBIDDEN for a signed-in caller without the right grant,
 * UNAUTHENTICATED (with the sign-in hint) for an anonymous one, whom a token might let through.
 */
export function notPermitted(caller: Caller, message: string): GraphQLError {
  return isSignedIn(caller) ? forbidden(message) : new GraphQLError(`${message} ${SIGN_IN_HINT}`, { extensions: { code: ErrorCode.UNAUTHENTICATED } });
}

/** Rules shared by every subgraph; each subgraph's permissions.ts composes them per field. */
export const isAuthenticated = rule({ cache: 'contextual' })((_parent, _args, context: SubgraphContext) => isSignedIn(context.caller));

// ---------------------------------------------------------------------------------------------
// What each rule lets each kind of caller read: the access inventory (docs/access-inventory.md)
// is generated from these summaries, so every rule a permissions.ts uses must have one.

/** The kinds of caller the inventory has a column for: the anonymous public, then each role. */
export const CALLER_KINDS = ['anonymous', ...ROLES] as const;
export type CallerKind = (typeof CALLER_KINDS)[number];

/**
 * yes: every caller of this kind; scoped: only for records of the caller's own partnership (or
 * another condition on the record, which the rule or resolver checks); no: never.
 */
export type Reach = 'yes' | 'scoped' | 'no';

export interface RuleSummary {
  /** Who the rule lets through, in a few words. */
  who: string;
  reach: Record<CallerKind, Reach>;
}

const summaries = new WeakMap<object, RuleSummary>();

function reachOf(yes: readonly CallerKind[], scoped: readonly CallerKind[] = []): Record<CallerKind, Reach> {
  return Object.fromEntries(CALLER_KINDS.map((kind) => [kind, yes.includes(kind) ? 'yes' : scoped.includes(kind) ? 'scoped' : 'no'])) as Record<
    CallerKind,
    Reach
  >;
}

/** Attaches the inventory's summary to a rule a subgraph writes itself (returns the rule). */
export function describeRule<R extends object>(described: R, summary: { who: string; yes?: readonly CallerKind[]; scoped?: readonly CallerKind[] }): R {
  summaries.set(described, { who: summary.who, reach: reachOf(summary.yes ?? [], summary.scoped ?? []) });
  return described;
}

describeRule(allow, { who: 'everyone', yes: CALLER_KINDS });
describeRule(deny, { who: 'nobody' });

/** The inventory's summary of a rule, or undefined when nobody described it. */
export function summaryOf(candidate: unknown): RuleSummary | undefined {
  return typeof candidate === 'object' && candidate !== null ? summaries.get(candidate) : undefined;
}

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
    // Roles held within one partnership (and the forum secretariat, whose one body is the joint
    // forum) pass here for any record; the resolver narrows them to their own.
    const narrowed = (role: Role) => PARTNERSHIP_SCOPED_ROLES.includes(role) || role === 'forum-secretariat';
    describeRule(existing, { who: `role ${roles.join(' or ')}`, yes: roles.filter((role) => !narrowed(role)), scoped: roles.filter(narrowed) });
    roleRules.set(name, existing);
  }
  return existing;
};

/** `{ field: allow, ... }` for fields anyone may read: each one named, so a new field is denied until classified. */
export function readableByEveryone(...fields: string[]): Record<string, typeof allow> {
  return Object.fromEntries(fields.map((field) => [field, allow]));
}

/**
 * The contract's result types every subgraph serves: where a fact comes from is as public as the
 * fact (every SourceCitation field), and what a pack section returns is for whoever the mutation
 * or query let through (its operation checks the scope).
 */
export const CONTRACT_RESULT_RULES: IRules = {
  SourceCitation: readableByEveryone('kind', 'document', 'section', 'quote', 'inferredFrom', 'reasoning', 'generator', 'synthetic'),
  PackSectionText: readableByEveryone('scope', 'section', 'text'),
  PackSectionApplied: readableByEveryone('scope', 'section', 'applied', 'changes'),
  PackChange: readableByEveryone('entity', 'key', 'change', 'fields'),
};

/** Federation's own entry points, which the gateway needs to plan and resolve queries. */
const federationRules: IRules = {
  Query: { _service: allow, _entities: allow },
  _Service: { sdl: allow },
};

/**
 * The rules for what the runtime adds to a subgraph with the Partnership entity: the audit trail.
 * The field is open at the shield because its resolver decides by the partnership (audit.ts).
 */
export function auditTrailRules(subgraph: string): IRules {
  const auditEvent = auditTrailTypeDefs(subgraph).definitions.find(
    (definition): definition is ObjectTypeDefinitionNode => definition.kind === Kind.OBJECT_TYPE_DEFINITION && definition.name.value === 'AuditEvent',
  );
  return {
    Partnership: { [auditTrailFieldName(subgraph)]: allow },
    AuditEvent: readableByEveryone(...(auditEvent?.fields ?? []).map((field) => field.name.value)),
  };
}

/** What the audit trail's resolver lets through (the shield allows the field; audit.ts decides). */
export const AUDIT_TRAIL_SUMMARY: RuleSummary = {
  who: "the partnership's own partnership-admins; regional-admins (without arguments and results)",
  reach: reachOf(['regional-admin'], ['partnership-admin']),
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
 *
 * A refusal is UNAUTHENTICATED for an anonymous caller when some role could have the field (a
 * token might help), and FORBIDDEN for a signed-in one, or when nobody may have it.
 */
export function createPermissions(rules: IRules, runtimeRules: IRules = {}) {
  const merged = mergeRules(mergeRules(federationRules, rules), runtimeRules);
  const guarded = shield(merged, {
    fallbackRule: deny,
    fallbackError: (_thrown, _parent, _args, context, info) =>
      isSignedIn((context as unknown as SubgraphContext).caller) || effectiveRule(merged, info.parentType.name, info.fieldName) === deny
        ? PERMISSION_DENIED
        : signInRequired(`${info.parentType.name}.${info.fieldName}`),
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

export { federationRules as FEDERATION_RULES };
