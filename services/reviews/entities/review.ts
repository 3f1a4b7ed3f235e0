import { Column, Entity, PrimaryColumn, VersionColumn } from 'typeorm';

export type ReviewStatus = 'NOTIFIED' | 'IN_PROGRESS' | 'SIGNED_OFF' | 'PUBLISHED';
export type RagStatus = 'NOT_STARTED' | 'IN_PROGRESS' | 'COMPLETED';

/** A case review or audit, named by a code ("Child H"): no column holds a person's identity. */
@Entity({ name: 'review' })
export class ReviewEntity {
  @PrimaryColumn({ type: 'uuid', default: () => 'gen_random_uuid()' }) id: string;
  @Column({ type: 'text', name: 'partnership_id' }) partnershipId: string;
  @Column({ type: 'text', name: 'review_kind_id' }) reviewKindId: string;
  @Column({ type: 'text' }) code: string;
  @Column({ type: 'text' }) status: ReviewStatus;
  @Column({ type: 'date', name: 'notified_on' }) notifiedOn: string;
  @Column({ type: 'date', name: 'started_on', nullable: true }) startedOn: string | null;
  @Column({ type: 'date', name: 'signed_off_on', nullable: true }) signedOffOn: string | null;
  @Column({ type: 'date', name: 'published_on', nullable: true }) publishedOn: string | null;
  @Column({ type: 'date', name: 'learning_briefing_published_on', nullable: true }) learningBriefingPublishedOn: string | null;
  @Column({ type: 'boolean', name: 'is_synthetic', default: false }) isSynthetic: boolean;
  @VersionColumn({ type: 'integer' }) version: number;
}

/**
 * Every review, published or not, whoever asks: the `review_for_counts` view, which row-level
 * security does not filter. For counts and aggregates only; never return its rows one by one.
 */
@Entity({ name: 'review_for_counts' })
export class ReviewForCountsEntity extends ReviewEntity {}

/** A theme a review carries. */
@Entity({ name: 'review_theme' })
export class ReviewThemeEntity {
  @PrimaryColumn({ type: 'uuid', name: 'review_id' }) reviewId: string;
  @PrimaryColumn({ type: 'text', name: 'theme_id' }) themeId: string;
}

@Entity({ name: 'learning_point' })
export class LearningPointEntity {
  @PrimaryColumn({ type: 'uuid', default: () => 'gen_random_uuid()' }) id: string;
  @Column({ type: 'uuid', name: 'review_id' }) reviewId: string;
  @Column({ type: 'text', name: 'theme_id' }) themeId: string;
  @Column({ type: 'text' }) text: string;
  @Column({ type: 'integer' }) position: number;
}

/** One action of a review's action plan, owned by an organisation of the registry. */
@Entity({ name: 'action_plan_action' })
export class ActionPlanActionEntity {
  @PrimaryColumn({ type: 'uuid', default: () => 'gen_random_uuid()' }) id: string;
  @Column({ type: 'uuid', name: 'review_id' }) reviewId: string;
  @Column({ type: 'text' }) description: string;
  @Column({ type: 'text', name: 'owner_organisation_id' }) ownerOrganisationId: string;
  @Column({ type: 'date', name: 'due_on', nullable: true }) dueOn: string | null;
  @Column({ type: 'text', name: 'rag_status' }) ragStatus: RagStatus;
  @Column({ type: 'date', name: 'completed_on', nullable: true }) completedOn: string | null;
  @Column({ type: 'integer' }) position: number;
  @VersionColumn({ type: 'integer' }) version: number;
}
