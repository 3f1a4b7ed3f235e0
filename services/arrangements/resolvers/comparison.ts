import { comparisonKey } from '@safeguarding/federated-keys';
import { badUserInput, moneyFromPence, slugArgument, todayInEngland, validOn } from '@safeguarding/subgraph-runtime';
import type { SourceCitation } from '@safeguarding/seed-types';
import { renderSvg, structureChartDot, structureChartMermaid } from '../charts/structure-chart';
import type { BodyEntity, PartnershipEntity } from '../entities';
import type { Resolvers } from '../generated/graphql';
import type { ArrangementsLoaders } from '../loaders';
import { ragSummary } from './strategic-plan';

/** The comparison entity: the slugs and date are its identity, so other subgraphs can extend it. */
export interface PartnershipComparisonParent {
  id: string;
  asOf: string;
  partnershipSlugs: string[];
}

interface Cell {
  partnershipSlug: string;
  value: number | null;
  text: string | null;
  missingReason: string | null;
  source: SourceCitation | null;
}

interface Row {
  measure: string;
  unit: string | null;
  cells: Cell[];
}

const MAXIMUM_PARTNERSHIPS = 20;

const known = (partnershipSlug: string, value: number | null, source: SourceCitation | null, text: string | null = null): Cell => ({
  partnershipSlug,
  value,
  text,
  missingReason: null,
  source,
});
const missing = (partnershipSlug: string, missingReason: string): Cell => ({ partnershipSlug, value: null, text: null, missingReason, source: null });

async function bodiesOn(partnershipId: string, asOf: string, loaders: ArrangementsLoaders): Promise<BodyEntity[]> {
  const links = await loaders.partnershipBodies.load(partnershipId);
  const bodies = await loaders.body.loadMany(links.map((link) => link.bodyId));
  return bodies.filter((body): body is BodyEntity => body !== null && !(body instanceof Error) && validOn(body, asOf));
}

/** Governance measures, one row each, for the given partnerships. */
async function governanceRows(comparison: PartnershipComparisonParent, loaders: ArrangementsLoaders): Promise<Row[]> {
  const { asOf, partnershipSlugs } = comparison;
  const partnerships = await Promise.all(partnershipSlugs.map((slug) => loaders.partnership.load(slug)));
  const present = partnerships.filter((p): p is PartnershipEntity => p !== null);
  const each = <T>(load: (partnership: PartnershipEntity) => Promise<T>) => Promise.all(present.map(async (p) => [p.id, await load(p)] as const)).then((pairs) => new Map(pairs));
  // Independent loads start together: one statement per loader still, but run side by side on the
  // pool instead of one round trip after another.
  const [bodiesBySlug, functionsBySlug, budgetsBySlug, partnersBySlug, prioritiesBySlug] = await Promise.all([
    each((p) => bodiesOn(p.id, asOf, loaders)),
    each((p) => loaders.statutoryFunctions.load(p.id)),
    each((p) => loaders.budgets.load(p.id)),
    each((p) => loaders.leadSafeguardingPartners.load(p.id)),
    each(async (p) => (await loaders.strategicPrioritiesByPartnership.load(p.id)).filter((x) => x.periodStart <= asOf && x.periodEnd >= asOf)),
  ]);
  const ragBySlug = await each((p) => ragSummary(prioritiesBySlug.get(p.id)!, asOf, loaders));

  const row = (measure: string, unit: string | null, cell: (partnership: PartnershipEntity) => Cell): Row => ({
    measure,
    unit,
    cells: partnershipSlugs.map((slug) => {
      const partnership = present.find((p) => p.id === slug);
      return partnership ? cell(partnership) : missing(slug, `No partnership has the slug "${slug}".`);
    }),
  });

  const rows: Row[] = [
    row('Statutory functions', 'functions', (p) => {
      const functions = functionsBySlug.get(p.id)!;
      return known(p.id, functions.length, functions[0]?.source ?? p.source, functions.map((f) => f.kind).join(', '));
    }),
    row('Lead Safeguarding Partners', 'agencies', (p) => {
      const partners = partnersBySlug.get(p.id)!;
      return partners.length ? known(p.id, partners.length, partners[0]!.source) : missing(p.id, 'The documents name no Lead Safeguarding Partners.');
    }),
    row('Population', 'people', (p) =>
      p.populationValue === null ? missing(p.id, 'Not stated in the documents.') : known(p.id, p.populationValue, p.populationSource, p.populationYear),
    ),
    row('Budget (latest stated)', 'GBP', (p) => {
      const stated = budgetsBySlug.get(p.id)!.filter((b) => b.totalMinorUnits !== null);
      const latest = stated[stated.length - 1];
      if (!latest) return missing(p.id, budgetsBySlug.get(p.id)!.length ? 'A budget is described but no total is stated.' : 'No budget is stated in the documents.');
      return known(p.id, latest.totalMinorUnits! / 100, latest.source, moneyFromPence(latest.totalMinorUnits)!.formatted);
    }),
    row('Bodies', 'bodies', (p) => known(p.id, bodiesBySlug.get(p.id)!.length, p.source)),
    row('Scheduled meetings per year (all bodies with a stated frequency)', 'meetings', (p) => {
      const withFrequency = bodiesBySlug.get(p.id)!.filter((b) => b.meetingFrequency);
      if (withFrequency.length === 0) return missing(p.id, 'No body has a stated meeting frequency.');
      const total = withFrequency.reduce((sum, b) => sum + b.meetingFrequency!.meetingsPerYear, 0);
      const without = bodiesBySlug.get(p.id)!.length - withFrequency.length;
      return known(p.id, total, withFrequency[0]!.source, without ? `${without} bodies have no stated frequency` : null);
    }),
  ];
  const kinds = [...new Set([...bodiesBySlug.values()].flat().map((b) => b.kind))].sort();
  for (const kind of kinds) {
    rows.push(row(`Bodies: ${kind.toLowerCase().replace(/_/g, ' ')}`, 'bodies', (p) => known(p.id, bodiesBySlug.get(p.id)!.filter((b) => b.kind === kind).length, p.source)));
  }
  rows.push(
    row('Success statements in force', 'statements', (p) => {
      const priorities = prioritiesBySlug.get(p.id)!;
      if (priorities.length === 0) return missing(p.id, 'No strategic plan for this partnership is in the seed documents.');
      const summary = ragBySlug.get(p.id)!;
      return known(p.id, summary.red + summary.amber + summary.green + summary.noData + summary.notMeasurable, priorities[0]!.source);
    }),
    row('Success statements at red', 'statements', (p) => {
      if (prioritiesBySlug.get(p.id)!.length === 0) return missing(p.id, 'No strategic plan for this partnership is in the seed documents.');
      const summary = ragBySlug.get(p.id)!;
      return known(p.id, summary.red, { document: 'computed', section: 'RAG from synthetic measurements against targets parsed from 002', synthetic: true });
    }),
  );
  return rows;
}

export const comparisonResolvers: Resolvers = {
  Query: {
    comparePartnerships: (_root, { slugs, asOf }) => {
      if (slugs.length === 0) throw badUserInput('Give at least one partnership slug, e.g. ["shropshire", "solihull"].', 'slugs');
      if (slugs.length > MAXIMUM_PARTNERSHIPS) throw badUserInput(`Compare at most ${MAXIMUM_PARTNERSHIPS} partnerships at once.`, 'slugs');
      const unique = [...new Set(slugs.map((slug) => slugArgument(slug, 'slugs')))];
      const date = asOf ?? todayInEngland();
      return { id: comparisonKey(date, unique), asOf: date, partnershipSlugs: unique };
    },
  },
  PartnershipComparison: {
    partnerships: async (comparison, _args, { loaders }) =>
      (await Promise.all(comparison.partnershipSlugs.map((slug) => loaders.partnership.load(slug)))).filter((p): p is PartnershipEntity => p !== null),
    governance: (comparison, _args, { loaders }) => governanceRows(comparison, loaders),
  },
  Partnership: {
    structureChart: async (partnership, { asOf, format }, { loaders }) => {
      const date = asOf ?? todayInEngland();
      const bodies = (await bodiesOn(partnership.id, date, loaders)).sort((a, b) => a.name.localeCompare(b.name));
      const relationships = (await Promise.all(bodies.map((body) => loaders.relationships.load(body.id)))).flat().filter((link) => link.bodyId < link.relatedBodyId);
      const links = await Promise.all(bodies.map(async (body) => [body.id, await loaders.bodyPartnerships.load(body.id)] as const));
      const otherIds = [...new Set(links.flatMap(([, partnershipLinks]) => partnershipLinks.map((link) => link.partnershipId)).filter((id) => id !== partnership.id))];
      const others = new Map((await loaders.partnership.loadMany(otherIds)).flatMap((p) => (p && !(p instanceof Error) ? [[p.id, p.name] as const] : [])));
      const sharedWith = new Map(
        links
          .map(([bodyId, partnershipLinks]) => [bodyId, partnershipLinks.filter((link) => link.partnershipId !== partnership.id).map((link) => others.get(link.partnershipId) ?? link.partnershipId)] as const)
          .filter(([, names]) => names.length > 0),
      );
      const input = {
        partnershipName: partnership.name,
        bodies: bodies.map((body) => ({ id: body.id, name: body.name, kind: body.kind, reportsToBodyId: body.reportsToBodyId })),
        relationships,
        sharedWith,
      };
      const dot = structureChartDot(input);
      const content = format === 'DOT' ? dot : format === 'MERMAID' ? structureChartMermaid(input) : await renderSvg(dot);
      return { format, asOf: date, content, bodyNames: bodies.map((body) => body.name) };
    },
  },
};
