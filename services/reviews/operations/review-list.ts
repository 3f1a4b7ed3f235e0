import type { Caller } from '@safeguarding/auth';
import { badUserInput, todayInEngland } from '@safeguarding/subgraph-runtime';
import type { ReviewEntity } from '../entities';
import type { ReviewFilter } from '../generated/graphql';
import { loadAll, type ReviewsLoaders } from '../loaders';
import { clockFor, evaluateDeadline } from '../rules/clock';
import { canSeeReview } from '../access';

/** A partnership's reviews the caller may see, filtered and paged. */

const MAXIMUM_PAGE = 500;

/** Refuses a range that runs backwards, naming the argument. */
export function checkRange(from: string | null | undefined, to: string | null | undefined, fromName: string, toName: string): void {
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

export async function partnershipReviews(
  partnershipId: string,
  { filter, first, offset }: { filter?: ReviewFilter | null; first?: number | null; offset?: number | null },
  caller: Caller,
  loaders: ReviewsLoaders,
): Promise<ReviewEntity[]> {
  checkRange(filter?.notifiedFrom, filter?.notifiedTo, 'notifiedFrom', 'notifiedTo');
  checkRange(filter?.signedOffFrom, filter?.signedOffTo, 'signedOffFrom', 'signedOffTo');
  if (first != null && (first < 1 || first > MAXIMUM_PAGE)) throw badUserInput(`first must be between 1 and ${MAXIMUM_PAGE}`, 'first');
  if (offset != null && offset < 0) throw badUserInput('offset must not be negative', 'offset');
  // The notified range is applied in SQL (most pages are a year or two of a partnership's reviews).
  const loaded = await loaders.reviewsByPartnershipNotified(filter?.notifiedFrom, filter?.notifiedTo).load(partnershipId);
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
}
