export * from './partnership';
export * from './partnership-facts';
export * from './body';
export * from './meeting';
export * from './strategic-plan';
export * from './agenda';
export * from './escalation-procedure';
import { BodyEntity, BodyPartnershipEntity, BodyRelationshipEntity } from './body';
import { MeetingEntity } from './meeting';
import { AgendaEntity, AgendaItemEntity, AgendaVersionEntity, MeetingActionNotesEntity, RegionalProcedureChapterEntity } from './agenda';
import { StrategicActionEntity, StrategicPriorityEntity, SuccessMeasurementEntity, SuccessStatementEntity } from './strategic-plan';
import { PartnershipEntity } from './partnership';
import { EscalationProcedureEntity, EscalationStepEntity } from './escalation-procedure';
import {
  ArrangementDocumentEntity,
  BudgetContributionEntity,
  BudgetEntity,
  LeadSafeguardingPartnerEntity,
  RegionalProcedureAdoptionEntity,
  RegionalProcedureEntity,
  StatutoryFunctionEntity,
} from './partnership-facts';

export const entities = [
  PartnershipEntity,
  StatutoryFunctionEntity,
  LeadSafeguardingPartnerEntity,
  ArrangementDocumentEntity,
  BudgetEntity,
  BudgetContributionEntity,
  BodyEntity,
  BodyPartnershipEntity,
  BodyRelationshipEntity,
  RegionalProcedureEntity,
  RegionalProcedureAdoptionEntity,
  MeetingEntity,
  StrategicPriorityEntity,
  SuccessStatementEntity,
  SuccessMeasurementEntity,
  StrategicActionEntity,
  AgendaEntity,
  AgendaItemEntity,
  AgendaVersionEntity,
  MeetingActionNotesEntity,
  RegionalProcedureChapterEntity,
  EscalationProcedureEntity,
  EscalationStepEntity,
];
