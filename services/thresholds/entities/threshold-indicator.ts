import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { SourceCitation } from '@safeguarding/packs';

/**
 * An example of need at a level, as a practitioner would recognise it. The table also holds a
 * generated tsvector column (search_vector) with a GIN index; it is written by PostgreSQL and read
 * only in SQL, so it is not mapped here.
 */
@Entity({ name: 'threshold_indicator' })
export class ThresholdIndicatorEntity {
  /** "<level-id>.<n>". */
  @PrimaryColumn({ type: 'text' }) id: string;
  @Column({ type: 'text', name: 'level_id' }) levelId: string;
  /** Order within the level. */
  @Column({ type: 'integer' }) position: number;
  @Column({ type: 'text' }) text: string;
  @Column({ type: 'jsonb' }) source: SourceCitation;
}
