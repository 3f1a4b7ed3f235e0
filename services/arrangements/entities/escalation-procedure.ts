import { Column, Entity, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import type { SourceCitation } from '@safeguarding/packs';

/** The steps a revision replaced (replaceEscalationSteps), so an earlier list of steps is never lost. */
export interface EscalationRevision {
  /** The procedure's version whose steps these were. */
  version: number;
  replacedOn: string;
  replacedBy: string;
  steps: EscalationStepEntity[];
}

/** A partnership's escalation or dispute-resolution procedure; its steps are `EscalationStepEntity` rows. */
@Entity({ name: 'escalation_procedure' })
export class EscalationProcedureEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text', name: 'partnership_id' }) partnershipId: string;
  @Column({ type: 'text' }) title: string;
  /** First day the procedure applies; null when the documents do not say. */
  @Column({ type: 'date', name: 'valid_from', nullable: true }) validFrom: string | null;
  /** Last day the procedure applied (retireEscalationProcedure); null while it applies. */
  @Column({ type: 'date', name: 'valid_to', nullable: true }) validTo: string | null;
  @VersionColumn({ type: 'integer' }) version: number;
  /** Earlier step lists, oldest first. */
  @Column({ type: 'jsonb', default: () => "'[]'" }) revisions: EscalationRevision[];
  @Column({ type: 'jsonb' }) source: SourceCitation;
}

/** One step of a procedure, in order (position 1 first). */
@Entity({ name: 'escalation_step' })
export class EscalationStepEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid', name: 'procedure_id' }) procedureId: string;
  @Column({ type: 'integer' }) position: number;
  /** When the step applies, e.g. "When the disagreement cannot be resolved"; null when not stated. */
  @Column({ type: 'text', nullable: true }) trigger: string | null;
  @Column({ type: 'text' }) who: string;
  @Column({ type: 'text' }) action: string;
  /** How long the step takes; null when not stated. */
  @Column({ type: 'text', nullable: true }) timescale: string | null;
  /** Where the step comes from (a pack's provenance); null for steps recorded through the API (the procedure's source stands). */
  @Column({ type: 'jsonb', nullable: true }) source: SourceCitation | null;
}
