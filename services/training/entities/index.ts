export * from './course';
import {
  CourseEntity,
  CoursePartnershipEntity,
  CourseThemeEntity,
  ImpactEvidenceEntity,
  TrainingBookingEntity,
  TrainingBookingNoticeEntity,
  TrainingSessionChangeEntity,
  TrainingSessionEntity,
} from './course';

export const entities = [
  CourseEntity,
  CourseThemeEntity,
  CoursePartnershipEntity,
  TrainingSessionEntity,
  TrainingBookingEntity,
  ImpactEvidenceEntity,
  TrainingSessionChangeEntity,
  TrainingBookingNoticeEntity,
];
