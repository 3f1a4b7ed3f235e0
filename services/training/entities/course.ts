import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { StoredSource } from '@safeguarding/packs';
import type {
  DeliveryMethod,
  ImpactEvidenceKind,
  LearningSource,
  OrganisationSector,
  TrainingAudience,
  TrainingBookingStatus,
  TrainingLevel,
  TrainingSessionChangeKind,
  TrainingSessionStatus,
} from '../rules/vocabulary';

/** A chapter of a West Midlands regional procedure (arrangements subgraph's procedure id + title). */
export interface RegionalProcedureChapterValue {
  procedureId: string;
  title: string;
}

/** A multi-agency course. Themes and offering partnerships live in join tables so both directions index. */
@Entity({ name: 'course' })
export class CourseEntity {
  /** A stable slug prefixed by the lead partnership, e.g. shropshire.neglect-recognising-and-responding. */
  @PrimaryColumn({ type: 'text' }) id: string;
  @Column({ type: 'text' }) title: string;
  @Column({ type: 'text' }) summary: string;
  @Column({ type: 'text' }) audience: TrainingAudience;
  @Column({ type: 'text' }) level: TrainingLevel;
  @Column({ type: 'text', name: 'informed_by', array: true }) informedBy: LearningSource[];
  @Column({ type: 'jsonb', name: 'regional_procedure_chapters' }) regionalProcedureChapters: RegionalProcedureChapterValue[];
  /** The ways the course is delivered (the pack's deliveryMethods); the synthetic history draws its sessions from them. */
  @Column({ type: 'text', name: 'delivery_methods', array: true, default: () => "'{}'" }) deliveryMethods: DeliveryMethod[];
  /** A Provenance (from a pack), or { document, section } recorded through the API. */
  @Column({ type: 'jsonb' }) source: StoredSource;
  /** Optimistic lock: bumped by every update through the API. */
  @Column({ type: 'integer', default: 1 }) version: number;
  /** The last day the course is offered; null while current. */
  @Column({ type: 'date', name: 'retired_on', nullable: true }) retiredOn: string | null;
  /** The delivering agency (organisation registry id); null when the partnership delivers it. */
  @Column({ type: 'text', name: 'provider_organisation_id', nullable: true }) providerOrganisationId: string | null;
}

/** A theme (shared vocabulary id) a course teaches. */
@Entity({ name: 'course_theme' })
export class CourseThemeEntity {
  @PrimaryColumn({ type: 'text', name: 'course_id' }) courseId: string;
  @PrimaryColumn({ type: 'text', name: 'theme_id' }) themeId: string;
}

/** A partnership offering a course; a joint course has a row per partnership. */
@Entity({ name: 'course_partnership' })
export class CoursePartnershipEntity {
  @PrimaryColumn({ type: 'text', name: 'course_id' }) courseId: string;
  @PrimaryColumn({ type: 'text', name: 'partnership_id' }) partnershipId: string;
}

/**
 * One delivery of a course. `bookedPlaces` is a counter kept by the booking statement itself, so
 * the database refuses an overbooking (a CHECK and a conditional UPDATE), whatever the concurrency.
 */
@Entity({ name: 'training_session' })
export class TrainingSessionEntity {
  @PrimaryColumn({ type: 'uuid' }) id: string;
  @Column({ type: 'text', name: 'course_id' }) courseId: string;
  @Column({ type: 'date', name: 'held_on' }) heldOn: string;
  @Column({ type: 'text', name: 'delivery_method' }) deliveryMethod: DeliveryMethod;
  @Column({ type: 'integer' }) capacity: number;
  @Column({ type: 'integer', name: 'booked_places' }) bookedPlaces: number;
  @Column({ type: 'integer', name: 'feedback_responses', nullable: true }) feedbackResponses: number | null;
  /** Sum of the 1-5 ratings, so the mean is exact. */
  @Column({ type: 'integer', name: 'feedback_rating_total', nullable: true }) feedbackRatingTotal: number | null;
  @Column({ type: 'integer', name: 'feedback_will_change_practice', nullable: true }) feedbackWillChangePractice: number | null;
  /** A Provenance: the pack's for a scheduled session, synthetic for the generated history; or { document, section } recorded through the API. */
  @Column({ type: 'jsonb' }) source: StoredSource;
  /** Optimistic lock for the session's terms (date, times, capacity, status); bookings move the counter, not the version. */
  @Column({ type: 'integer', default: 1 }) version: number;
  /** HH:MM; null for seeded sessions. */
  @Column({ type: 'text', name: 'starts_at', nullable: true }) startsAt: string | null;
  @Column({ type: 'text', name: 'ends_at', nullable: true }) endsAt: string | null;
  @Column({ type: 'text', nullable: true }) venue: string | null;
  @Column({ type: 'text', name: 'virtual_link', nullable: true }) virtualLink: string | null;
  @Column({ type: 'text', default: 'SCHEDULED' }) status: TrainingSessionStatus;
  @Column({ type: 'text', name: 'cancellation_reason', nullable: true }) cancellationReason: string | null;
}

/** Places one agency booked on one session; attendance is a count per agency, never names. */
@Entity({ name: 'training_booking' })
export class TrainingBookingEntity {
  @PrimaryColumn({ type: 'uuid' }) id: string;
  @Column({ type: 'uuid', name: 'session_id' }) sessionId: string;
  /** An organisation id from the membership subgraph's registry. */
  @Column({ type: 'text', name: 'organisation_id' }) organisationId: string;
  /** Denormalised at booking time: reach by sector reports the sector the agency trained under. */
  @Column({ type: 'text', name: 'organisation_sector' }) organisationSector: OrganisationSector;
  @Column({ type: 'integer' }) places: number;
  @Column({ type: 'integer', name: 'attended_places', nullable: true }) attendedPlaces: number | null;
  @Column({ type: 'date', name: 'booked_on' }) bookedOn: string;
  @Column({ type: 'boolean' }) synthetic: boolean;
  @Column({ type: 'text', default: 'BOOKED' }) status: TrainingBookingStatus;
  /** Why the booking no longer stands (the organiser's reason); null while BOOKED. */
  @Column({ type: 'text', name: 'status_reason', nullable: true }) statusReason: string | null;
}

/** A reschedule or the cancellation of a session: its earlier date and times are kept here. */
@Entity({ name: 'training_session_change' })
export class TrainingSessionChangeEntity {
  @PrimaryColumn({ type: 'uuid' }) id: string;
  @Column({ type: 'uuid', name: 'session_id' }) sessionId: string;
  @Column({ type: 'text' }) kind: TrainingSessionChangeKind;
  @Column({ type: 'date', name: 'previous_held_on' }) previousHeldOn: string;
  @Column({ type: 'text', name: 'previous_starts_at', nullable: true }) previousStartsAt: string | null;
  @Column({ type: 'text', name: 'previous_ends_at', nullable: true }) previousEndsAt: string | null;
  /** The new date and times; null for a cancellation. */
  @Column({ type: 'date', name: 'held_on', nullable: true }) heldOn: string | null;
  @Column({ type: 'text', name: 'starts_at', nullable: true }) startsAt: string | null;
  @Column({ type: 'text', name: 'ends_at', nullable: true }) endsAt: string | null;
  @Column({ type: 'text' }) reason: string;
  @Column({ type: 'date', name: 'recorded_on' }) recordedOn: string;
  @Column({ type: 'timestamptz', name: 'recorded_at', default: () => 'now()' }) recordedAt: Date;
}

/** A booking that was on a session when it changed: the booking shows the change and its reason. */
@Entity({ name: 'training_booking_notice' })
export class TrainingBookingNoticeEntity {
  @PrimaryColumn({ type: 'uuid', name: 'booking_id' }) bookingId: string;
  @PrimaryColumn({ type: 'uuid', name: 'change_id' }) changeId: string;
}

/** Follow-up evidence that a course changed practice in a partnership. */
@Entity({ name: 'impact_evidence' })
export class ImpactEvidenceEntity {
  @PrimaryColumn({ type: 'uuid' }) id: string;
  @Column({ type: 'text', name: 'course_id' }) courseId: string;
  @Column({ type: 'text', name: 'partnership_id' }) partnershipId: string;
  @Column({ type: 'text' }) kind: ImpactEvidenceKind;
  @Column({ type: 'date', name: 'recorded_on' }) recordedOn: string;
  @Column({ type: 'text' }) summary: string;
  @Column({ type: 'jsonb' }) source: StoredSource;
}
