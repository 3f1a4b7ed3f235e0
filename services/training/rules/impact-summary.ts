import { IMPACT_EVIDENCE_KINDS, type ImpactEvidenceKind } from './vocabulary';
import { roundTo } from './rounding';

/**
 * The annual impact summary of a partnership's programme (001: evaluated by practitioner feedback,
 * practice audits, supervision and practice changes; impact reported annually).
 */
export interface ImpactSession {
  id: string;
  heldOn: string;
  feedbackResponses: number | null;
  feedbackRatingTotal: number | null;
}

export interface ImpactBooking {
  sessionId: string;
  organisationId: string;
  places: number;
  attendedPlaces: number | null;
}

export interface TrainingImpactSummaryFigures {
  sessionsDelivered: number;
  placesBooked: number;
  attendances: number;
  agenciesReached: number;
  feedbackResponses: number;
  averageRating: number | null;
  impactEvidence: { kind: ImpactEvidenceKind; count: number }[];
}

/** `today` decides which of the year's sessions count as delivered (held on or before it). */
export function summariseImpact(
  sessions: ImpactSession[],
  bookings: ImpactBooking[],
  evidenceKinds: ImpactEvidenceKind[],
  today: string,
): TrainingImpactSummaryFigures {
  const delivered = new Set(sessions.filter((session) => session.heldOn <= today).map((session) => session.id));
  const deliveredBookings = bookings.filter((booking) => delivered.has(booking.sessionId));
  const responses = sessions.reduce((total, session) => total + (session.feedbackResponses ?? 0), 0);
  const ratingTotal = sessions.reduce((total, session) => total + (session.feedbackRatingTotal ?? 0), 0);
  return {
    sessionsDelivered: delivered.size,
    placesBooked: bookings.reduce((total, booking) => total + booking.places, 0),
    attendances: deliveredBookings.reduce((total, booking) => total + (booking.attendedPlaces ?? 0), 0),
    agenciesReached: new Set(deliveredBookings.filter((booking) => (booking.attendedPlaces ?? 0) > 0).map((booking) => booking.organisationId)).size,
    feedbackResponses: responses,
    averageRating: responses === 0 ? null : roundTo(ratingTotal / responses, 2),
    impactEvidence: IMPACT_EVIDENCE_KINDS.map((kind) => ({ kind, count: evidenceKinds.filter((evidenceKind) => evidenceKind === kind).length })),
  };
}
