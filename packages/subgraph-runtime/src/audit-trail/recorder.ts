import { GraphQLError, type GraphQLResolveInfo, type GraphQLSchema } from 'graphql';
import type { IMiddlewareFunction } from 'graphql-middleware';
import type { SubgraphContext } from '../context';
import { identifierKindsIn } from '../free-text';
import { type AuditOptions, auditEventTable } from './table';

/**
 * The recorder. Every Mutation field of every subgraph is wrapped (graphql-middleware, outside the
 * permission shield, so refusals are recorded too); when the call finishes, one row goes into the
 * subgraph's own audit_event table (migration.ts): who (subject and grants), when, the request id,
 * the field, its arguments, the returned record's id and the record itself (the state after), or
 * the error code, and the partnerships the call concerned.
 *
 * Limits: the row is written after the resolver's own transaction, so a crash between the two
 * loses the row (the write stands; the failure is logged). The state before a change is the
 * previous event's result for the same record, when that change was made through the API.
 */

const MAX_JSON = 20_000;

/** Characters jsonb cannot hold: half a UTF-16 pair, and NUL. */
// eslint-disable-next-line no-control-regex -- NUL is matched on purpose: jsonb cannot hold it
const UNSTORABLE_IN_JSONB = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|\u0000/g;

/**
 * JSON text of a value, bounded; Dates as ISO strings, cycles cut. A refused call's arguments may
 * hold text jsonb refuses (half an emoji); it is recorded with U+FFFD in its place, so the attempt
 * is still in the trail.
 */
function boundedJson(value: unknown): string | null {
  if (value === undefined) return null;
  const seen = new WeakSet<object>();
  try {
    const text = JSON.stringify(value, (_key, item: unknown) => {
      if (typeof item === 'bigint') return item.toString();
      if (typeof item === 'string') return item.replace(UNSTORABLE_IN_JSONB, '\uFFFD');
      if (item && typeof item === 'object') {
        if (seen.has(item)) return '[cycle]';
        seen.add(item);
      }
      return item;
    });
    if (text === undefined) return null;
    return text.length > MAX_JSON ? JSON.stringify({ truncated: true, text: text.slice(0, MAX_JSON) }) : text;
  } catch {
    return JSON.stringify({ unserialisable: true });
  }
}

const SLUG_KEYS = new Set([
  'partnershipSlug',
  'partnershipSlugs',
  'partnershipId',
  'partnershipIds',
  'fromPartnership',
  'toPartnership',
  'ownerPartnershipSlug',
]);
const SLUG = /^[a-z0-9][a-z0-9-]{0,63}$/;
/** Ids such as "telford-and-wrekin.executive" start with their partnership's slug. */
const PREFIXED_ID = /^([a-z][a-z0-9-]{0,63})\.[a-z0-9][a-z0-9.-]*$/;

/**
 * The partnerships a value (a call's arguments, or its result at depth 1) names: values under keys
 * such as partnershipSlug, and ids prefixed "<slug>." (bodies, threshold levels). A uuid names no
 * partnership, so a call with only a uuid is found through its result (e.g. a meeting's bodyId).
 * Resolvers may add slugs to `context.auditPartnershipSlugs`.
 */
export function partnershipSlugsOf(value: unknown, maxDepth = 4): string[] {
  const found = new Set<string>();
  const visit = (value: unknown, key: string | undefined, depth: number) => {
    if (depth > maxDepth || value === null || value === undefined) return;
    if (typeof value === 'string') {
      if (key && SLUG_KEYS.has(key) && SLUG.test(value)) found.add(value);
      const prefixed = PREFIXED_ID.exec(value);
      if (prefixed && (key === undefined || key === 'id' || /Ids?$/.test(key))) found.add(prefixed[1]!);
      return;
    }
    if (Array.isArray(value)) {
      for (const item of value.slice(0, 200)) visit(item, key, depth);
      return;
    }
    if (typeof value === 'object' && !(value instanceof Date)) {
      for (const [childKey, child] of Object.entries(value as Record<string, unknown>)) visit(child, childKey, depth + 1);
    }
  };
  visit(value, undefined, 0);
  return [...found].sort();
}

/**
 * Arguments as the trail keeps them. A call refused for holding an identifier (an NHS number, a
 * date of birth, …) is recorded with each such text withheld, naming only the kinds: the refusal
 * must not keep what it refused to store.
 */
function auditedArguments(args: Record<string, unknown>, error: unknown): unknown {
  if (!(error instanceof GraphQLError) || !Array.isArray(error.extensions?.identifierKinds)) return args;
  const withhold = (value: unknown): unknown => {
    if (typeof value === 'string') {
      const kinds = identifierKindsIn(value);
      return kinds.length > 0 ? `[withheld: held ${kinds.join(', ')}]` : value;
    }
    if (Array.isArray(value)) return value.map(withhold);
    if (value && typeof value === 'object' && !(value instanceof Date))
      return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, withhold(item)]));
    return value;
  };
  return withhold(args);
}

function errorCodeOf(error: unknown): string {
  if (!(error instanceof GraphQLError)) return 'INTERNAL_SERVER_ERROR';
  const code = error.extensions?.code;
  return typeof code === 'string' || typeof code === 'number' ? String(code) : 'INTERNAL_SERVER_ERROR';
}

/**
 * Called by an operation before it changes or corrects a record: the trail keeps the value it
 * replaced beside the state after, so a correction is traceable even for a record no earlier API
 * call wrote. The context is the resolver's own (an operation's context is that object).
 */
export function recordReplacedValue(context: { auditReplaced?: unknown }, value: unknown): void {
  context.auditReplaced = value === undefined ? undefined : JSON.parse(boundedJson(value) ?? 'null');
}

/** The middleware for every Mutation field of the schema. */
export function createAuditMiddleware(schema: GraphQLSchema, options: AuditOptions) {
  const mutationType = schema.getMutationType();
  if (!mutationType) return undefined;
  const record = async (context: SubgraphContext, info: GraphQLResolveInfo, args: Record<string, unknown>, outcome: { result?: unknown; error?: unknown }) => {
    const result = outcome.error === undefined ? outcome.result : undefined;
    const resultId = result && typeof result === 'object' && 'id' in result ? String(result.id) : null;
    const hinted = context.auditPartnershipSlugs ? [...context.auditPartnershipSlugs] : [];
    // The result only at its top level (a meeting's bodyId): deeper records, such as a body it
    // reports to, may belong to another partnership, which must not see this call's payload.
    const slugs = [...new Set([...hinted, ...partnershipSlugsOf(args), ...partnershipSlugsOf(result, 1)])].sort();
    // Taken once: the next mutation of the same request records its own.
    const replaced = outcome.error === undefined && context.auditReplaced !== undefined ? JSON.stringify(context.auditReplaced) : null;
    context.auditReplaced = undefined;
    try {
      await options.dataSource.query(
        `INSERT INTO ${auditEventTable(options.schema)} (subject, grants, request_id, operation_name, field, arguments, result_id, result, error_code, partnership_slugs, replaced)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        [
          context.caller.subject,
          context.caller.grants.map((grant) => (grant.partnershipSlug ? `${grant.role}:${grant.partnershipSlug}` : grant.role)),
          context.requestId ?? null,
          info.operation.name?.value ?? null,
          info.fieldName,
          boundedJson(auditedArguments(args, outcome.error)) ?? '{}',
          resultId,
          boundedJson(result),
          outcome.error === undefined ? null : errorCodeOf(outcome.error),
          slugs,
          replaced,
        ],
      );
    } catch (error) {
      options.logger.error({ err: error, subgraph: options.subgraph, field: info.fieldName, requestId: context.requestId }, 'could not write the audit event');
    }
  };
  const middleware: IMiddlewareFunction<unknown, SubgraphContext, Record<string, unknown>> = async (resolve, parent, args, context, info) => {
    let result: unknown;
    try {
      result = await resolve(parent, args, context, info);
    } catch (error) {
      await record(context, info, args, { error });
      throw error;
    }
    // The shield answers a refusal by returning the error rather than throwing it.
    if (result instanceof Error) await record(context, info, args, { error: result });
    else await record(context, info, args, { result });
    return result;
  };
  return { Mutation: Object.fromEntries(Object.keys(mutationType.getFields()).map((field) => [field, middleware])) };
}
