import { hasRole, type Caller, type Role } from '@safeguarding/auth';

/**
 * Who sees what. A published review is public. An unpublished one is seen only inside its
 * partnership, by callers holding a review role there: members and partnership-admins (the roles
 * packages/auth scopes to one partnership). Everyone else, analysts included, gets aggregates.
 */
export const REVIEW_ROLES: readonly Role[] = ['member', 'partnership-admin'];

export function canSeeReview(caller: Caller, review: { status: string; partnershipId: string }): boolean {
  return review.status === 'PUBLISHED' || REVIEW_ROLES.some((role) => hasRole(caller, role, review.partnershipId));
}

/** Who may see what a review's unpublished text says: members and partnership-admins of its partnership, published or not. */
export function canSeeUnpublishedText(caller: Caller, review: { partnershipId: string }): boolean {
  return REVIEW_ROLES.some((role) => hasRole(caller, role, review.partnershipId));
}

/** Recording a review's life is the partnership business unit's job: its partnership-admins. */
export function canEditReviews(caller: Caller, partnershipId: string): boolean {
  return hasRole(caller, 'partnership-admin', partnershipId);
}
