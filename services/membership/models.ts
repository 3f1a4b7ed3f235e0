/**
 * Parent (mapper) types: what a resolver's parent object is for each SDL type this subgraph does
 * not store as a row of its own. References to entities other subgraphs own (with the fields the
 * gateway passes through @requires) and computed results. codegen.ts maps the SDL types here.
 */
import type { AgendaCandidatesKey } from '@safeguarding/federated-keys';
import type { AttendanceEntity, MembershipEntity } from './entities';
import type { ChairRuleBreach, ChairSource } from './rules/chair-rule';
import type { QuorumRuleSnapshot } from './rules/quorum';

/** A breach the chair rule evaluator found: its own result is the parent of ChairRuleBreach. */
export type { ChairRuleBreach };

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
  partnershipId: string;
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

/** The candidates key, plus the rules the gateway fetched from arrangements (@requires). */
export interface AgendaCandidatesParent extends AgendaCandidatesKey {
  bodyQuorumRules?: { bodyId: string; bodyName: string; quorumRule: QuorumRuleRepresentation }[];
}
