import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import type { BodyKind, ChairRuleSeed, MeetingFrequencySeed, QuorumRuleSeed, SourceCitation } from '@safeguarding/packs';

/** A board, executive, group or forum. Its rules are data (jsonb), evaluated elsewhere. */
@Entity({ name: 'body' })
export class BodyEntity {
  @PrimaryColumn({ type: 'text' }) id: string;
  @Column({ type: 'text' }) name: string;
  @Column({ type: 'text' }) kind: BodyKind;
  @Column({ type: 'text' }) purpose: string;
  @Column({ type: 'text', name: 'reports_to_body_id', nullable: true }) reportsToBodyId: string | null;
  @Column({ type: 'jsonb', name: 'meeting_frequency', nullable: true }) meetingFrequency: MeetingFrequencySeed | null;
  @Column({ type: 'jsonb', name: 'chair_rule', nullable: true }) chairRule: ChairRuleSeed | null;
  @Column({ type: 'jsonb', name: 'quorum_rule', nullable: true }) quorumRule: QuorumRuleSeed | null;
  @Column({ type: 'boolean', name: 'uses_paperwork_clock', default: false }) usesPaperworkClock: boolean;
  @Column({ type: 'boolean', name: 'separate_children_and_adults_time', default: false }) separateChildrenAndAdultsTime: boolean;
  @Column({ type: 'date', name: 'valid_from', nullable: true }) validFrom: string | null;
  @Column({ type: 'date', name: 'valid_to', nullable: true }) validTo: string | null;
  /** The date the row's terms (kind, purpose, frequency, chair and quorum rules) took effect; null: since the body began. */
  @Column({ type: 'date', name: 'terms_from', nullable: true }) termsFrom: string | null;
  @VersionColumn({ type: 'integer' }) version: number;
  @Column({ type: 'jsonb' }) source: SourceCitation;
}

/** Which partnerships a body belongs to (the combined LSP forum belongs to two). */
@Entity({ name: 'body_partnership' })
export class BodyPartnershipEntity {
  @PrimaryColumn({ type: 'text', name: 'body_id' }) bodyId: string;
  @PrimaryColumn({ type: 'text', name: 'partnership_id' }) partnershipId: string;
}

/** A close structural relationship between two bodies that is not a reporting line; stored once. */
@Entity({ name: 'body_relationship' })
export class BodyRelationshipEntity {
  @PrimaryColumn({ type: 'text', name: 'body_id' }) bodyId: string;
  @PrimaryColumn({ type: 'text', name: 'related_body_id' }) relatedBodyId: string;
}

/** A body's terms as they were before a change from a date: in force from validFrom (null: since it began) to validTo. */
@Entity({ name: 'body_terms_history' })
export class BodyTermsHistoryEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text', name: 'body_id' }) bodyId: string;
  @Column({ type: 'date', name: 'valid_from', nullable: true }) validFrom: string | null;
  @Column({ type: 'date', name: 'valid_to' }) validTo: string;
  @Column({ type: 'text' }) kind: BodyKind;
  @Column({ type: 'text' }) purpose: string;
  @Column({ type: 'jsonb', name: 'meeting_frequency', nullable: true }) meetingFrequency: MeetingFrequencySeed | null;
  @Column({ type: 'jsonb', name: 'chair_rule', nullable: true }) chairRule: ChairRuleSeed | null;
  @Column({ type: 'jsonb', name: 'quorum_rule', nullable: true }) quorumRule: QuorumRuleSeed | null;
}

/** The kinds of reporting line between two bodies. */
export type ReportingLineKind = 'REPORTS_TO' | 'ACCOUNTABLE_TO' | 'PROVIDES_ASSURANCE_TO';

/** One reporting line from a body to a parent, with its kind and dates (null: not known, open). */
@Entity({ name: 'body_reporting_line' })
export class BodyReportingLineEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text', name: 'body_id' }) bodyId: string;
  @Column({ type: 'text', name: 'parent_body_id' }) parentBodyId: string;
  @Column({ type: 'text' }) kind: ReportingLineKind;
  @Column({ type: 'date', name: 'valid_from', nullable: true }) validFrom: string | null;
  @Column({ type: 'date', name: 'valid_to', nullable: true }) validTo: string | null;
}
