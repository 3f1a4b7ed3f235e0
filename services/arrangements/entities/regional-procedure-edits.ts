import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * That a partnership's adoption took up one version of a chapter, and when. Every row is kept: the
 * version the adoption follows for a chapter number is its latest row (rules/procedure-adoption.ts).
 */
@Entity({ name: 'regional_procedure_adoption_chapter' })
export class RegionalProcedureAdoptionChapterEntity {
  @PrimaryColumn({ type: 'uuid', name: 'adoption_id' }) adoptionId: string;
  @PrimaryColumn({ type: 'uuid', name: 'chapter_id' }) chapterId: string;
  @Column({ type: 'text', name: 'chapter_number' }) chapterNumber: string;
  @Column({ type: 'date', name: 'adopted_on' }) adoptedOn: string;
  @Column({ type: 'text', name: 'recorded_by' }) recordedBy: string;
}
