import { allow, hasAnyRole, type IRules } from '@safeguarding/subgraph-runtime';
import { REVIEW_ROLES } from './visibility';

/**
 * Reads are open at the field level because visibility is decided per review, by the resolvers
 * that hand reviews out (visibility.ts): unpublished reviews never leave their partnership, and
 * aggregates are counts only. Every mutation needs a partnership-admin role; the resolver then
 * checks it is for the review's own partnership. Anything not listed is denied.
 */
const publicRead = { '*': allow };
const partnershipAdmin = hasAnyRole('partnership-admin');
/** Holds a review role somewhere; resolvers/review.ts checks it is the review's own partnership. */
const reviewRole = hasAnyRole(...REVIEW_ROLES);

export const permissions: IRules = {
  Query: { review: allow, reviewKinds: allow, themes: allow, theme: allow, repeatedThemes: allow },
  Mutation: {
    startReview: partnershipAdmin,
    recordReviewStage: partnershipAdmin,
    tagReviewThemes: partnershipAdmin,
    addLearningPoint: partnershipAdmin,
    addActionPlanAction: partnershipAdmin,
    updateActionPlanAction: partnershipAdmin,
    setReviewClock: partnershipAdmin,
  },
  Partnership: publicRead,
  Organisation: publicRead,
  SourceCitation: publicRead,
  ReviewKind: publicRead,
  ReviewClock: publicRead,
  Review: publicRead,
  LearningBriefing: publicRead,
  ActionPlan: publicRead,
  ActionPlanAction: { '*': allow, possiblePersonalNames: reviewRole },
  LearningPoint: { '*': allow, possiblePersonalNames: reviewRole },
  Theme: publicRead,
  RepeatedTheme: publicRead,
  PartnershipThemeCount: publicRead,
  // Counts only; candidates filter unpublished reviews by the caller (resolvers/contributions.ts).
  PartnershipComparison: publicRead,
  ComparisonRow: publicRead,
  ComparisonCell: publicRead,
  AgendaCandidates: publicRead,
  AgendaCandidate: publicRead,
  PartnershipReviewThemes: publicRead,
  ReviewKindTimeliness: publicRead,
};
