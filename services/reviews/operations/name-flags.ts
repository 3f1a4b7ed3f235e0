import type { Caller } from '@safeguarding/auth';
import { forbidden, possiblePersonalNames } from '@safeguarding/subgraph-runtime';
import type { ReviewsLoaders } from '../loaders';
import { canSeeUnpublishedText } from '../access';

/** The possible personal names in a review's text, for those who may read its unpublished text only. */
export async function flaggedNames(text: string, reviewId: string, caller: Caller, loaders: ReviewsLoaders): Promise<string[]> {
  const review = await loaders.review.load(reviewId);
  if (!review || !canSeeUnpublishedText(caller, review)) {
    throw forbidden("Only members and partnership-admins of the review's partnership may see the names flagged in its text.");
  }
  return possiblePersonalNames(text);
}
