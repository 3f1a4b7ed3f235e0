import { accessTable, type AccessRule, type Caller } from '@safeguarding/auth';

/**
 * Who sees and does what with reviews. A published review is public. An unpublished one, and the
 * names flagged in its text, are seen only inside its partnership, by callers holding a review
 * role there: members and partnership-admins (the roles packages/auth scopes to one partnership).
 * Everyone else, analysts included, gets aggregates. Recording a review's life is the partnership
 * business unit's job: its partnership-admins. This table feeds permissions.ts (shield's coarse
 * rule) and the scope checks below, which the operations and resolvers call.
 */
export const REVIEWS_ACCESS = {
  readUnpublished: { regionalRoles: [], partnershipRoles: ['member', 'partnership-admin'] },
  editReviews: { regionalRoles: [], partnershipRoles: ['partnership-admin'] },
} as const satisfies Record<string, AccessRule>;

export type ReviewsAction = keyof typeof REVIEWS_ACCESS;

const table = accessTable<ReviewsAction>(REVIEWS_ACCESS);
export const rolesFor = table.rolesFor;
/** True when the caller may take `action` on something of partnership `partnershipId`. */
export const mayAct = (caller: Caller, action: ReviewsAction, partnershipId: string): boolean => table.mayAct(caller, action, [partnershipId]);

export function canSeeReview(caller: Caller, review: { status: string; partnershipId: string }): boolean {
  return review.status === 'PUBLISHED' || mayAct(caller, 'readUnpublished', review.partnershipId);
}

/** Who may see what a review's unpublished text says: members and partnership-admins of its partnership, published or not. */
export function canSeeUnpublishedText(caller: Caller, review: { partnershipId: string }): boolean {
  return mayAct(caller, 'readUnpublished', review.partnershipId);
}

export function canEditReviews(caller: Caller, partnershipId: string): boolean {
  return mayAct(caller, 'editReviews', partnershipId);
}
