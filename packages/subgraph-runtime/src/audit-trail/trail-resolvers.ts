import { hasRole } from '@safeguarding/auth';
import { auditTrailFieldName } from '@safeguarding/federation-contract';
import type { SubgraphContext } from '../context';
import { badUserInput } from '../errors';
import { notPermitted } from '../permissions';
import { type AuditOptions, auditEventTable } from './table';

/**
 * The trail's reader: `Partnership.<subgraph>AuditTrail` (its SDL is the federation contract's
 * sdl/audit-trail.graphql), for the partnership's admins and regional administrators.
 */

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
  replaced: unknown;
  error_code: string | null;
  partnership_slugs: string[];
}

function timestamp(value: unknown, name: string): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'string' || value.length > 40 || Number.isNaN(Date.parse(value)))
    throw badUserInput(`${name} must be an ISO 8601 timestamp such as 2026-01-31T00:00:00Z`, name);
  return new Date(value).toISOString();
}

/** The resolvers for `Partnership.<subgraph>AuditTrail`. */
export function auditTrailResolvers(options: AuditOptions) {
  return {
    Partnership: {
      [auditTrailFieldName(options.subgraph)]: async (
        parent: { id?: string; slug?: string },
        args: { from?: string | null; to?: string | null; limit?: number | null },
        context: SubgraphContext,
      ) => {
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
        const rows = await options.dataSource.query<AuditRow[]>(
          `SELECT id::text AS id, at, subject, grants, request_id, field, arguments, result_id, result, replaced, error_code, partnership_slugs
             FROM ${auditEventTable(options.schema)}
            WHERE $1 = ANY(partnership_slugs) AND ($2::timestamptz IS NULL OR at >= $2) AND ($3::timestamptz IS NULL OR at < $3)
            ORDER BY at DESC, id DESC LIMIT $4`,
          [slug, from, to, limit],
        );
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
          replaced: payloads && row.replaced !== null ? JSON.stringify(row.replaced) : null,
          errorCode: row.error_code,
          partnershipSlugs: row.partnership_slugs,
        }));
      },
    },
  };
}
