import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { SourceCitation, StatutoryFunctionKind } from '@safeguarding/packs';

@Entity({ name: 'statutory_function' })
export class StatutoryFunctionEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text', name: 'partnership_id' }) partnershipId: string;
  @Column({ type: 'text' }) kind: StatutoryFunctionKind;
  @Column({ type: 'text' }) description: string;
  @Column({ type: 'jsonb' }) source: SourceCitation;
}

@Entity({ name: 'lead_safeguarding_partner' })
export class LeadSafeguardingPartnerEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text', name: 'partnership_id' }) partnershipId: string;
  /** An organisation id from the membership subgraph's registry. */
  @Column({ type: 'text', name: 'organisation_id' }) organisationId: string;
  @Column({ type: 'text', name: 'lead_post', nullable: true }) leadPost: string | null;
  @Column({ type: 'text', name: 'delegated_post', nullable: true }) delegatedPost: string | null;
  /** The first day the partner (with these posts) held the role; null when the documents give no date. */
  @Column({ type: 'date', name: 'valid_from', nullable: true }) validFrom: string | null;
  /** The last day; null while it still holds it. */
  @Column({ type: 'date', name: 'valid_to', nullable: true }) validTo: string | null;
  @Column({ type: 'jsonb' }) source: SourceCitation;
}

/** A population (and area) figure for one year, beside the one on the partnership row: a new year is added, never overwritten. */
@Entity({ name: 'population_figure' })
export class PopulationFigureEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text', name: 'partnership_id' }) partnershipId: string;
  @Column({ type: 'text' }) year: string;
  @Column({ type: 'integer' }) value: number;
  @Column({ type: 'integer', name: 'area_hectares', nullable: true }) areaHectares: number | null;
  @Column({ type: 'text' }) description: string;
  @Column({ type: 'jsonb' }) source: SourceCitation;
}

@Entity({ name: 'arrangement_document' })
export class ArrangementDocumentEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text', name: 'partnership_id' }) partnershipId: string;
  @Column({ type: 'text' }) title: string;
  @Column({ type: 'text', nullable: true }) version: string | null;
  @Column({ type: 'date', name: 'approved_on', nullable: true }) approvedOn: string | null;
  @Column({ type: 'date', name: 'review_on', nullable: true }) reviewOn: string | null;
  @Column({ type: 'date', name: 'published_on', nullable: true }) publishedOn: string | null;
  @Column({ type: 'jsonb' }) source: SourceCitation;
}

@Entity({ name: 'budget' })
export class BudgetEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text', name: 'partnership_id' }) partnershipId: string;
  @Column({ type: 'text', name: 'financial_year', nullable: true }) financialYear: string | null;
  /** Integer pence. */
  @Column({ type: 'integer', name: 'total_minor_units', nullable: true }) totalMinorUnits: number | null;
  @Column({ type: 'text', name: 'accountable_body_organisation_id', nullable: true }) accountableBodyOrganisationId: string | null;
  @Column({ type: 'text' }) description: string;
  @Column({ type: 'jsonb' }) source: SourceCitation;
}

@Entity({ name: 'budget_contribution' })
export class BudgetContributionEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid', name: 'budget_id' }) budgetId: string;
  @Column({ type: 'text', name: 'organisation_id' }) organisationId: string;
  @Column({ type: 'integer', name: 'amount_minor_units', nullable: true }) amountMinorUnits: number | null;
  @Column({ type: 'text', nullable: true }) description: string | null;
  @Column({ type: 'jsonb' }) source: SourceCitation;
}

@Entity({ name: 'regional_procedure' })
export class RegionalProcedureEntity {
  /** A stable slug, e.g. west-midlands-child-protection-procedures. */
  @PrimaryColumn({ type: 'text' }) id: string;
  @Column({ type: 'text' }) title: string;
  @Column({ type: 'text' }) region: string;
  @Column({ type: 'text' }) description: string;
  @Column({ type: 'jsonb' }) source: SourceCitation;
}

@Entity({ name: 'regional_procedure_adoption' })
export class RegionalProcedureAdoptionEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text', name: 'procedure_id' }) procedureId: string;
  @Column({ type: 'text', name: 'partnership_id' }) partnershipId: string;
  @Column({ type: 'text' }) how: string;
  /** Where the partnership departs from the regional text, if it says so. */
  @Column({ type: 'text', name: 'local_variation', nullable: true }) localVariation: string | null;
  @Column({ type: 'jsonb' }) source: SourceCitation;
  /** Optimistic-lock version. */
  @Column({ type: 'integer', default: 1 }) version: number;
  /** The date the adoption was recorded through the API; null for the seeded ones. */
  @Column({ type: 'date', name: 'adopted_on', nullable: true }) adoptedOn: string | null;
}
