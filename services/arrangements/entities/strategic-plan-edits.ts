import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { SourceCitation } from '@safeguarding/packs';
import type { SuccessTarget } from '../rules/success-target';

/** A partnership's strategic plan: its period; its priorities point to it (strategic_priority.plan_id). */
@Entity({ name: 'strategic_plan' })
export class StrategicPlanEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text', name: 'partnership_id' }) partnershipId: string;
  @Column({ type: 'text' }) title: string;
  @Column({ type: 'date', name: 'period_start' }) periodStart: string;
  @Column({ type: 'date', name: 'period_end' }) periodEnd: string;
  /** Optimistic-lock version. */
  @Column({ type: 'integer', default: 1 }) version: number;
  @Column({ type: 'jsonb' }) source: SourceCitation;
}

/** A priority's title, kind and group as they stood from validFrom until the day before validUntil. */
@Entity({ name: 'strategic_priority_version' })
export class StrategicPriorityVersionEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text', name: 'priority_id' }) priorityId: string;
  @Column({ type: 'date', name: 'valid_from' }) validFrom: string;
  /** Exclusive: the day the next version took effect. */
  @Column({ type: 'date', name: 'valid_until' }) validUntil: string;
  @Column({ type: 'text' }) title: string;
  @Column({ type: 'text' }) kind: 'SYSTEM_PRIORITY' | 'STRATEGIC_PRIORITY';
  @Column({ type: 'text', name: 'body_id' }) bodyId: string;
  /** Who recorded the revision that ended this version. */
  @Column({ type: 'text', name: 'recorded_by' }) recordedBy: string;
}

/** A success statement's text and target as they stood from validFrom until the day before validUntil. */
@Entity({ name: 'success_statement_version' })
export class SuccessStatementVersionEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid', name: 'statement_id' }) statementId: string;
  @Column({ type: 'date', name: 'valid_from' }) validFrom: string;
  /** Exclusive: the day the next version took effect. */
  @Column({ type: 'date', name: 'valid_until' }) validUntil: string;
  @Column({ type: 'text' }) text: string;
  @Column({ type: 'jsonb', nullable: true }) target: SuccessTarget | null;
  @Column({ type: 'double precision', name: 'baseline_value', nullable: true }) baselineValue: number | null;
  @Column({ type: 'jsonb', name: 'baseline_source', nullable: true }) baselineSource: SourceCitation | null;
  @Column({ type: 'text', name: 'recorded_by' }) recordedBy: string;
}
