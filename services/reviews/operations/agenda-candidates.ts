import type { Caller } from '@safeguarding/auth';
import type { AgendaCandidatesKey } from '@safeguarding/federated-keys';
import type { ReviewEntity } from '../entities';
import type { AgendaCandidate, PartnershipReviewThemes } from '../generated/graphql';
import { loadAll, type ReviewsLoaders } from '../loaders';
import { clockFor, evaluateDeadline } from '../rules/clock';
import { canSeeReview } from '../access';
import { themeIdsOf } from './themes';

/**
 * The agenda workflow's reviews part: for a meeting's window (since, until), the reviews of the
 * meeting's partnerships signed off since the body last met and those overdue. Unpublished
 * reviews appear to outsiders only as counts.
 */
export async function reviewCandidates(key: AgendaCandidatesKey, caller: Caller, loaders: ReviewsLoaders): Promise<AgendaCandidate[]> {
  const clocks = await loaders.allClocks.load(loadAll);
  const kinds = new Map((await loaders.allReviewKinds.load(loadAll)).map((kind) => [kind.id, kind.name]));
  const candidates: AgendaCandidate[] = [];
  for (const partnershipId of key.partnershipSlugs) {
    const reviews = await loaders.reviewsByPartnership.load(partnershipId);
    const signedOff = reviews.filter((r) => r.signedOffOn !== null && r.signedOffOn > key.since && r.signedOffOn <= key.until);
    const overdue = reviews.filter(
      (r) =>
        r.notifiedOn <= key.until &&
        evaluateDeadline(clockFor(clocks, partnershipId, r.reviewKindId, 'REVIEW_COMPLETION'), r.notifiedOn, r.signedOffOn, key.until).isOverdue,
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
          partnershipSlug: partnershipId,
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
          key: `reviews-${kind}-count:${partnershipId}:${key.since}`,
          partnershipSlug: partnershipId,
          title: `${hidden} unpublished review${hidden === 1 ? '' : 's'} ${kind === 'signed-off' ? 'signed off' : 'overdue'} in ${partnershipId}`,
          reason: `${kind === 'signed-off' ? `Signed off between ${key.since} and ${key.until}` : `Overdue on ${key.until}`}; details are visible to the partnership's members only.`,
          subjectType: null,
          subjectId: null,
        });
      }
    }
  }
  return candidates;
}

/** The theme ids every partnership's reviews notified by `until` raise (an aggregate: every review counts, published or not). */
export function reviewThemesByPartnership(key: AgendaCandidatesKey, loaders: ReviewsLoaders): Promise<PartnershipReviewThemes[]> {
  return Promise.all(
    key.partnershipSlugs.map(async (partnershipId) => {
      const reviews = (await loaders.reviewsByPartnership.load(partnershipId)).filter((review) => review.notifiedOn <= key.until);
      return { partnershipSlug: partnershipId, themeIds: await themeIdsOf(reviews, loaders) };
    }),
  );
}
