import type { Caller } from '@safeguarding/auth';
import type { ComparisonKey } from '@safeguarding/federated-keys';
import { twelveMonthsEndingStart } from '@safeguarding/subgraph-runtime';
import type { SourceCitation } from '@safeguarding/packs';
import { mayAct } from '../access';
import type { TrainingLoaders } from '../loaders';
import { roundTo } from '../rules/rounding';
import { summariseTrainingReach, type TrainingReachFigures } from '../rules/training-reach';
import { bookingsOfSessions, partnershipSessionsCountedIn } from './programme';

const SYNTHETIC: SourceCitation = { document: 'synthetic', section: 'Computed from the synthetic training programme (seed/)', synthetic: true };

/** One row of the shared comparison table; field names are the public ComparisonRow/ComparisonCell ones. */
export interface TrainingComparisonRow {
  measure: string;
  unit: string;
  cells: { partnershipSlug: string; value: number | null; text: null; missingReason: string | null; source: SourceCitation | null }[];
}

/**
 * The training section of the analysts' comparison over the twelve months ending on `asOf`: reach
 * figures per partnership, and a missing reason in place of figures the caller may not read.
 */
export async function trainingComparisonRows(comparison: ComparisonKey, caller: Caller, loaders: TrainingLoaders): Promise<TrainingComparisonRow[]> {
  const period = { from: twelveMonthsEndingStart(comparison.asOf), to: comparison.asOf };
  const reach = await Promise.all(
    comparison.partnershipSlugs.map(async (partnershipId) => {
      if (!mayAct(caller, 'readReach', [partnershipId])) return { partnershipId, figures: null, hidden: true };
      const sessions = await partnershipSessionsCountedIn(partnershipId, period, loaders);
      const bookings = await bookingsOfSessions(sessions, loaders);
      return { partnershipId, figures: sessions.length ? summariseTrainingReach(period.from, period.to, sessions, bookings) : null, hidden: false };
    }),
  );
  const row = (measure: string, unit: string, value: (figures: TrainingReachFigures) => number | null): TrainingComparisonRow => ({
    measure,
    unit,
    cells: reach.map(({ partnershipId, figures, hidden }) => {
      if (hidden)
        return {
          partnershipSlug: partnershipId,
          value: null,
          text: null,
          missingReason: 'Training reach is visible to analysts and to members of the partnership.',
          source: null,
        };
      if (!figures)
        return {
          partnershipSlug: partnershipId,
          value: null,
          text: null,
          missingReason: `No training sessions recorded between ${period.from} and ${period.to}.`,
          source: null,
        };
      const figure = value(figures);
      return { partnershipSlug: partnershipId, value: figure, text: null, missingReason: figure === null ? 'No capacity recorded.' : null, source: SYNTHETIC };
    }),
  });
  return [
    row(`Training sessions (${period.from} to ${period.to})`, 'sessions', (f) => f.sessions),
    row('Training attendances', 'attendances', (f) => f.attendances),
    row('Training fill rate', 'percent', (f) => (f.fillRate === null ? null : roundTo(f.fillRate * 100, 1))),
    row('Agencies reached by training', 'agencies', (f) => f.byAgency.filter((agency) => agency.attendances > 0).length),
  ];
}
