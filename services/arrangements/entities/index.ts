export * from './partnership';
export * from './partnership-facts';
export * from './body';
export * from './meeting';
export * from './strategic-plan';
export * from './agenda';
export * from './strategic-plan-edits';
export * from './regional-procedure-edits';
import { BodyEntity, BodyPartnershipEntity, BodyRelationshipEntity, BodyReportingLineEntity, BodyTermsHistoryEntity } from './body';
export * from './escalation-procedure';
import { EscalationProcedureEntity, EscalationStepEntity } from './escalation-procedure';
import { MeetingEntity } from './meeting';
import { AgendaEntity, AgendaItemEntity, AgendaVersionEntity, MeetingActionNotesEntity, RegionalProcedureChapterEntity } from './agenda';
import { StrategicActionEntity, StrategicPriorityEntity, SuccessMeasurementEntity, SuccessStatementEntity } from './strategic-plan';
import { PartnershipEntity } from './partnership';
import {
  ArrangementDocumentEntity,
  BudgetContributionEntity,
  BudgetEntity,
  LeadSafeguardingPartnerEntity,
  PopulationFigureEntity,
  RegionalProcedureAdoptionEntity,
  RegionalProcedureEntity,
  StatutoryFunctionEntity,
} from './partnership-facts';
import { StrategicPlanEntity, StrategicPriorityVersionEntity, SuccessStatementVersionEntity } from './strategic-plan-edits';
import { RegionalProcedureAdoptionChapterEntity } from './regional-procedure-edits';

export const entities = [
  PartnershipEntity,
  StatutoryFunctionEntity,
  LeadSafeguardingPartnerEntity,
  ArrangementDocumentEntity,
  BudgetEntity,
  BudgetContributionEntity,
  PopulationFigureEntity,
  BodyEntity,
  BodyPartnershipEntity,
  BodyRelationshipEntity,
  BodyTermsHistoryEntity,
  BodyReportingLineEntity,
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
  StrategicPlanEntity,
  StrategicPriorityVersionEntity,
  SuccessStatementVersionEntity,
  RegionalProcedureAdoptionChapterEntity,
];
