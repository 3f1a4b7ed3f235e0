import type { ApolloServer } from '@apollo/server';
import { stringify } from 'csv-stringify/sync';
import express from 'express';
import type { Caller } from '@safeguarding/auth';

/**
 * CSV exports of what analysts see: each export is a GraphQL operation run through this gateway
 * with the caller's own identity (so the same permissions apply) and flattened into rows.
 * `GET /exports/<name>.csv?...` — see EXPORTS for the names and their parameters.
 */
type Row = (string | number | null)[];
interface ExportDefinition {
  description: string;
  query: string;
  variables(parameters: URLSearchParams): Record<string, unknown>;
  /** `data` is the operation's answer, shaped as `query` asks. */
  table(data: Record<string, unknown>, variables: Record<string, unknown>): { header: string[]; rows: Row[] };
}

const list = (value: string | null) =>
  value
    ? value
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean)
    : [];
const DEFAULT_SLUGS = ['shropshire', 'telford-and-wrekin', 'solihull'];

interface Cell {
  partnershipSlug: string;
  value: number | null;
  text: string | null;
  missingReason: string | null;
}
interface ComparisonRow {
  measure: string;
  unit: string | null;
  cells: Cell[];
}
interface BodiesAnswer {
  partnership: {
    bodies: {
      id: string;
      name: string;
      kind: string;
      reportsTo: { name: string } | null;
      meetingFrequency: { meetingsPerYear: number | null; description: string } | null;
      validFrom: string | null;
      validTo: string | null;
      source: { document: string; section: string | null };
    }[];
  } | null;
}
interface OrganisationsAnswer {
  organisations: { id: string; name: string; sector: string; alsoKnownAs: string[] }[];
}

export const EXPORTS: Record<string, ExportDefinition> = {
  comparison: {
    description: 'comparePartnerships: one row per measure, a value and a note column per partnership. Parameters: slugs (comma-separated), asOf.',
    query: `query Comparison($slugs: [String!]!, $asOf: Date) {
      comparePartnerships(slugs: $slugs, asOf: $asOf) {
        asOf partnershipSlugs
        governance { measure unit cells { partnershipSlug value text missingReason } }
        reviews { measure unit cells { partnershipSlug value text missingReason } }
        thresholds { measure unit cells { partnershipSlug value text missingReason } }
        training { measure unit cells { partnershipSlug value text missingReason } }
      }
    }`,
    variables: (parameters) => ({
      slugs: list(parameters.get('slugs')).length ? list(parameters.get('slugs')) : DEFAULT_SLUGS,
      asOf: parameters.get('asOf') ?? undefined,
    }),
    table(data) {
      const comparison = data.comparePartnerships as { partnershipSlugs: string[] } & Record<string, unknown>;
      const slugs = comparison.partnershipSlugs;
      const header = ['section', 'measure', 'unit', ...slugs.flatMap((slug) => [slug, `${slug} note`])];
      const rows: Row[] = [];
      for (const section of ['governance', 'reviews', 'thresholds', 'training']) {
        for (const row of (comparison[section] as ComparisonRow[] | undefined) ?? []) {
          rows.push([
            section,
            row.measure,
            row.unit,
            ...slugs.flatMap((slug) => {
              const cell = row.cells.find((c) => c.partnershipSlug === slug);
              if (!cell) return ['', ''];
              return [cell.value ?? (cell.missingReason ? '' : (cell.text ?? '')), cell.missingReason ?? (cell.value !== null && cell.text ? cell.text : '')];
            }),
          ]);
        }
      }
      return { header, rows };
    },
  },
  bodies: {
    description: "A partnership's bodies on a date. Parameters: partnership (slug), asOf.",
    query: `query Bodies($slug: String!, $asOf: Date) {
      partnership(slug: $slug) { bodies(asOf: $asOf) { id name kind reportsTo { name } meetingFrequency { meetingsPerYear description } validFrom validTo source { document section } } }
    }`,
    variables: (parameters) => ({ slug: parameters.get('partnership') ?? '', asOf: parameters.get('asOf') ?? undefined }),
    table(data) {
      const bodies = (data as unknown as BodiesAnswer).partnership?.bodies ?? [];
      return {
        header: ['id', 'name', 'kind', 'reports to', 'meetings per year', 'frequency', 'valid from', 'valid to', 'source document', 'source section'],
        rows: bodies.map((b) => [
          b.id,
          b.name,
          b.kind,
          b.reportsTo?.name ?? '',
          b.meetingFrequency?.meetingsPerYear ?? '',
          b.meetingFrequency?.description ?? '',
          b.validFrom ?? '',
          b.validTo ?? '',
          b.source.document,
          b.source.section,
        ]),
      };
    },
  },
  organisations: {
    description: 'The organisation registry. Parameters: none.',
    query: `query Organisations { organisations { id name sector alsoKnownAs } }`,
    variables: () => ({}),
    table(data) {
      return {
        header: ['id', 'name', 'sector', 'also known as'],
        rows: (data as unknown as OrganisationsAnswer).organisations.map((o) => [o.id, o.name, o.sector, o.alsoKnownAs.join('; ')]),
      };
    },
  },
};

/** `callerFor` gives the caller verified for this request (or throws its 401/503 refusal). */
export function exportsRouter(apollo: ApolloServer<{ caller: Caller }>, callerFor: (response: express.Response) => Caller): express.Router {
  const router = express.Router();
  router.get('/exports', (_request, response) => {
    response.json(Object.fromEntries(Object.entries(EXPORTS).map(([name, definition]) => [`/exports/${name}.csv`, definition.description])));
  });
  router.get('/exports/:name.csv', async (request, response) => {
    const definition = EXPORTS[request.params.name];
    if (!definition) {
      response.status(404).json({ error: `No export named "${request.params.name.slice(0, 40)}"; GET /exports lists them.` });
      return;
    }
    let caller: Caller;
    try {
      caller = callerFor(response);
    } catch (error) {
      // 401 for a refused token; 503 when the identity provider cannot be reached to check it.
      const status = (error as { extensions?: { http?: { status?: number } } }).extensions?.http?.status ?? 401;
      response.status(status).json({ error: (error as Error).message });
      return;
    }
    const parameters = new URLSearchParams(request.url.split('?')[1] ?? '');
    const variables = definition.variables(parameters);
    const result = await apollo.executeOperation({ query: definition.query, variables }, { contextValue: { caller } });
    if (result.body.kind !== 'single') {
      response.status(500).json({ error: 'Unexpected incremental result' });
      return;
    }
    const { data, errors } = result.body.singleResult;
    if (errors?.length) {
      const code = errors[0]!.extensions?.code;
      const status =
        code === 'FORBIDDEN' ? 403 : code === 'UNAUTHENTICATED' ? 401 : code === 'BAD_USER_INPUT' || code === 'GRAPHQL_VALIDATION_FAILED' ? 400 : 502;
      response.status(status).json({ errors: errors.map((error) => ({ message: error.message, code: error.extensions?.code })) });
      return;
    }
    const { header, rows } = definition.table(data as Record<string, unknown>, variables);
    response
      .status(200)
      .type('text/csv; charset=utf-8')
      .set('content-disposition', `attachment; filename="${request.params.name}.csv"`)
      // A byte-order mark so spreadsheet programs read the pound sign and ampersands as UTF-8.
      .send(`\uFEFF${stringify([header, ...rows])}`);
  });
  return router;
}
