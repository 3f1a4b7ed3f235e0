import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { SourceCitation } from '@safeguarding/packs';

/** The multi-agency safeguarding hub or other first point of contact a model routes concerns to. */
export interface FrontDoor {
  name: string;
  /** e.g. "Multi-agency safeguarding hub (MASH)". */
  kind: string;
  servesChildren: boolean;
  servesAdults: boolean;
  description: string;
  source: SourceCitation;
}

/** DRAFT: inside its partnership and editable; PUBLISHED: the record, immutable, answering as-of questions. */
export type ThresholdModelStatus = 'DRAFT' | 'PUBLISHED';

/** One version of a partnership's threshold document: the levels of need in force between two dates. */
@Entity({ name: 'threshold_model' })
export class ThresholdModelEntity {
  /** "<partnership-slug>.<version-slug>", e.g. "telford-and-wrekin.2019". */
  @PrimaryColumn({ type: 'text' }) id: string;
  @Column({ type: 'text', name: 'partnership_id' }) partnershipId: string;
  /** The threshold document's title, or a description of it when the title is not known. */
  @Column({ type: 'text' }) title: string;
  @Column({ type: 'text', name: 'document_version', nullable: true }) documentVersion: string | null;
  @Column({ type: 'date', name: 'approved_on', nullable: true }) approvedOn: string | null;
  /** Null when the start is not known: the version then counts as in force since records began. */
  @Column({ type: 'date', name: 'effective_from', nullable: true }) effectiveFrom: string | null;
  @Column({ type: 'date', name: 'effective_to', nullable: true }) effectiveTo: string | null;
  /** False while the model's level names are not established from the document itself. */
  @Column({ type: 'boolean' }) verified: boolean;
  /** Where the model comes from and what about it is unknown, in words. */
  @Column({ type: 'text' }) provenance: string;
  @Column({ type: 'jsonb', name: 'front_door', nullable: true }) frontDoor: FrontDoor | null;
  @Column({ type: 'jsonb' }) source: SourceCitation;
  /** Where effectiveFrom comes from when the version's own source does not state it (e.g. a month read as its first day). */
  @Column({ type: 'jsonb', name: 'effective_from_source', nullable: true }) effectiveFromSource: SourceCitation | null;
  /** Seeded versions are published; a version made through the API starts as a draft. */
  @Column({ type: 'text', default: 'PUBLISHED' }) status: ThresholdModelStatus;
  /** Optimistic lock: a draft's edit, discard or publication must name the version it was made from. */
  @Column({ type: 'integer', default: 1 }) version: number;
  /** Token subject of the partnership administrator who drafted it; null when seeded. */
  @Column({ type: 'text', name: 'drafted_by', nullable: true }) draftedBy: string | null;
  @Column({ type: 'text', name: 'published_by', nullable: true }) publishedBy: string | null;
  /** When it was published through the API; null for a draft and for a seeded version. */
  @Column({ type: 'timestamptz', name: 'published_at', nullable: true }) publishedAt: Date | null;
}
