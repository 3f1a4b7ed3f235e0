import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { SourceCitation } from '@safeguarding/seed-types';

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
}
