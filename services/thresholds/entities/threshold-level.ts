import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { SourceCitation } from '@safeguarding/packs';

/** The help a level of need triggers (the list, plus what 003 names for Acute). */
export type ThresholdResponse =
  | 'UNIVERSAL_SERVICES'
  | 'SINGLE_AGENCY_EARLY_HELP'
  | 'MULTI_AGENCY_EARLY_HELP'
  | 'EARLY_HELP_ASSESSMENT'
  | 'TEAM_AROUND_THE_FAMILY'
  | 'TARGETED_SUPPORT'
  | 'CHILDRENS_SOCIAL_CARE'
  | 'SPECIALIST_SERVICES'
  | 'CHILD_IN_NEED'
  | 'CHILD_PROTECTION';

/** One level of need in one version of a partnership's threshold model. */
@Entity({ name: 'threshold_level' })
export class ThresholdLevelEntity {
  /** "<model-id>.<code>", e.g. "telford-and-wrekin.2019.vulnerable". */
  @PrimaryColumn({ type: 'text' }) id: string;
  @Column({ type: 'text', name: 'model_id' }) modelId: string;
  /** A slug unique within the model, e.g. "vulnerable" or "level-2". */
  @Column({ type: 'text' }) code: string;
  /** 1 is the lowest need. */
  @Column({ type: 'integer' }) rank: number;
  @Column({ type: 'text' }) name: string;
  /** The document's own description of the level; null when the document's words are not known. */
  @Column({ type: 'text', nullable: true }) descriptor: string | null;
  @Column({ type: 'text', array: true }) responses: ThresholdResponse[];
  /** The assessment the level requires, in the document's words; null when none or not stated. */
  @Column({ type: 'text', name: 'assessment_required', nullable: true }) assessmentRequired: string | null;
  /** Who leads the response; null when not stated. */
  @Column({ type: 'text', name: 'led_by', nullable: true }) ledBy: string | null;
  /** False when the level's name and content are assumed, not read from the partnership's document. */
  @Column({ type: 'boolean' }) verified: boolean;
  @Column({ type: 'text' }) provenance: string;
  @Column({ type: 'jsonb' }) source: SourceCitation;
  /** Where responses, assessmentRequired and ledBy come from when they are read from the descriptor, not stated as such. */
  @Column({ type: 'jsonb', name: 'responses_source', nullable: true }) responsesSource: SourceCitation | null;
}
