/**
 * A review's life as data: each stage, the status it needs first, the date it records and the
 * date it must not precede. One pure function checks a requested stage against it, so resolvers
 * never carry their own ordering rules.
 */
export type ReviewStatus = 'NOTIFIED' | 'IN_PROGRESS' | 'SIGNED_OFF' | 'PUBLISHED';
export type ReviewStage = 'IN_PROGRESS' | 'SIGNED_OFF' | 'PUBLISHED' | 'LEARNING_BRIEFING_PUBLISHED';
type DateField = 'notifiedOn' | 'startedOn' | 'signedOffOn' | 'publishedOn' | 'learningBriefingPublishedOn';

export interface ReviewDates {
  status: ReviewStatus;
  notifiedOn: string;
  startedOn: string | null;
  signedOffOn: string | null;
  publishedOn: string | null;
  learningBriefingPublishedOn: string | null;
}

interface StageRule {
  label: string;
  /** Statuses the review must be in. */
  from: readonly ReviewStatus[];
  /** The status it moves to; null when the stage leaves the status alone. */
  to: ReviewStatus | null;
  records: DateField;
  notBefore: DateField;
}

export const REVIEW_STAGES: Record<ReviewStage, StageRule> = {
  IN_PROGRESS: { label: 'start work on', from: ['NOTIFIED'], to: 'IN_PROGRESS', records: 'startedOn', notBefore: 'notifiedOn' },
  SIGNED_OFF: { label: 'sign off', from: ['IN_PROGRESS'], to: 'SIGNED_OFF', records: 'signedOffOn', notBefore: 'startedOn' },
  PUBLISHED: { label: 'publish', from: ['SIGNED_OFF'], to: 'PUBLISHED', records: 'publishedOn', notBefore: 'signedOffOn' },
  LEARNING_BRIEFING_PUBLISHED: {
    label: 'publish the learning briefing of',
    from: ['SIGNED_OFF', 'PUBLISHED'],
    to: null,
    records: 'learningBriefingPublishedOn',
    notBefore: 'signedOffOn',
  },
};

const NEXT_STEP: Record<ReviewStatus, string> = {
  NOTIFIED: 'record IN_PROGRESS first',
  IN_PROGRESS: 'record SIGNED_OFF first',
  SIGNED_OFF: 'record PUBLISHED next',
  PUBLISHED: 'it is already published',
};

const FIELD_WORDS: Record<DateField, string> = {
  notifiedOn: 'notified',
  startedOn: 'started',
  signedOffOn: 'signed off',
  publishedOn: 'published',
  learningBriefingPublishedOn: 'had its learning briefing published',
};

export type StagePlan = { ok: true; changes: Partial<ReviewDates> } | { ok: false; message: string };

/** Checks a stage recorded on `on` against the review as it stands and `today`; says what to do when refused. */
export function planReviewStage(review: ReviewDates, stage: ReviewStage, on: string, today: string): StagePlan {
  const rule = REVIEW_STAGES[stage];
  if (!rule.from.includes(review.status)) {
    return { ok: false, message: `Cannot ${rule.label} a review that is ${review.status}: ${NEXT_STEP[review.status]}.` };
  }
  if (review[rule.records] !== null) {
    return { ok: false, message: `The review already ${FIELD_WORDS[rule.records]} on ${review[rule.records]}; a stage is recorded once.` };
  }
  const earliest = review[rule.notBefore];
  if (earliest !== null && on < earliest) {
    return { ok: false, message: `${on} is before the review was ${FIELD_WORDS[rule.notBefore]} (${earliest}); give a date on or after it.` };
  }
  if (on > today) return { ok: false, message: `${on} is in the future; record a stage once it has happened (today is ${today}).` };
  const changes: Partial<ReviewDates> = { [rule.records]: on };
  if (rule.to) changes.status = rule.to;
  return { ok: true, changes };
}
