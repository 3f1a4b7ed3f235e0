/**
 * The training subgraph's enumerations as TypeScript values, mirroring schema/, so seed
 * data and entities are typed without importing generated code.
 */
export const DELIVERY_METHODS = ['E_LEARNING', 'FACE_TO_FACE', 'VIRTUAL', 'CONFERENCE', 'CASE_STUDY', 'ACTION_LEARNING'] as const;
export type DeliveryMethod = (typeof DELIVERY_METHODS)[number];

export type TrainingSessionStatus = 'SCHEDULED' | 'CANCELLED';
export type TrainingSessionChangeKind = 'RESCHEDULED' | 'CANCELLED';
export type TrainingBookingStatus = 'BOOKED' | 'CANCELLED_BY_ORGANISER';
export type TrainingAudience = 'CHILDREN_AND_FAMILIES_WORKFORCE' | 'ADULTS_WORKFORCE' | 'WHOLE_WORKFORCE' | 'MANAGERS_AND_SUPERVISORS';
export type TrainingLevel = 'AWARENESS' | 'FOUNDATION' | 'ADVANCED' | 'SPECIALIST';
export type LearningSource =
  | 'SAFEGUARDING_PRACTICE_REVIEW'
  | 'MULTI_AGENCY_CASE_FILE_AUDIT'
  | 'INSPECTION'
  | 'SECTION_11_AUDIT'
  | 'PARTNERSHIP_PRIORITY'
  | 'NATIONAL_PRIORITY'
  | 'PRACTITIONER_FEEDBACK';
export const IMPACT_EVIDENCE_KINDS = ['PRACTICE_AUDIT', 'SUPERVISION', 'PRACTICE_CHANGE'] as const;
export type ImpactEvidenceKind = (typeof IMPACT_EVIDENCE_KINDS)[number];
export type { OrganisationSector } from '@safeguarding/packs';
