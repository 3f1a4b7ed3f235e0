import type { ComparisonKey } from '@safeguarding/federated-keys';
import type { SourceCitation } from '@safeguarding/packs';
import { twelveMonthsEndingStart } from '@safeguarding/subgraph-runtime';
import type { ReviewsLoaders } from '../loaders';
import type { KindTimeliness } from '../rules/timeliness';
import { partnershipTimeliness } from './timeliness';

/**
 * The review section of the analysts' comparison: timeliness counts of each partnership over the
 * twelve months to `asOf`. Counts only, unpublished reviews included but never named.
 */
const SYNTHETIC: SourceCitation = {
  document: 'synthetic',
  section: "Computed from the synthetic reviews (seed/), against each partnership's clocks (packs/<slug>/reviews.yaml)",
  synthetic: true,
};

export async function comparisonReviewRows(comparison: ComparisonKey, loaders: ReviewsLoaders) {
  const from = twelveMonthsEndingStart(comparison.asOf);
  const rows = await Promise.all(
    comparison.partnershipSlugs.map(async (partnershipId) => ({
      partnershipId,
      reviews: await loaders.reviewsByPartnership.load(partnershipId),
      timeliness: await partnershipTimeliness(partnershipId, from, comparison.asOf, comparison.asOf, loaders),
    })),
  );
  const sum = (list: KindTimeliness[], field: keyof Omit<KindTimeliness, 'reviewKindId' | 'medianWorkingDaysToSignOff'>) =>
    list.reduce((total, row) => total + row[field], 0);
  const row = (measure: string, unit: string, value: (data: (typeof rows)[number]) => { value: number | null; missingReason?: string }) => ({
    measure,
    unit,
    cells: rows.map((data) => {
      if (data.reviews.length === 0)
        return { partnershipSlug: data.partnershipId, value: null, text: null, missingReason: 'No reviews are recorded for this partnership.', source: null };
      const cell = value(data);
      return { partnershipSlug: data.partnershipId, value: cell.value, text: null, missingReason: cell.missingReason ?? null, source: SYNTHETIC };
    }),
  });
  const percent = (part: number, whole: number) =>
    whole === 0 ? { value: null, missingReason: 'None completed in the period.' } : { value: Math.round((1000 * part) / whole) / 10 };
  return [
    row(`Reviews signed off (${from} to ${comparison.asOf})`, 'reviews', (d) => ({ value: sum(d.timeliness, 'completed') })),
    row('Reviews signed off on time', 'percent', (d) =>
      percent(sum(d.timeliness, 'completedOnTime'), sum(d.timeliness, 'completedOnTime') + sum(d.timeliness, 'completedLate')),
    ),
    row('Learning briefings published on time', 'percent', (d) => percent(sum(d.timeliness, 'learningBriefingsOnTime'), sum(d.timeliness, 'completed'))),
    row(`Open reviews on ${comparison.asOf}`, 'reviews', (d) => ({ value: sum(d.timeliness, 'openNow') })),
    row(`Reviews overdue on ${comparison.asOf}`, 'reviews', (d) => ({ value: sum(d.timeliness, 'overdueNow') })),
    row(`Action plans overdue on ${comparison.asOf}`, 'action plans', (d) => ({ value: sum(d.timeliness, 'actionPlansOverdueNow') })),
  ];
}
