export * from './partnership';
export * from './partnership-facts';
export * from './body';
export * from './meeting';
export * from './strategic-plan';
import { BodyEntity, BodyPartnershipEntity, BodyRelationshipEntity } from './body';
import { MeetingEntity } from './meeting';
import { StrategicActionEntity, StrategicPriorityEntity, SuccessMeasurementEntity, SuccessStatementEntity } from './strategic-plan';
import { PartnershipEntity } from './partnership';
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
];
