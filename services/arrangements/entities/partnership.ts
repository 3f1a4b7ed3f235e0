import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { PartnershipIndicator, SourceCitation } from '@safeguarding/packs';

/** An indicator as stored: the pack's, with its provenance in `source` like every other row. */
export type StoredIndicator = Omit<PartnershipIndicator, 'provenance'> & { source: SourceCitation };

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
  /** The area in hectares, where a document gives it (issue 17: a typed value from prose). */
  @Column({ type: 'integer', name: 'area_hectares', nullable: true }) areaHectares: number | null;
  /** Where the area and its size come from (a pack's provenance); null when not recorded. */
  @Column({ type: 'jsonb', name: 'area_source', nullable: true }) areaSource: SourceCitation | null;
  /** Indicators the documents quote (rates, shares), each with its provenance; see PartnershipIndicator in the SDL. */
  @Column({ type: 'jsonb', default: () => "'[]'::jsonb" }) indicators: StoredIndicator[];
  /** The date the partnership's arrangements took effect; null when not recorded. */
  @Column({ type: 'date', name: 'established_on', nullable: true }) establishedOn: string | null;
  /** Raised by every edit of the partnership's facts (optimistic concurrency). */
  @Column({ type: 'integer', default: 1 }) version: number;
  @Column({ type: 'jsonb' }) source: SourceCitation;
}
