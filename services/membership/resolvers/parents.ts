/**
 * What resolvers receive for types this subgraph does not store as rows: references to entities
 * other subgraphs own (with the fields the gateway passes through @requires) and computed results.
 */
import type { AttendanceEntity, MembershipEntity } from '../entities';
import type { ChairRuleBreach, ChairSource } from '../rules/chair-rule';
import type { QuorumRuleSnapshot } from '../rules/quorum';

export interface PartnershipReference {
  id: string;
}

/** Arrangements' ChairRule as the gateway passes it (the fields named in @requires). */
export interface ChairRuleRepresentation {
  appointedFrom: ChairSource;
  organisation: { id: string } | null;
  termMonths: number | null;
  termAlignedToFinancialYear: boolean;
  noConsecutiveTermsSameOrganisation: boolean;
  viceChairFromDifferentOrganisation: boolean;
  viceChairSucceeds: boolean;
}

export interface QuorumRuleRepresentation {
  kind: QuorumRuleSnapshot['kind'];
  namedDeputyCounts: boolean;
  requiredOrganisations: { id: string }[];
  unexplainedAbsenceReported: boolean;
}

export interface BodyParent {
  id: string;
  chairRule?: ChairRuleRepresentation | null;
  quorumRule?: QuorumRuleRepresentation | null;
}

/** body and date arrive through @requires whenever a field that needs them is asked for. */
export interface MeetingParent {
  id: string;
  body: BodyParent;
  date: string;
}

export interface SharedAgencySideParent {
  partnershipSlug: string;
  bodyIds: string[];
}

export interface SharedAgencyParent {
  organisationId: string;
  sides: SharedAgencySideParent[];
}

export interface ChairComplianceParent {
  compliant: boolean;
  appointmentsChecked: number;
  breaches: ChairRuleBreach[];
}

export interface AttendanceRecordParent {
  seat: MembershipEntity;
  record: AttendanceEntity | null;
}

export interface QuorumEvaluationParent {
  kind: QuorumRuleSnapshot['kind'];
  quorate: boolean | null;
  missingOrganisationIds: string[];
  representedOrganisationIds: string[];
  attendanceRecorded: boolean;
  reportUnexplainedAbsencesToLineManager: boolean;
}
