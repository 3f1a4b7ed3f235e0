import { BODY_KINDS, STATUTORY_FUNCTION_KINDS } from './sections/arrangements';

/**
 * Shapes the subgraphs share beyond the pack sections: the older citation shape (values recorded
 * through the API still store it; provenance.ts reads it), the registry's sectors, body kinds, and
 * the body rules membership and arrangements both evaluate.
 */

/** A citation as values recorded through the API store it: a document and section as given (shown as RECORDED). */
export interface SourceCitation {
  /** Seed file name, e.g. "003_b1549964c7b91fcb.txt", or a public page's title for facts outside the seeds. */
  document: string;
  /** Section, heading or table within the document, e.g. "Appendix A: Executive terms of reference". */
  section: string;
  /** True when the value was generated, not read from a document. */
  synthetic?: boolean;
}

/** The sectors of the organisation registry (the SDL's OrganisationSector; the membership section's classification). */
export const ORGANISATION_SECTORS = [
  'LOCAL_AUTHORITY',
  'HEALTH_COMMISSIONER',
  'HEALTH_PROVIDER',
  'PRIMARY_CARE',
  'POLICE',
  'PROBATION',
  'YOUTH_JUSTICE',
  'FIRE_AND_RESCUE',
  'EDUCATION',
  'HOUSING',
  'VOLUNTARY_AND_COMMUNITY',
  'INDEPENDENT',
  'PARTNERSHIP_BUSINESS_UNIT',
  'OTHER_PUBLIC_SERVICE',
] as const;
export type OrganisationSector = (typeof ORGANISATION_SECTORS)[number];

export type StatutoryFunctionKind = (typeof STATUTORY_FUNCTION_KINDS)[number];

export type BodyKind = (typeof BODY_KINDS)[number];

/** How often a body meets, as data: the count per year is what cadence checks use. */
export interface MeetingFrequencySeed {
  meetingsPerYear: number;
  /** The document's own words, e.g. "bi-monthly", "4 times a year". */
  description: string;
  /** The year the count applies to. */
  period: 'CALENDAR_YEAR' | 'FINANCIAL_YEAR';
}

/** Who may chair and for how long; evaluated by the membership subgraph. */
export interface ChairRuleSeed {
  /** Where the chair comes from. */
  appointedFrom: 'DELEGATED_SAFEGUARDING_PARTNERS' | 'STATUTORY_PARTNERS' | 'NAMED_ORGANISATION' | 'INDEPENDENT' | 'MEMBERS' | 'NOT_STATED';
  /** For NAMED_ORGANISATION: the organisation id that chairs. */
  organisationId?: string;
  /** For a named post, e.g. "Director of Children & Adult Services". */
  post?: string;
  /** Who appoints, e.g. "the Executive". */
  appointedBy?: string;
  /** Term length; null when open-ended. */
  termMonths: number | null;
  /** A term follows the financial year (April to March). */
  termAlignedToFinancialYear: boolean;
  /** The same organisation may not chair two terms running. */
  noConsecutiveTermsSameOrganisation: boolean;
  /** A vice-chair is appointed from a different organisation from the chair. */
  viceChairFromDifferentOrganisation: boolean;
  /** The vice-chair becomes the next chair. */
  viceChairSucceeds: boolean;
  /** The document's own words. */
  description: string;
  source: SourceCitation;
}

/** When a meeting of the body can take decisions; evaluated by the membership subgraph. */
export interface QuorumRuleSeed {
  kind: 'ALL_STATUTORY_PARTNERS_REPRESENTED' | 'NOT_STATED';
  /** A named deputy counts as the organisation's representative. */
  namedDeputyCounts: boolean;
  /** The statutory partner organisations that must be represented (organisation ids). */
  requiredOrganisationIds: string[];
  /** Statutory partner representatives must be part of every key action or decision. */
  statutoryPartnersInKeyDecisions: boolean;
  /** Non-attendance without valid reason is reported to the agency's line manager. */
  unexplainedAbsenceReported: boolean;
  description: string;
  source: SourceCitation;
}

