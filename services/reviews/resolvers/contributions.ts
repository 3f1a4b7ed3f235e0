import { twelveMonthsEndingStart } from '@safeguarding/subgraph-runtime';
import type { SourceCitation } from '@safeguarding/seed-types';
import type { Caller } from '@safeguarding/auth';
import type { ReviewEntity } from '../entities';
import type { Resolvers } from '../generated/graphql';
import { loadAll, type ReviewsLoaders } from '../loaders';
import { actionPlanCompletedOn } from '../rules/action-plan';
import { clockFor, evaluateDeadline, type ClockMilestone } from '../rules/clock';
import { summariseTimeliness, type KindTimeliness } from '../rules/timeliness';
import { canSeeReview } from '../visibility';

/**
 * What this subgraph contributes to entities other subgraphs own: the themes its reviews raise
 * (for training's learning coverage), a review section in the analysts' comparison, and review
 * candidates for a meeting's agenda. Unpublished reviews appear to outsiders only as counts.
 */
const SYNTHETIC: SourceCitation = { document: 'synthetic', section: 'Computed from the synthetic reviews (seed/), against the clocks of 002', synthetic: true };

async function timelinessFor(partnershipId: string, from: string, to: string, loaders: ReviewsLoaders): Promise<KindTimeliness[]> {
  const [kinds, clocks, reviews] = await Promise.all([loaders.allReviewKinds.load(loadAll), loaders.allClocks.load(loadAll), loaders.reviewsByPartnership.load(partnershipId)]);
  const actions = await loaders.actions.loadMany(reviews.map((review) => review.id));
  const facts = reviews.map((review, index) => ({
    reviewKindId: review.reviewKindId,
    notifiedOn: review.notifiedOn,
    signedOffOn: review.signedOffOn,
    learningBriefingPublishedOn: review.learningBriefingPublishedOn,
    actionPlanCompletedOn: Array.isArray(actions[index]) ? actionPlanCompletedOn(actions[index]) : null,
  }));
  return summariseTimeliness(kinds.map((kind) => kind.id), facts, (kind, milestone: ClockMilestone) => clockFor(clocks, partnershipId, kind, milestone), from, to, to);
}

async function reviewCandidates(key: { since: string; until: string; partnershipSlugs: string[] }, caller: Caller, loaders: ReviewsLoaders) {
  const clocks = await loaders.allClocks.load(loadAll);
  const kinds = new Map((await loaders.allReviewKinds.load(loadAll)).map((kind) => [kind.id, kind.name]));
  const candidates = [];
  for (const slug of key.partnershipSlugs) {
    const reviews = await loaders.reviewsByPartnership.load(slug);
    const signedOff = reviews.filter((r) => r.signedOffOn !== null && r.signedOffOn > key.since && r.signedOffOn <= key.until);
    const overdue = reviews.filter(
      (r) => r.notifiedOn <= key.until && evaluateDeadline(clockFor(clocks, slug, r.reviewKindId, 'REVIEW_COMPLETION'), r.notifiedOn, r.signedOffOn, key.until).isOverdue,
    );
    const describe = (review: ReviewEntity) => `${review.code} (${kinds.get(review.reviewKindId) ?? review.reviewKindId})`;
    for (const [list, kind] of [
      [signedOff, 'signed-off'],
      [overdue, 'overdue'],
    ] as const) {
      const visible = list.filter((review) => canSeeReview(caller, review));
      for (const review of visible) {
        candidates.push({
          key: `review-${kind}:${review.id}`,
          partnershipSlug: slug,
          title: kind === 'signed-off' ? `${describe(review)} signed off` : `${describe(review)} is overdue`,
          reason:
            kind === 'signed-off'
              ? `Signed off on ${review.signedOffOn}, since the body last met (${key.since}).`
              : `Not signed off by ${key.until}: past its ${kinds.get(review.reviewKindId) ?? ''} clock.`,
          subjectType: 'REVIEW' as const,
          subjectId: review.id,
        });
      }
      const hidden = list.length - visible.length;
      if (hidden > 0) {
        // Outsiders learn how many, never which: unpublished reviews stay inside the partnership.
        candidates.push({
          key: `reviews-${kind}-count:${slug}:${key.since}`,
          partnershipSlug: slug,
          title: `${hidden} unpublished review${hidden === 1 ? '' : 's'} ${kind === 'signed-off' ? 'signed off' : 'overdue'} in ${slug}`,
          reason: `${kind === 'signed-off' ? `Signed off between ${key.since} and ${key.until}` : `Overdue on ${key.until}`}; details are visible to the partnership's members only.`,
          subjectType: null,
          subjectId: null,
        });
      }
    }
  }
  return candidates;
}

export const contributionResolvers: Resolvers = {
  Partnership: {
    reviewThemeIds: async (partnership, _args, { loaders }) => {
      const reviews = await loaders.reviewsByPartnership.load(partnership.id);
      const links = await loaders.reviewThemes.loadMany(reviews.map((review) => review.id));
      return [...new Set(links.flatMap((link) => (Array.isArray(link) ? link.map((row) => row.themeId) : [])))].sort();
    },
  },
  PartnershipComparison: {
    reviews: async (comparison, _args, { loaders }) => {
      const from = twelveMonthsEndingStart(comparison.asOf);
      const rows = await Promise.all(
        comparison.partnershipSlugs.map(async (slug) => ({ slug, reviews: await loaders.reviewsByPartnership.load(slug), timeliness: await timelinessFor(slug, from, comparison.asOf, loaders) })),
      );
      const sum = (list: KindTimeliness[], field: keyof Omit<KindTimeliness, 'reviewKindId' | 'medianWorkingDaysToSignOff'>) => list.reduce((total, row) => total + row[field], 0);
      const row = (measure: string, unit: string, value: (data: (typeof rows)[number]) => { value: number | null; missingReason?: string }) => ({
        measure,
        unit,
        cells: rows.map((data) => {
          if (data.reviews.length === 0) return { partnershipSlug: data.slug, value: null, text: null, missingReason: 'No reviews are recorded for this partnership.', source: null };
          const cell = value(data);
          return { partnershipSlug: data.slug, value: cell.value, text: null, missingReason: cell.missingReason ?? null, source: SYNTHETIC };
        }),
      });
      const percent = (part: number, whole: number) => (whole === 0 ? { value: null, missingReason: 'None completed in the period.' } : { value: Math.round((1000 * part) / whole) / 10 });
      return [
        row(`Reviews signed off (${from} to ${comparison.asOf})`, 'reviews', (d) => ({ value: sum(d.timeliness, 'completed') })),
        row('Reviews signed off on time', 'percent', (d) => percent(sum(d.timeliness, 'completedOnTime'), sum(d.timeliness, 'completedOnTime') + sum(d.timeliness, 'completedLate'))),
        row('Learning briefings published on time', 'percent', (d) => percent(sum(d.timeliness, 'learningBriefingsOnTime'), sum(d.timeliness, 'completed'))),
        row(`Open reviews on ${comparison.asOf}`, 'reviews', (d) => ({ value: sum(d.timeliness, 'openNow') })),
        row(`Reviews overdue on ${comparison.asOf}`, 'reviews', (d) => ({ value: sum(d.timeliness, 'overdueNow') })),
        row(`Action plans overdue on ${comparison.asOf}`, 'action plans', (d) => ({ value: sum(d.timeliness, 'actionPlansOverdueNow') })),
      ];
    },
  },
  AgendaCandidates: {
    reviews: (key, _args, { caller, loaders }) => reviewCandidates(key, caller, loaders),
    // Theme ids only (an aggregate): every review counts, published or not, as for Partnership.reviewThemeIds.
    reviewThemesByPartnership: (key, _args, { loaders }) =>
      Promise.all(
        key.partnershipSlugs.map(async (partnershipSlug) => {
          const reviews = (await loaders.reviewsByPartnership.load(partnershipSlug)).filter((review) => review.notifiedOn <= key.until);
          const links = await loaders.reviewThemes.loadMany(reviews.map((review) => review.id));
          return { partnershipSlug, themeIds: [...new Set(links.flatMap((link) => (Array.isArray(link) ? link.map((row) => row.themeId) : [])))].sort() };
        }),
      ),
  },
};
