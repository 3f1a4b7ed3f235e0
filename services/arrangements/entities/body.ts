import { Column, Entity, PrimaryColumn, VersionColumn } from 'typeorm';
import type { BodyKind, ChairRuleSeed, MeetingFrequencySeed, QuorumRuleSeed, SourceCitation } from '@safeguarding/seed-types';

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
