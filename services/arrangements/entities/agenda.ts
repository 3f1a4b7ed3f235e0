import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { SourceCitation } from '@safeguarding/packs';

export type AgendaStatus = 'DRAFT' | 'PUBLISHED';
export type AgendaSection = 'JOINT' | 'CHILDREN' | 'ADULTS';

/** A meeting's agenda. `version` counts every change (optimistic lock); published versions are snapshots. */
@Entity({ name: 'agenda' })
export class AgendaEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid', name: 'meeting_id', unique: true }) meetingId: string;
  @Column({ type: 'text' }) status: AgendaStatus;
  @Column({ type: 'integer' }) version: number;
  /** Number of the latest published snapshot; 0 before the first publication. */
  @Column({ type: 'integer', name: 'published_version' }) publishedVersion: number;
}

@Entity({ name: 'agenda_item' })
export class AgendaItemEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid', name: 'agenda_id' }) agendaId: string;
  @Column({ type: 'integer' }) position: number;
  @Column({ type: 'text' }) section: AgendaSection;
  @Column({ type: 'text' }) title: string;
  @Column({ type: 'text', name: 'owner_partnership_id', nullable: true }) ownerPartnershipId: string | null;
  @Column({ type: 'text', name: 'presenter_organisation_id', nullable: true }) presenterOrganisationId: string | null;
  @Column({ type: 'text', name: 'presenter_post', nullable: true }) presenterPost: string | null;
  @Column({ type: 'text', name: 'paper_title', nullable: true }) paperTitle: string | null;
  @Column({ type: 'date', name: 'paper_submitted_on', nullable: true }) paperSubmittedOn: string | null;
  @Column({ type: 'integer', name: 'minutes_allotted' }) minutesAllotted: number;
  @Column({ type: 'text', name: 'decision_sought', nullable: true }) decisionSought: string | null;
  /** An entity owned elsewhere (e.g. Review) that the item is about. */
  @Column({ type: 'text', name: 'subject_type', nullable: true }) subjectType: string | null;
  @Column({ type: 'text', name: 'subject_id', nullable: true }) subjectId: string | null;
  /** The candidate this item was accepted from, so a candidate is not added twice. */
  @Column({ type: 'text', name: 'candidate_key', nullable: true }) candidateKey: string | null;
  @Column({ type: 'text', name: 'added_by' }) addedBy: string;
}

/** A published agenda, frozen: amendments after publication make a new version, never overwrite. */
@Entity({ name: 'agenda_version' })
export class AgendaVersionEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid', name: 'agenda_id' }) agendaId: string;
  @Column({ type: 'integer' }) number: number;
  @Column({ type: 'timestamptz', name: 'published_at' }) publishedAt: Date;
  @Column({ type: 'text', name: 'published_by' }) publishedBy: string;
  @Column({ type: 'text', name: 'change_note', nullable: true }) changeNote: string | null;
  @Column({ type: 'jsonb' }) items: Omit<AgendaItemEntity, 'addedBy'>[];
}

/** Action notes of a meeting, on the paperwork clock: draft, amendment requests, then the record. */
@Entity({ name: 'meeting_action_notes' })
export class MeetingActionNotesEntity {
  @PrimaryColumn({ type: 'uuid', name: 'meeting_id' }) meetingId: string;
  @Column({ type: 'text' }) text: string;
  @Column({ type: 'date', name: 'issued_on' }) issuedOn: string;
  @Column({ type: 'text', name: 'issued_by' }) issuedBy: string;
  @Column({ type: 'jsonb', name: 'amendment_requests' }) amendmentRequests: { requestedOn: string; requestedBy: string; request: string }[];
}

@Entity({ name: 'regional_procedure_chapter' })
export class RegionalProcedureChapterEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text', name: 'procedure_id' }) procedureId: string;
  @Column({ type: 'text' }) number: string;
  @Column({ type: 'text' }) title: string;
  @Column({ type: 'text' }) version: string;
  @Column({ type: 'date', name: 'effective_from' }) effectiveFrom: string;
  @Column({ type: 'text', name: 'change_summary', nullable: true }) changeSummary: string | null;
  @Column({ type: 'jsonb' }) source: SourceCitation;
}
