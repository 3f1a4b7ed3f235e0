export * from './course';
import { CourseEntity, CoursePartnershipEntity, CourseThemeEntity, ImpactEvidenceEntity, TrainingBookingEntity, TrainingSessionEntity } from './course';

export const entities = [CourseEntity, CourseThemeEntity, CoursePartnershipEntity, TrainingSessionEntity, TrainingBookingEntity, ImpactEvidenceEntity];
