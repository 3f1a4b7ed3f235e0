export * from './theme';
export * from './review-kind';
export * from './review';
import { ThemeEntity } from './theme';
import { PartnershipEntity, ReviewClockEntity, ReviewKindEntity } from './review-kind';
import { ActionPlanActionEntity, LearningPointEntity, ReviewEntity, ReviewForCountsEntity, ReviewThemeEntity } from './review';

export const entities = [
  ThemeEntity,
  PartnershipEntity,
  ReviewKindEntity,
  ReviewClockEntity,
  ReviewEntity,
  ReviewForCountsEntity,
  ReviewThemeEntity,
  LearningPointEntity,
  ActionPlanActionEntity,
];
