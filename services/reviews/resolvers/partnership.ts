import { badUserInput, todayInEngland } from '@safeguarding/subgraph-runtime';
import type { ReviewEntity } from '../entities';
import type { Resolvers, ReviewFilter } from '../generated/graphql';
import { loadAll, type ReviewsLoaders } from '../loaders';
import { actionPlanCompletedOn } from '../rules/action-plan';
import { type ClockMilestone, clockFor, evaluateDeadline } from '../rules/clock';
import { summariseTimeliness } from '../rules/timeliness';
import { canSeeReview } from '../visibility';

const MAXIMUM_PAGE = 500;
const MILESTONES: ClockMilestone[] = ['REVIEW_COMPLETION', 'ACTION_PLAN_COMPLETION', 'LEARNING_BRIEFING_PUBLICATION'];

function checkRange(from: string | null | undefined, to: string | null | undefined, fromName: string, toName: string): void {
  if (from && to && from > to) throw badUserInput(`${fromName} ${from} is after ${toName} ${to}; give a range that runs forwards.`, fromName);
}

/** The parts of a ReviewFilter that need nothing but the review row: checked without a promise per review. */
function matchesRow(review: ReviewEntity, filter: ReviewFilter): boolean {
  if (filter.kindIds && !filter.kindIds.includes(review.reviewKindId)) return false;
  if (filter.statuses && !filter.statuses.includes(review.status)) return false;
  if (filter.notifiedFrom && review.notifiedOn < filter.notifiedFrom) return false;
  if (filter.notifiedTo && review.notifiedOn > filter.notifiedTo) return false;
  if ((filter.signedOffFrom || filter.signedOffTo) && !review.signedOffOn) return false;
  if (filter.signedOffFrom && review.signedOffOn! < filter.signedOffFrom) return false;
  if (filter.signedOffTo && review.signedOffOn! > filter.signedOffTo) return false;
  return true;
}

/** The parts that need themes or clocks, for the reviews the row checks kept (batched loads). */
async function matchesLoaded(review: ReviewEntity, filter: ReviewFilter, loaders: ReviewsLoaders, today: string): Promise<boolean> {
  if (filter.themeIds) {
    const themes = await loaders.reviewThemes.load(review.id);
    if (!themes.some((link) => filter.themeIds!.includes(link.themeId))) return false;
  }
  if (filter.overdueOnly) {
    const clock = clockFor(await loaders.allClocks.load(loadAll), review.partnershipId, review.reviewKindId, 'REVIEW_COMPLETION');
    if (!evaluateDeadline(clock, review.notifiedOn, review.signedOffOn, today).isOverdue) return false;
  }
  return true;
}

export const partnershipResolvers: Resolvers = {
  Partnership: {
    __resolveReference: (reference) => ({ id: reference.id }),
    reviews: async (partnership, { filter, first, offset }, { caller, loaders }) => {
      checkRange(filter?.notifiedFrom, filter?.notifiedTo, 'notifiedFrom', 'notifiedTo');
      checkRange(filter?.signedOffFrom, filter?.signedOffTo, 'signedOffFrom', 'signedOffTo');
      if (first != null && (first < 1 || first > MAXIMUM_PAGE)) throw badUserInput(`first must be between 1 and ${MAXIMUM_PAGE}`, 'first');
      if (offset != null && offset < 0) throw badUserInput('offset must not be negative', 'offset');
      // The notified range is applied in SQL (most pages are a year or two of a partnership's reviews).
      const loaded = await loaders.reviewsByPartnershipNotified(filter?.notifiedFrom, filter?.notifiedTo).load(partnership.id);
      const visible = loaded.filter((review) => canSeeReview(caller, review));
      let matching = visible;
      if (filter) {
        matching = visible.filter((review) => matchesRow(review, filter));
        if (filter.themeIds || filter.overdueOnly) {
          const today = todayInEngland();
          const keep = await Promise.all(matching.map((review) => matchesLoaded(review, filter, loaders, today)));
          matching = matching.filter((_review, index) => keep[index]);
        }
      }
      // A page keeps the nested fields (themes, clocks) to the reviews a client shows.
      const start = offset ?? 0;
      return first == null ? matching.slice(start) : matching.slice(start, start + first);
    },
    // Counts over every review of the partnership, published or not: nothing individual is returned.
    reviewTimeliness: async (partnership, { from, to, asOf }, { loaders }) => {
      checkRange(from, to, 'from', 'to');
      const [kinds, clocks, reviews] = await Promise.all([
        loaders.allReviewKinds.load(loadAll),
        loaders.allClocks.load(loadAll),
        loaders.reviewsByPartnership.load(partnership.id),
      ]);
      const actions = await loaders.actions.loadMany(reviews.map((review) => review.id));
      const facts = reviews.map((review, index) => {
        const reviewActions = actions[index];
        return {
          reviewKindId: review.reviewKindId,
          notifiedOn: review.notifiedOn,
          signedOffOn: review.signedOffOn,
          learningBriefingPublishedOn: review.learningBriefingPublishedOn,
          actionPlanCompletedOn: Array.isArray(reviewActions) ? actionPlanCompletedOn(reviewActions) : null,
        };
      });
      const clockOf = (reviewKindId: string, milestone: ClockMilestone) => clockFor(clocks, partnership.id, reviewKindId, milestone);
      return summariseTimeliness(
        kinds.map((kind) => kind.id),
        facts,
        clockOf,
        from,
        to,
        asOf ?? todayInEngland(),
      ).map((summary) => ({ ...summary, clock: clockOf(summary.reviewKindId, 'REVIEW_COMPLETION') }));
    },
    reviewClocks: async (partnership, _args, { loaders }) => {
      const [kinds, clocks] = await Promise.all([loaders.allReviewKinds.load(loadAll), loaders.allClocks.load(loadAll)]);
      return kinds.flatMap((kind) => MILESTONES.map((milestone) => clockFor(clocks, partnership.id, kind.id, milestone)).filter((clock) => clock !== null));
    },
  },
  ReviewKindTimeliness: {
    reviewKind: async (summary, _args, { loaders }) => (await loaders.reviewKind.load(summary.reviewKindId))!,
  },
  PartnershipThemeCount: {
    partnership: (count) => ({ id: count.partnershipId }),
  },
  RepeatedTheme: {
    theme: async (repeated, _args, { loaders }) => (await loaders.theme.load(repeated.themeId))!,
  },
};
