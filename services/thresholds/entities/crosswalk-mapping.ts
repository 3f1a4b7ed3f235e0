import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { SourceCitation } from '@safeguarding/packs';

export type MappingConfidence = 'HIGH' | 'MEDIUM' | 'LOW';

/**
 * Where one partnership level sits on the regional scale: one regional level, or two adjacent ones
 * when the level straddles them. A judgement, so it carries its rationale and confidence.
 */
@Entity({ name: 'crosswalk_mapping' })
export class CrosswalkMappingEntity {
  /** One mapping per partnership level. */
  @PrimaryColumn({ type: 'text', name: 'level_id' }) levelId: string;
  /** The regional level ids, lowest first; one, or two adjacent ones. */
  @Column({ type: 'text', array: true, name: 'regional_level_ids' }) regionalLevelIds: string[];
  @Column({ type: 'text' }) rationale: string;
  @Column({ type: 'text' }) confidence: MappingConfidence;
  /** Optimistic lock: an edit must name the version it was made from. */
  @Column({ type: 'integer' }) version: number;
  /** Token subject of the last regional administrator who edited it; null when as seeded. */
  @Column({ type: 'text', name: 'edited_by', nullable: true }) editedBy: string | null;
  @Column({ type: 'timestamptz', name: 'edited_at', nullable: true }) editedAt: Date | null;
  @Column({ type: 'jsonb' }) source: SourceCitation;
}
