import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { SourceCitation } from '@safeguarding/packs';

@Entity({ name: 'partnership' })
export class PartnershipEntity {
  /** The slug: shropshire, telford-and-wrekin, solihull. */
  @PrimaryColumn({ type: 'text' }) id: string;
  @Column({ type: 'text' }) name: string;
  @Column({ type: 'text', name: 'short_name' }) shortName: string;
  @Column({ type: 'text', name: 'police_force' }) policeForce: string;
  @Column({ type: 'integer', name: 'population_value', nullable: true }) populationValue: number | null;
  @Column({ type: 'text', name: 'population_year', nullable: true }) populationYear: string | null;
  @Column({ type: 'text', name: 'population_description', nullable: true }) populationDescription: string | null;
  @Column({ type: 'jsonb', name: 'population_source', nullable: true }) populationSource: SourceCitation | null;
  @Column({ type: 'text', name: 'independent_scrutiny', nullable: true }) independentScrutiny: string | null;
  @Column({ type: 'jsonb', name: 'independent_scrutiny_source', nullable: true }) independentScrutinySource: SourceCitation | null;
  /** The area the partnership covers, as its documents name it, e.g. the local authority area; null when not recorded. */
  @Column({ type: 'text', nullable: true }) area: string | null;
  /** The date the partnership's arrangements took effect; null when not recorded. */
  @Column({ type: 'date', name: 'established_on', nullable: true }) establishedOn: string | null;
  /** Raised by every edit of the partnership's facts (optimistic concurrency). */
  @Column({ type: 'integer', default: 1 }) version: number;
  @Column({ type: 'jsonb' }) source: SourceCitation;
}
