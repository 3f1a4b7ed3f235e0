import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { SourceCitation } from '@safeguarding/seed-types';
import type { DeliveryMethod, ImpactEvidenceKind, LearningSource, OrganisationSector, TrainingAudience, TrainingLevel } from '../rules/vocabulary';

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
  @Column({ type: 'jsonb' }) source: SourceCitation;
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
  @Column({ type: 'jsonb' }) source: SourceCitation;
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
  @Column({ type: 'jsonb' }) source: SourceCitation;
}
