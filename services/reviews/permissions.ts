import { allow, hasAnyRole, type IRules, readableByEveryone, CONTRACT_RESULT_RULES } from '@safeguarding/subgraph-runtime';
import { rolesFor } from './access';

/**
 * Reads are open at the field level because visibility is decided per review, by the resolvers
 * that hand reviews out (access.ts, whose table these rules are built from): unpublished reviews never leave their partnership, and
 * aggregates are counts only. Every mutation needs a partnership-admin role; the resolver then
 * checks it is for the review's own partnership. Anything not listed is denied.
 */
const partnershipAdmin = hasAnyRole(...rolesFor('editReviews'));
/** Holds a review role somewhere; resolvers/action-plan-action.ts and learning-point.ts check it is the review's own partnership. */
const reviewRole = hasAnyRole(...rolesFor('readUnpublished'));
/** Packs are applied and read by administrators; operations/pack.ts checks the scope is theirs. */
const packAdministrator = hasAnyRole('regional-admin', 'partnership-admin');

export const permissions: IRules = {
  ...CONTRACT_RESULT_RULES,
  Query: { review: allow, reviewKinds: allow, themes: allow, theme: allow, repeatedThemes: allow, reviewsPackSection: packAdministrator },
  Mutation: {
    startReview: partnershipAdmin,
    recordReviewStage: partnershipAdmin,
    tagReviewThemes: partnershipAdmin,
    addLearningPoint: partnershipAdmin,
    addActionPlanAction: partnershipAdmin,
    updateActionPlanAction: partnershipAdmin,
    setReviewClock: partnershipAdmin,
    applyReviewsPackSection: packAdministrator,
  },
  Partnership: readableByEveryone('id', 'reviews', 'reviewTimeliness', 'reviewClocks', 'reviewThemeIds'),
  Organisation: readableByEveryone('id'),
  ReviewKind: readableByEveryone('id', 'name', 'category', 'concerns', 'description', 'defaultClocks', 'source'),
  ReviewClock: readableByEveryone('reviewKind', 'milestone', 'length', 'unit', 'startsFrom', 'partnership', 'description', 'source'),
  Review: readableByEveryone(
    'id',
    'code',
    'partnership',
    'kind',
    'status',
    'notifiedOn',
    'startedOn',
    'signedOffOn',
    'publishedOn',
    'clock',
    'dueDate',
    'isOverdue',
    'daysLate',
    'workingDaysTaken',
    'learningBriefing',
    'actionPlan',
    'themes',
    'learningPoints',
    'isSynthetic',
    'version',
    'viewerCanEdit',
  ),
  LearningBriefing: readableByEveryone('clock', 'dueDate', 'publishedOn', 'isOverdue', 'daysLate'),
  ActionPlan: readableByEveryone('clock', 'dueDate', 'completedOn', 'status', 'isOverdue', 'daysLate', 'actions'),
  ActionPlanAction: { ...readableByEveryone('id', 'description', 'owner', 'dueOn', 'ragStatus', 'completedOn', 'version'), possiblePersonalNames: reviewRole },
  LearningPoint: { ...readableByEveryone('id', 'theme', 'text'), possiblePersonalNames: reviewRole },
  Theme: readableByEveryone('id', 'name', 'description', 'appliesTo', 'reviewCount', 'reviews', 'source'),
  RepeatedTheme: readableByEveryone('theme', 'reviewCount', 'partnershipCount', 'byPartnership'),
  PartnershipThemeCount: readableByEveryone('partnership', 'reviewCount'),
  // Counts only; candidates filter unpublished reviews by the caller (operations/agenda-candidates.ts).
  PartnershipComparison: readableByEveryone('id', 'reviews'),
  ComparisonRow: readableByEveryone('measure', 'unit', 'cells'),
  ComparisonCell: readableByEveryone('partnershipSlug', 'value', 'text', 'missingReason', 'source'),
  AgendaCandidates: readableByEveryone('id', 'reviews', 'reviewThemesByPartnership'),
  AgendaCandidate: readableByEveryone('key', 'partnershipSlug', 'title', 'reason', 'subjectType', 'subjectId'),
  PartnershipReviewThemes: readableByEveryone('partnershipSlug', 'themeIds'),
  ReviewKindTimeliness: readableByEveryone(
    'reviewKind',
    'clock',
    'completed',
    'completedOnTime',
    'completedLate',
    'medianWorkingDaysToSignOff',
    'openNow',
    'overdueNow',
    'learningBriefingsOnTime',
    'actionPlansCompletedOnTime',
    'actionPlansOverdueNow',
  ),
};

/** What the resolvers filter below fields everyone may read (docs/access-inventory.md shows these). */
export const accessNotes: Record<string, string> = {
  Review: 'an unpublished review is null (and its lists leave it out) outside its own partnership, whose members and admins see it (access.ts).',
  Partnership: '`reviews` lists unpublished reviews only to members and admins of that partnership; timeliness figures are counts.',
  Theme: '`reviewCount` counts unpublished reviews too but never names them; `reviews` lists only those the caller may see.',
  RepeatedTheme: 'counts only, unpublished reviews included but never named.',
  AgendaCandidates: 'review candidates leave out unpublished reviews the caller may not see (operations/agenda-candidates.ts).',
};
