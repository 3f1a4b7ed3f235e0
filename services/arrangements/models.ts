import type {
  BodyEntity,
  MeetingActionNotesEntity,
  AgendaEntity,
  RegionalProcedureChapterEntity,
  StrategicActionEntity,
  StrategicPriorityEntity,
  SuccessStatementEntity,
} from './entities';
import type { PaperworkClockRule, PaperworkDeadlines } from './rules/paperwork-clock';
import type { SuccessTarget } from './rules/success-target';
import type { MeetingFrequencySeed } from '@safeguarding/packs';

/**
 * What each SDL type's resolvers receive as their parent object (codegen.ts maps every type here).
 * Most are the database rows; the rest carry what a row alone does not say.
 */

export type {
  AgendaItemEntity,
  AgendaVersionEntity,
  ArrangementDocumentEntity,
  BodyEntity,
  BodyReportingLineEntity,
  BudgetContributionEntity,
  BudgetEntity,
  LeadSafeguardingPartnerEntity,
  MeetingEntity,
  PartnershipEntity,
  RegionalProcedureAdoptionEntity,
  RegionalProcedureChapterEntity,
  RegionalProcedureEntity,
  StatutoryFunctionEntity,
  StrategicPriorityEntity,
  SuccessMeasurementEntity,
  SuccessStatementEntity,
  StrategicActionEntity,
  StrategicPlanEntity,
  StrategicPriorityVersionEntity,
  SuccessStatementVersionEntity,
} from './entities';
export type { ChairRuleSeed, MeetingFrequencySeed, QuorumRuleSeed } from '@safeguarding/packs';

/**
 * A body as its resolvers receive it: the row with the terms in force on `asOf` laid over it
 * (operations/body-records.ts `bodyAsOf`); a bare row (no asOf) answers as of today.
 */
export type BodyParent = BodyEntity & { asOf?: string };

/** An ExpectedMeeting: a projection (rules/expected-meetings.ts) of a body's frequency, not a row. */
export interface ExpectedMeetingParent {
  body: BodyParent;
  date: string;
  rule: MeetingFrequencySeed;
  projectedFrom: string | null;
  basis: string;
}

/** An entity another subgraph owns, known here by its key; the gateway resolves the rest. */
export interface EntityReference {
  id: string;
}

// --- strategic plans and regional procedures (system of record)

/**
 * A priority as it stood on `asOf` (an earlier version's title, kind and group laid over the row),
 * or as it stands now when read without a date. `versionFrom` is when the values shown took effect.
 */
export interface StrategicPriorityParent extends StrategicPriorityEntity {
  asOf?: string;
  versionFrom?: string;
}

/** A success statement as it stood on `asOf` (an earlier version's text and target laid over the row). */
export interface SuccessStatementParent extends SuccessStatementEntity {
  versionFrom?: string;
}

/** One chapter an adoption follows (rules/procedure-adoption.ts). */
export interface AdoptedChapterParent {
  number: string;
  adopted: RegionalProcedureChapterEntity;
  latest: RegionalProcedureChapterEntity;
  upToDate: boolean;
  adoptedOn: string;
}

/** A reference to an Organisation owned by the membership subgraph. */
export type OrganisationReference = EntityReference;

export const organisationReference = (id: string): OrganisationReference => ({ id });

/** An agenda item's subject: a local row or a reference, tagged with its SDL type name. */
export type AgendaSubjectParent = { __typename: string; [field: string]: unknown };

/** The agenda row, and whether this caller sees drafts or the published version. */
export interface AgendaParent extends AgendaEntity {
  seesDrafts: boolean;
}

/** A meeting's notes, with the meeting date and rule their deadlines come from. */
export interface ActionNotesParent extends MeetingActionNotesEntity {
  meetingDate: string;
  rule: PaperworkClockRule;
}

/** The deadlines plus the meeting date and rule they came from. */
export interface PaperworkClockParent extends PaperworkDeadlines {
  meetingDate: string;
  rule: PaperworkClockRule;
}

/**
 * The window a meeting's agenda candidates cover. `partnershipSlugs` keeps the public field's name
 * (and the shared key's, @safeguarding/federated-keys); its values are partnership ids.
 */
export interface AgendaCandidatesParent {
  id: string;
  meetingId: string;
  since: string;
  until: string;
  partnershipSlugs: string[];
}

export interface BodyQuorumRuleParent {
  bodyId: string;
  bodyName: string;
  quorumRule: NonNullable<BodyEntity['quorumRule']>;
}

/** The comparison entity: the partnerships and date are its identity, so other subgraphs can extend it (`partnershipSlugs` as above). */
export interface PartnershipComparisonParent {
  id: string;
  asOf: string;
  partnershipSlugs: string[];
}

export interface StrategicActionPlanParent {
  group: BodyEntity;
  actions: StrategicActionEntity[];
}

export interface SuccessTargetParent extends SuccessTarget {
  baselineValue: number | null;
  baselineSource: SuccessStatementEntity['baselineSource'];
}

// --- meetings and escalation procedures (system of record)
export type { EscalationProcedureEntity, EscalationStepEntity } from './entities/escalation-procedure';
