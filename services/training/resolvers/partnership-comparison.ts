import { twelveMonthsEndingStart } from '@safeguarding/subgraph-runtime';
import type { SourceCitation } from '@safeguarding/seed-types';
import type { TrainingBookingEntity } from '../entities';
import type { Resolvers } from '../generated/graphql';
import { roundTo } from '../rules/rounding';
import { mayAct } from '../rules/training-access';
import { summariseTrainingReach } from '../rules/training-reach';
import { partnershipSessions, present } from './programme';

const SYNTHETIC: SourceCitation = { document: 'synthetic', section: 'Computed from the synthetic training programme (seed/)', synthetic: true };

/** The training section of the analysts' comparison; reach is shown only to those who may read it. */
export const partnershipComparisonResolvers: Resolvers = {
  PartnershipComparison: {
    training: async (comparison, _args, { caller, loaders }) => {
      const from = twelveMonthsEndingStart(comparison.asOf);
      const reach = await Promise.all(
        comparison.partnershipSlugs.map(async (slug) => {
          if (!mayAct(caller, 'readReach', [slug])) return { slug, figures: null, hidden: true };
          const sessions = (await partnershipSessions(slug, loaders)).filter((session) => session.heldOn >= from && session.heldOn <= comparison.asOf);
          const bookings = (await loaders.bookingsBySession.loadMany(sessions.map((session) => session.id))).filter(present<TrainingBookingEntity[]>).flat();
          return { slug, figures: sessions.length ? summariseTrainingReach(from, comparison.asOf, sessions, bookings) : null, hidden: false };
        }),
      );
      const row = (measure: string, unit: string, value: (figures: NonNullable<(typeof reach)[number]['figures']>) => number | null) => ({
        measure,
        unit,
        cells: reach.map(({ slug, figures, hidden }) => {
          if (hidden) return { partnershipSlug: slug, value: null, text: null, missingReason: 'Training reach is visible to analysts and to members of the partnership.', source: null };
          if (!figures) return { partnershipSlug: slug, value: null, text: null, missingReason: `No training sessions recorded between ${from} and ${comparison.asOf}.`, source: null };
          const figure = value(figures);
          return { partnershipSlug: slug, value: figure, text: null, missingReason: figure === null ? 'No capacity recorded.' : null, source: SYNTHETIC };
        }),
      });
      return [
        row(`Training sessions (${from} to ${comparison.asOf})`, 'sessions', (f) => f.sessions),
        row('Training attendances', 'attendances', (f) => f.attendances),
        row('Training fill rate', 'percent', (f) => (f.fillRate === null ? null : roundTo(f.fillRate * 100, 1))),
        row('Agencies reached by training', 'agencies', (f) => f.byAgency.filter((agency) => agency.attendances > 0).length),
      ];
    },
  },
};
