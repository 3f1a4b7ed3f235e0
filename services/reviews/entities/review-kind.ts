import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { StoredSource } from '@safeguarding/packs';
import type { Audience } from './theme';

export type ReviewCategory = 'CASE_REVIEW' | 'AUDIT';
export type ClockUnit = 'WORKING_DAYS' | 'MONTHS';
export type ClockMilestone = 'REVIEW_COMPLETION' | 'ACTION_PLAN_COMPLETION' | 'LEARNING_BRIEFING_PUBLICATION';
export type ClockStart = 'NOTIFICATION' | 'SIGN_OFF';

/** The partnerships this subgraph keeps reviews for (slugs of the arrangements subgraph's Partnership). */
@Entity({ name: 'partnership' })
export class PartnershipEntity {
  @PrimaryColumn({ type: 'text' }) id: string;
}

/** A kind of case review or audit. */
@Entity({ name: 'review_kind' })
export class ReviewKindEntity {
  @PrimaryColumn({ type: 'text' }) id: string;
  @Column({ type: 'text' }) name: string;
  @Column({ type: 'text' }) category: ReviewCategory;
  @Column({ type: 'text' }) concerns: Audience;
  @Column({ type: 'text' }) description: string;
  /** Where codes of this kind start: Child, Adult, Case or Audit. */
  @Column({ type: 'text', name: 'code_prefix' }) codePrefix: string;
  @Column({ type: 'integer', name: 'sort_order' }) sortOrder: number;
  /** A Provenance (stated, inferred or synthetic) as the pack gives it. */
  @Column({ type: 'jsonb' }) source: StoredSource;
}

/**
 * A clock as data: a milestone of a kind of review, its length and unit, and what starts it. Rows
 * with no partnership are the defaults; a partnership's own row replaces the default for it.
 */
@Entity({ name: 'review_clock' })
export class ReviewClockEntity {
  @PrimaryColumn({ type: 'uuid', default: () => 'gen_random_uuid()' }) id: string;
  @Column({ type: 'text', name: 'partnership_id', nullable: true }) partnershipId: string | null;
  @Column({ type: 'text', name: 'review_kind_id' }) reviewKindId: string;
  @Column({ type: 'text' }) milestone: ClockMilestone;
  @Column({ type: 'integer' }) length: number;
  @Column({ type: 'text' }) unit: ClockUnit;
  @Column({ type: 'text', name: 'starts_from' }) startsFrom: ClockStart;
  /** A Provenance as the pack gives it; null for a clock set through setReviewClock (it cites no document). */
  @Column({ type: 'jsonb', nullable: true }) source: StoredSource | null;
}
