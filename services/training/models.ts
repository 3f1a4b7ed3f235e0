import type { AgendaCandidatesKey } from '@safeguarding/federated-keys';
import type { FinancialYear } from './rules/financial-year';

/**
 * What a resolver's parent object is for each SDL type (codegen.ts's mappers point here). Types
 * stored as rows are their entity classes; figures computed by a rule are the rule's output.
 */
export type { CourseEntity, ImpactEvidenceEntity, TrainingBookingEntity, TrainingSessionChangeEntity, TrainingSessionEntity } from './entities';
export type { AgencyReachFigures, TrainingReachFigures } from './rules/training-reach';
export type { ThemeCoverageFigures } from './rules/learning-coverage';

/** Entities owned by other subgraphs, as this subgraph sees them: a key, plus any required fields. */
export interface PartnershipReference {
  id: string;
  /** Provided by the reviews subgraph through the gateway when a field @requires it. */
  reviewThemeIds?: string[];
}

export interface ThemeReference {
  id: string;
}

export interface OrganisationReference {
  id: string;
}

export interface TrainingProgrammeParent {
  partnershipId: string;
  financialYear: FinancialYear;
}

/** Keyed by partnership and date, so the gateway can bring the reviews' themes back to it. */
export interface LearningCoverageParent {
  id: string;
  since: string;
  /** Null when the gateway could not fetch the review themes (reviews was down). */
  partnership?: { id?: string; reviewThemeIds?: string[] | null } | null;
}

/** The candidates key, plus each partnership's review themes, fetched from reviews by the gateway (@requires). */
export interface AgendaCandidatesParent extends AgendaCandidatesKey {
  reviewThemesByPartnership?: { partnershipSlug: string; themeIds: string[] }[];
}

/** An ExpectedTrainingSession: a projection (rules/expected-sessions.ts) of a course's yearly programme, not a row. */
export interface ExpectedTrainingSessionParent {
  course: import('./entities').CourseEntity;
  date: string;
  deliveryMethod: import('./rules/vocabulary').DeliveryMethod;
  projectedFrom: string;
  basis: string;
}
