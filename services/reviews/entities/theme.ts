import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { SourceCitation } from '@safeguarding/packs';

export type Audience = 'CHILDREN' | 'ADULTS' | 'ALL';

/** A theme of the shared vocabulary (packages/vocabulary), copied here so reviews can reference it. */
@Entity({ name: 'theme' })
export class ThemeEntity {
  @PrimaryColumn({ type: 'text' }) id: string;
  @Column({ type: 'text' }) name: string;
  @Column({ type: 'text' }) description: string;
  @Column({ type: 'text', name: 'applies_to' }) appliesTo: Audience;
  @Column({ type: 'jsonb' }) source: SourceCitation;
}
