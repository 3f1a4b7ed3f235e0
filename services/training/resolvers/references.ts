import type { FinancialYear } from '../rules/financial-year';

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
