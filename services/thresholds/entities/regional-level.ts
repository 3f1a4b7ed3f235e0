import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { SourceCitation } from '@safeguarding/packs';

/** One level of the common West Midlands scale every partnership's levels are mapped onto. */
@Entity({ name: 'regional_level' })
export class RegionalLevelEntity {
  /** A stable slug, e.g. "level-2". */
  @PrimaryColumn({ type: 'text' }) id: string;
  /** 1 (least need) to 4 (most). */
  @Column({ type: 'integer' }) rank: number;
  @Column({ type: 'text' }) name: string;
  @Column({ type: 'text' }) description: string;
  @Column({ type: 'text' }) provenance: string;
  @Column({ type: 'jsonb' }) source: SourceCitation;
}
