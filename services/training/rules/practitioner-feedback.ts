import { roundTo } from './rounding';

/** A session's feedback as counted: responses, the sum of their 1-5 ratings, and how many will change practice. */
export interface FeedbackCounts {
  feedbackResponses: number | null;
  feedbackRatingTotal: number | null;
  feedbackWillChangePractice: number | null;
}

export interface PractitionerFeedbackFigures {
  responses: number;
  averageRating: number;
  willChangePracticeShare: number;
}

/** The mean rating (2 places) and the share who will change practice (4 places); null without responses. */
export function practitionerFeedback(counts: FeedbackCounts): PractitionerFeedbackFigures | null {
  if (!counts.feedbackResponses || counts.feedbackRatingTotal === null) return null;
  return {
    responses: counts.feedbackResponses,
    averageRating: roundTo(counts.feedbackRatingTotal / counts.feedbackResponses, 2),
    willChangePracticeShare: roundTo((counts.feedbackWillChangePractice ?? 0) / counts.feedbackResponses, 4),
  };
}
