import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { OrganisationSector, StoredSource } from '@safeguarding/packs';

/** An agency, registered once and shared by every partnership it serves. */
@Entity({ name: 'organisation' })
export class OrganisationEntity {
  @PrimaryColumn({ type: 'text' }) id: string;
  @Column({ type: 'text' }) name: string;
  @Column({ type: 'text' }) sector: OrganisationSector;
  @Column({ type: 'text', array: true, name: 'also_known_as', default: () => "'{}'" }) alsoKnownAs: string[];
  @Column({ type: 'jsonb', nullable: true }) source: StoredSource | null;
}
