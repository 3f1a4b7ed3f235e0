import { comparisonKey } from '@safeguarding/federated-keys';
import { badUserInput, isLoaded, moneyFromPence, slugArgument, todayInEngland } from '@safeguarding/subgraph-runtime';
import type { SourceCitation } from '@safeguarding/packs';
import type { PartnershipEntity } from '../entities';
import type { ArrangementsLoaders } from '../loaders';
import type { PartnershipComparisonParent } from '../models';
import { bodiesInForce } from './bodies';
import { leadSafeguardingPartnersOn, populationFigures } from './partnership-facts';
import { ragSummary } from './strategic-plan';
import { figureForYear, financialYearDates } from '../rules/partnership-facts';

const MAXIMUM_COMPARED_PARTNERSHIPS = 20;

/**
 * The comparison asked for: its slugs checked (1 to 20, well-formed, each a partnership the
 * platform has) and duplicates dropped. An unknown slug is refused rather than compared as an
 * empty column: a typo would otherwise read as a partnership with nothing recorded.
 */
export async function startComparison(
  slugs: readonly string[],
  asOf: string | null | undefined,
  loaders: ArrangementsLoaders,
): Promise<PartnershipComparisonParent> {
  if (slugs.length === 0) throw badUserInput('Give at least one partnership slug, e.g. ["shropshire", "solihull"].', 'slugs');
  if (slugs.length > MAXIMUM_COMPARED_PARTNERSHIPS) throw badUserInput(`Compare at most ${MAXIMUM_COMPARED_PARTNERSHIPS} partnerships at once.`, 'slugs');
  const partnershipIds = [...new Set(slugs.map((slug) => slugArgument(slug, 'slugs')))];
  const found = await loaders.partnership.loadMany(partnershipIds);
  const unknown = partnershipIds.filter((_id, index) => !isLoaded(found[index]));
  if (unknown.length > 0) {
    throw badUserInput(`No partnership has the slug ${unknown.map((slug) => `"${slug}"`).join(', ')}; query partnerships { id name } for the slugs.`, 'slugs');
  }
  const date = asOf ?? todayInEngland();
  return { id: comparisonKey(date, partnershipIds), asOf: date, partnershipSlugs: partnershipIds };
}

/** A ComparisonCell; `partnershipSlug` is the public field's name, its value the partnership id. */
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

const known = (partnershipId: string, value: number | null, source: SourceCitation | null, text: string | null = null): Cell => ({
  partnershipSlug: partnershipId,
  value,
  text,
  missingReason: null,
  source,
});
const missing = (partnershipId: string, missingReason: string): Cell => ({
  partnershipSlug: partnershipId,
  value: null,
  text: null,
  missingReason,
  source: null,
});

/** The compared partnerships that exist, in the order asked. */
export async function comparedPartnerships(comparison: PartnershipComparisonParent, loaders: ArrangementsLoaders): Promise<PartnershipEntity[]> {
  return (await Promise.all(comparison.partnershipSlugs.map((partnershipId) => loaders.partnership.load(partnershipId)))).filter(isLoaded);
}

/** Governance measures, one row each, for the given partnerships. */
export async function governanceRows(comparison: PartnershipComparisonParent, loaders: ArrangementsLoaders): Promise<Row[]> {
  const { asOf, partnershipSlugs: partnershipIds } = comparison;
  const present = await comparedPartnerships(comparison, loaders);
  const each = <T>(load: (partnership: PartnershipEntity) => Promise<T>) =>
    Promise.all(present.map(async (p) => [p.id, await load(p)] as const)).then((pairs) => new Map(pairs));
  // Independent loads start together: one statement per loader still, but run side by side on the
  // pool instead of one round trip after another.
  const [bodiesByPartnership, functionsByPartnership, budgetsByPartnership, partnersByPartnership, prioritiesByPartnership, figuresByPartnership] =
    await Promise.all([
      each((p) => bodiesInForce(p.id, asOf, loaders)),
      each((p) => loaders.statutoryFunctions.load(p.id)),
      each((p) => loaders.budgets.load(p.id)),
      each((p) => leadSafeguardingPartnersOn(p.id, asOf, loaders)),
      each(async (p) => (await loaders.strategicPrioritiesByPartnership.load(p.id)).filter((x) => x.periodStart <= asOf && x.periodEnd >= asOf)),
      each((p) => populationFigures(p, loaders)),
    ]);
  const ragByPartnership = await each((p) => ragSummary(prioritiesByPartnership.get(p.id)!, asOf, loaders));

  const row = (measure: string, unit: string | null, cell: (partnership: PartnershipEntity) => Cell): Row => ({
    measure,
    unit,
    cells: partnershipIds.map((partnershipId) => {
      const partnership = present.find((p) => p.id === partnershipId);
      return partnership ? cell(partnership) : missing(partnershipId, `No partnership has the slug "${partnershipId}".`);
    }),
  });

  const rows: Row[] = [
    row('Statutory functions', 'functions', (p) => {
      const functions = functionsByPartnership.get(p.id)!;
      if (functions.length === 0) return missing(p.id, 'No statutory functions are recorded.');
      return known(p.id, functions.length, functions[0]?.source ?? p.source, functions.map((f) => f.kind).join(', '));
    }),
    row('Lead Safeguarding Partners', 'agencies', (p) => {
      const partners = partnersByPartnership.get(p.id)!;
      return partners.length ? known(p.id, partners.length, partners[0]!.source) : missing(p.id, 'The documents name no Lead Safeguarding Partners.');
    }),
    row('Population', 'people', (p) => {
      // The latest year not after the comparison's date; a figure only for later years does not count.
      const figures = figuresByPartnership.get(p.id)!;
      const figure = figureForYear(figures, asOf.slice(0, 4));
      if (!figure) return missing(p.id, figures.length ? `No figure is recorded for ${asOf.slice(0, 4)} or earlier.` : 'Not stated in the documents.');
      return known(p.id, figure.value, figure.source, figure.year);
    }),
    row('Budget (latest stated)', 'GBP', (p) => {
      // Budgets for financial years that begin after the comparison's date are not yet in force.
      const begun = (b: { financialYear: string | null }) => !b.financialYear || (financialYearDates(b.financialYear)?.start ?? '') <= asOf;
      // Oldest first: a budget whose document gives no financial year counts as the oldest.
      const stated = budgetsByPartnership
        .get(p.id)!
        .filter((b) => b.totalMinorUnits !== null && begun(b))
        .sort((a, b) => (a.financialYear ?? '').localeCompare(b.financialYear ?? ''));
      const latest = stated[stated.length - 1];
      if (!latest)
        return missing(
          p.id,
          budgetsByPartnership.get(p.id)!.length ? 'A budget is described but no total is stated.' : 'No budget is stated in the documents.',
        );
      return known(p.id, latest.totalMinorUnits! / 100, latest.source, moneyFromPence(latest.totalMinorUnits)!.formatted);
    }),
    row('Bodies', 'bodies', (p) => known(p.id, bodiesByPartnership.get(p.id)!.length, p.source)),
    row('Scheduled meetings per year (all bodies with a stated frequency)', 'meetings', (p) => {
      const withFrequency = bodiesByPartnership.get(p.id)!.filter((b) => b.meetingFrequency);
      if (withFrequency.length === 0) return missing(p.id, 'No body has a stated meeting frequency.');
      const total = withFrequency.reduce((sum, b) => sum + b.meetingFrequency!.meetingsPerYear, 0);
      const without = bodiesByPartnership.get(p.id)!.length - withFrequency.length;
      return known(p.id, total, withFrequency[0]!.source, without ? `${without} bodies have no stated frequency` : null);
    }),
  ];
  const kinds = [...new Set([...bodiesByPartnership.values()].flat().map((b) => b.kind))].sort();
  for (const kind of kinds) {
    rows.push(
      row(`Bodies: ${kind.toLowerCase().replace(/_/g, ' ')}`, 'bodies', (p) =>
        known(p.id, bodiesByPartnership.get(p.id)!.filter((b) => b.kind === kind).length, p.source),
      ),
    );
  }
  rows.push(
    row('Success statements in force', 'statements', (p) => {
      const priorities = prioritiesByPartnership.get(p.id)!;
      if (priorities.length === 0) return missing(p.id, 'No strategic plan for this partnership is in the seed documents.');
      const summary = ragByPartnership.get(p.id)!;
      return known(p.id, summary.red + summary.amber + summary.green + summary.noData + summary.notMeasurable, priorities[0]!.source);
    }),
    row('Success statements at red', 'statements', (p) => {
      if (prioritiesByPartnership.get(p.id)!.length === 0) return missing(p.id, 'No strategic plan for this partnership is in the seed documents.');
      const summary = ragByPartnership.get(p.id)!;
      return known(p.id, summary.red, { document: 'computed', section: 'RAG from synthetic measurements against targets parsed from 002', synthetic: true });
    }),
  );
  return rows;
}
