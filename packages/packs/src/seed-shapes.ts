/**
 * Shapes of the seed data every subgraph loads. Facts taken from the documents in sources/ cite the file and
 * section they come from; anything generated says so with `synthetic: true`.
 */

/** Where a seeded fact comes from: a seed file name and the section of it (heading or table). */
export interface SourceCitation {
  /** Seed file name, e.g. "003_b1549964c7b91fcb.txt", or a public page's title for facts outside the seeds. */
  document: string;
  /** Section, heading or table within the document, e.g. "Appendix A: Executive terms of reference". */
  section: string;
  /** True when the value was generated, not read from a document. */
  synthetic?: boolean;
}

export type OrganisationSector =
  | 'LOCAL_AUTHORITY'
  | 'HEALTH_COMMISSIONER'
  | 'HEALTH_PROVIDER'
  | 'PRIMARY_CARE'
  | 'POLICE'
  | 'PROBATION'
  | 'YOUTH_JUSTICE'
  | 'FIRE_AND_RESCUE'
  | 'EDUCATION'
  | 'HOUSING'
  | 'VOLUNTARY_AND_COMMUNITY'
  | 'INDEPENDENT'
  | 'PARTNERSHIP_BUSINESS_UNIT'
  | 'OTHER_PUBLIC_SERVICE';

/** One agency, named once and shared across partnerships (owned by the membership subgraph). */
export interface OrganisationSeed {
  /** Stable slug, e.g. "west-mercia-police"; other subgraphs reference organisations by it. */
  id: string;
  name: string;
  sector: OrganisationSector;
  /** Former or alternative names, e.g. a CCG that became an ICB. */
  alsoKnownAs?: string[];
  source: SourceCitation;
}

export type StatutoryFunctionKind = 'CHILDREN_SAFEGUARDING_PARTNERSHIP' | 'SAFEGUARDING_ADULTS_BOARD' | 'COMMUNITY_SAFETY_PARTNERSHIP';

export type BodyKind =
  | 'PARTNERSHIP_BOARD'
  | 'EXECUTIVE'
  | 'LEAD_PARTNERS_FORUM'
  | 'WIDER_PARTNERSHIP'
  | 'STANDING_GROUP'
  | 'THEMATIC_GROUP'
  | 'TASK_AND_FINISH_GROUP'
  | 'REVIEW_GROUP'
  | 'SYSTEM_GROUP'
  | 'STRATEGIC_PRIORITY_GROUP'
  | 'REPORTING_PARTNERSHIP';

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

export interface BodySeed {
  /** Stable id: "<partnership-slug>.<body-slug>", or "joint.<body-slug>" for a shared body. */
  id: string;
  name: string;
  kind: BodyKind;
  /** Partnership slugs the body belongs to (the combined LSP forum has two). */
  partnershipSlugs: string[];
  purpose: string;
  /** Body id this body reports to, if any. */
  reportsToBodyId?: string;
  /** Body ids it has a close (non-reporting) structural relationship with. */
  closeRelationshipBodyIds?: string[];
  meetingFrequency?: MeetingFrequencySeed;
  /** Separate agenda time for children and for adults. */
  separateChildrenAndAdultsTime?: boolean;
  /** Uses the 7-day papers / 7-day notes / 7-day amendments clock (003 Appendix A). */
  usesPaperworkClock?: boolean;
  chairRule?: ChairRuleSeed;
  quorumRule?: QuorumRuleSeed;
  /** ISO dates; validFrom absent when the document does not say. */
  validFrom?: string;
  validTo?: string;
  source: SourceCitation;
}

export interface LeadSafeguardingPartnerSeed {
  partnershipSlug: string;
  organisationId: string;
  /** The post that holds the role, e.g. "Chief Constable". */
  leadPost?: string;
  /** The delegated safeguarding partner post, e.g. "Director of People". */
  delegatedPost?: string;
  source: SourceCitation;
}

export interface ArrangementDocumentSeed {
  partnershipSlug: string;
  title: string;
  version?: string;
  approvedOn?: string;
  reviewOn?: string;
  publishedOn?: string;
  source: SourceCitation;
}

export interface BudgetSeed {
  partnershipSlug: string;
  /** e.g. "2019-20"; absent when the document gives no year. */
  financialYear?: string;
  /** Integer pence; absent when the document does not state a total. */
  totalMinorUnits?: number;
  /** Organisation id of the Accountable Body, where stated. */
  accountableBodyOrganisationId?: string;
  description: string;
  contributions: { organisationId: string; amountMinorUnits?: number; description?: string; source: SourceCitation }[];
  source: SourceCitation;
}

export interface PartnershipSeed {
  slug: string;
  name: string;
  shortName: string;
  policeForce: string;
  population?: { value: number; year: string; description: string; source: SourceCitation };
  statutoryFunctions: { kind: StatutoryFunctionKind; description: string; source: SourceCitation }[];
  /** Independent scrutiny arrangement in the document's words, if stated. */
  independentScrutiny?: { description: string; source: SourceCitation };
  source: SourceCitation;
}

export interface RegionalProcedureSeed {
  id: string;
  title: string;
  region: string;
  description: string;
  adoptions: { partnershipSlug: string; how: string; source: SourceCitation }[];
  source: SourceCitation;
}
