import { type DocumentNode, GraphQLError, type GraphQLResolveInfo, type GraphQLSchema, Kind, parse } from 'graphql';
import type { IMiddlewareFunction } from 'graphql-middleware';
import type pino from 'pino';
import type { DataSource, MigrationInterface, QueryRunner } from 'typeorm';
import { hasRole } from '@safeguarding/auth';
import { auditTrailFieldName, auditTypeDefs } from '@safeguarding/config';
import type { SubgraphContext } from './context';
import { badUserInput } from './errors';
import { identifierKindsIn } from './free-text';
import { notPermitted } from './permissions';

/**
 * The audit trail. Every Mutation field of every subgraph is wrapped (graphql-middleware, outside
 * the permission shield, so refusals are recorded too); when the call finishes, one row goes into
 * the subgraph's own `audit_event` table: who (subject and grants), when, the request id, the
 * field, its arguments, the returned record's id and the record itself (the state after), or the
 * error code. The table is made by the runtime when the server starts (idempotent DDL, schema-
 * qualified), not by the subgraph's migrations; a trigger refuses UPDATE and DELETE on it.
 *
 * Limits: the row is written after the resolver's own transaction, so a crash between the two
 * loses the row (the write stands; the failure is logged). The state before a change is the
 * previous event's result for the same record, when that change was made through the API.
 */

const MAX_JSON = 20_000;

export interface AuditOptions {
  subgraph: string;
  schema: string;
  dataSource: DataSource;
  logger: pino.Logger;
}

const table = (schema: string) => `"${schema}"."audit_event"`;

/** Creates the table and its append-only trigger when missing. */
/**
 * The audit table, as a migration every subgraph lists in its migrations/index.ts (one table per
 * subgraph schema, append-only by trigger). Schema-qualified; never relies on search_path.
 */
export class CreateAuditTrail1733200000000 implements MigrationInterface {
  name = 'CreateAuditTrail1733200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = (queryRunner.connection.options as { schema?: string }).schema ?? 'public';
    const name = table(schema);
    await queryRunner.query(`CREATE TABLE ${name} (
      id bigserial PRIMARY KEY,
      at timestamptz NOT NULL DEFAULT now(),
      subject text NOT NULL,
      grants text[] NOT NULL DEFAULT '{}',
      request_id text,
      operation_name text,
      field text NOT NULL,
      arguments jsonb NOT NULL,
      result_id text,
      result jsonb,
      error_code text,
      partnership_slugs text[] NOT NULL DEFAULT '{}'
    )`);
    await queryRunner.query(`CREATE INDEX audit_event_partnerships ON ${name} USING gin (partnership_slugs)`);
    await queryRunner.query(`CREATE FUNCTION "${schema}".audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN RAISE EXCEPTION 'the audit trail is append-only: % refused', TG_OP; END $fn$`);
    await queryRunner.query(`CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON ${name} FOR EACH ROW EXECUTE FUNCTION "${schema}".audit_event_append_only()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const schema = (queryRunner.connection.options as { schema?: string }).schema ?? 'public';
    await queryRunner.query(`DROP TABLE ${table(schema)}`);
    await queryRunner.query(`DROP FUNCTION "${schema}".audit_event_append_only()`);
  }
}

/** Characters jsonb cannot hold: half a UTF-16 pair, and NUL. */
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

const SLUG_KEYS = new Set(['partnershipSlug', 'partnershipSlugs', 'partnershipId', 'partnershipIds', 'fromPartnership', 'toPartnership', 'ownerPartnershipSlug']);
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
    if (value && typeof value === 'object' && !(value instanceof Date)) return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, withhold(item)]));
    return value;
  };
  return withhold(args);
}

function errorCodeOf(error: unknown): string {
  if (error instanceof GraphQLError) return String(error.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
  return 'INTERNAL_SERVER_ERROR';
}

/** The middleware for every Mutation field of the schema. */
export function createAuditMiddleware(schema: GraphQLSchema, options: AuditOptions) {
  const mutationType = schema.getMutationType();
  if (!mutationType) return undefined;
  const record = async (context: SubgraphContext, info: GraphQLResolveInfo, args: Record<string, unknown>, outcome: { result?: unknown; error?: unknown }) => {
    const result = outcome.error === undefined ? outcome.result : undefined;
    const resultId = result && typeof result === 'object' && 'id' in result ? String((result as { id: unknown }).id) : null;
    const hinted = context.auditPartnershipSlugs ? [...context.auditPartnershipSlugs] : [];
    // The result only at its top level (a meeting's bodyId): deeper records, such as a body it
    // reports to, may belong to another partnership, which must not see this call's payload.
    const slugs = [...new Set([...hinted, ...partnershipSlugsOf(args), ...partnershipSlugsOf(result, 1)])].sort();
    try {
      await options.dataSource.query(
        `INSERT INTO ${table(options.schema)} (subject, grants, request_id, operation_name, field, arguments, result_id, result, error_code, partnership_slugs)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
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

/** True when the subgraph's SDL has the Partnership entity, so it gets the audit trail field. */
export function hasPartnershipEntity(typeDefs: DocumentNode): boolean {
  return typeDefs.definitions.some((definition) => definition.kind === Kind.OBJECT_TYPE_DEFINITION && definition.name.value === 'Partnership');
}

export function auditTrailTypeDefs(subgraph: string): DocumentNode {
  return parse(auditTypeDefs(subgraph));
}

interface AuditRow {
  id: string;
  at: Date | string;
  subject: string;
  grants: string[];
  request_id: string | null;
  field: string;
  arguments: unknown;
  result_id: string | null;
  result: unknown;
  error_code: string | null;
  partnership_slugs: string[];
}

function timestamp(value: unknown, name: string): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'string' || value.length > 40 || Number.isNaN(Date.parse(value))) throw badUserInput(`${name} must be an ISO 8601 timestamp such as 2026-01-31T00:00:00Z`, name);
  return new Date(value).toISOString();
}

/** The resolvers for `Partnership.<subgraph>AuditTrail`. */
export function auditTrailResolvers(options: AuditOptions) {
  return {
    Partnership: {
      [auditTrailFieldName(options.subgraph)]: async (parent: { id?: string; slug?: string }, args: { from?: string | null; to?: string | null; limit?: number | null }, context: SubgraphContext) => {
        const slug = String(parent.id ?? parent.slug);
        if (!hasRole(context.caller, 'regional-admin') && !hasRole(context.caller, 'partnership-admin', slug)) {
          throw notPermitted(context.caller, `The audit trail of ${slug} is for its partnership-admins and regional administrators.`);
        }
        // The payloads may hold what a regional administrator may not read (unpublished reviews,
        // draft agendas): only the partnership's own admins get them.
        const payloads = hasRole(context.caller, 'partnership-admin', slug);
        const limit = args.limit ?? 100;
        if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw badUserInput('limit must be between 1 and 1000', 'limit');
        const from = timestamp(args.from, 'from');
        const to = timestamp(args.to, 'to');
        const rows = (await options.dataSource.query(
          `SELECT id::text AS id, at, subject, grants, request_id, field, arguments, result_id, result, error_code, partnership_slugs
             FROM ${table(options.schema)}
            WHERE $1 = ANY(partnership_slugs) AND ($2::timestamptz IS NULL OR at >= $2) AND ($3::timestamptz IS NULL OR at < $3)
            ORDER BY at DESC, id DESC LIMIT $4`,
          [slug, from, to, limit],
        )) as AuditRow[];
        return rows.map((row) => ({
          id: `${options.subgraph}:${row.id}`,
          subgraph: options.subgraph,
          at: new Date(row.at).toISOString(),
          subject: row.subject,
          grants: row.grants,
          requestId: row.request_id,
          field: row.field,
          arguments: payloads ? JSON.stringify(row.arguments) : null,
          resultId: row.result_id,
          result: payloads && row.result !== null ? JSON.stringify(row.result) : null,
          errorCode: row.error_code,
          partnershipSlugs: row.partnership_slugs,
        }));
      },
    },
  };
}
