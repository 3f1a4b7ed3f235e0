import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { SourceCitation } from '@safeguarding/packs';
import type { SuccessTarget } from '../rules/success-target';

@Entity({ name: 'strategic_priority' })
export class StrategicPriorityEntity {
  @PrimaryColumn({ type: 'text' }) id: string;
  @Column({ type: 'text', name: 'partnership_id' }) partnershipId: string;
  /** The group that owns the priority. */
  @Column({ type: 'text', name: 'body_id' }) bodyId: string;
  @Column({ type: 'text' }) title: string;
  @Column({ type: 'text' }) kind: 'SYSTEM_PRIORITY' | 'STRATEGIC_PRIORITY';
  @Column({ type: 'date', name: 'period_start' }) periodStart: string;
  @Column({ type: 'date', name: 'period_end' }) periodEnd: string;
  @Column({ type: 'jsonb' }) source: SourceCitation;
  /** The plan it belongs to; null for a priority recorded before plans were (none in the seed). */
  @Column({ type: 'uuid', name: 'plan_id', nullable: true }) planId: string | null;
  /** Optimistic-lock version. */
  @Column({ type: 'integer', default: 1 }) version: number;
  /** The date the current title, kind and group took effect; null when they hold from periodStart. */
  @Column({ type: 'date', name: 'revised_from', nullable: true }) revisedFrom: string | null;
}

/** A success statement, verbatim; `target` is parsed from its text when it states one. */
@Entity({ name: 'success_statement' })
export class SuccessStatementEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text', name: 'priority_id' }) priorityId: string;
  @Column({ type: 'integer' }) position: number;
  @Column({ type: 'text' }) text: string;
  @Column({ type: 'jsonb', nullable: true }) target: SuccessTarget | null;
  @Column({ type: 'double precision', name: 'baseline_value', nullable: true }) baselineValue: number | null;
  @Column({ type: 'jsonb', name: 'baseline_source', nullable: true }) baselineSource: SourceCitation | null;
  @Column({ type: 'jsonb' }) source: SourceCitation;
  /** Optimistic-lock version. */
  @Column({ type: 'integer', default: 1 }) version: number;
  /** The first day the statement is part of its priority; null when it is from the priority's start. */
  @Column({ type: 'date', name: 'valid_from', nullable: true }) validFrom: string | null;
  /** The last day the statement is part of its priority; null while it stays (retireSuccessStatement). */
  @Column({ type: 'date', name: 'valid_to', nullable: true }) validTo: string | null;
  /** The date the current text and target took effect; null when they hold from the statement's start. */
  @Column({ type: 'date', name: 'revised_from', nullable: true }) revisedFrom: string | null;
}

@Entity({ name: 'success_measurement' })
export class SuccessMeasurementEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid', name: 'statement_id' }) statementId: string;
  @Column({ type: 'date', name: 'measured_on' }) measuredOn: string;
  @Column({ type: 'double precision' }) value: number;
  @Column({ type: 'jsonb' }) source: SourceCitation;
}

export type ActionPlanHeading =
  'PREVENTION' | 'PREVENTING_CRIME' | 'UNDERSTANDING_WHAT_IS_HAPPENING' | 'PROTECT_AND_PURSUE' | 'LEARNING_AND_DEVELOPMENT' | 'EXPERIENCE_OF_INDIVIDUALS';

/** One row of a group's Strategic Action Plan (002 Appendix 2 template). */
@Entity({ name: 'strategic_action' })
export class StrategicActionEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text', name: 'body_id' }) bodyId: string;
  @Column({ type: 'text' }) heading: ActionPlanHeading;
  @Column({ type: 'text' }) description: string;
  @Column({ type: 'text', name: 'success_measure' }) successMeasure: string;
  @Column({ type: 'text', name: 'owner_organisation_id', nullable: true }) ownerOrganisationId: string | null;
  @Column({ type: 'date', name: 'due_on' }) dueOn: string;
  @Column({ type: 'text' }) progress: 'NOT_STARTED' | 'IN_PROGRESS' | 'COMPLETED';
  @Column({ type: 'text', nullable: true }) evidence: string | null;
  /** Financial year, e.g. "2024-25". */
  @Column({ type: 'text' }) period: string;
  @Column({ type: 'boolean', name: 'is_multi_agency_case_file_audit', default: false }) isMultiAgencyCaseFileAudit: boolean;
  @Column({ type: 'jsonb' }) source: SourceCitation;
  /** Optimistic-lock version. */
  @Column({ type: 'integer', default: 1 }) version: number;
}
