import { In, type DataSource } from 'typeorm';
import { loaderByKey, loaderOfMany } from '@safeguarding/subgraph-runtime';
import {
  CourseEntity,
  CoursePartnershipEntity,
  CourseThemeEntity,
  ImpactEvidenceEntity,
  TrainingBookingEntity,
  TrainingSessionEntity,
} from './entities';

/** Per-request loaders: every relation of this subgraph is one batched query per level. */
export function createLoaders(dataSource: DataSource) {
  const repository = dataSource.getRepository.bind(dataSource);
  return {
    course: loaderByKey<string, CourseEntity>((ids) => repository(CourseEntity).findBy({ id: In([...ids]) }), (row) => row.id),
    session: loaderByKey<string, TrainingSessionEntity>((ids) => repository(TrainingSessionEntity).findBy({ id: In([...ids]) }), (row) => row.id),
    booking: loaderByKey<string, TrainingBookingEntity>((ids) => repository(TrainingBookingEntity).findBy({ id: In([...ids]) }), (row) => row.id),
    themesByCourse: loaderOfMany<string, CourseThemeEntity>(
      (ids) => repository(CourseThemeEntity).find({ where: { courseId: In([...ids]) }, order: { themeId: 'ASC' } }),
      (row) => row.courseId,
    ),
    coursesByTheme: loaderOfMany<string, CourseThemeEntity>(
      (ids) => repository(CourseThemeEntity).find({ where: { themeId: In([...ids]) } }),
      (row) => row.themeId,
    ),
    partnershipsByCourse: loaderOfMany<string, CoursePartnershipEntity>(
      (ids) => repository(CoursePartnershipEntity).find({ where: { courseId: In([...ids]) }, order: { partnershipId: 'ASC' } }),
      (row) => row.courseId,
    ),
    coursesByPartnership: loaderOfMany<string, CoursePartnershipEntity>(
      (ids) => repository(CoursePartnershipEntity).find({ where: { partnershipId: In([...ids]) } }),
      (row) => row.partnershipId,
    ),
    sessionsByCourse: loaderOfMany<string, TrainingSessionEntity>(
      (ids) => repository(TrainingSessionEntity).find({ where: { courseId: In([...ids]) }, order: { heldOn: 'ASC', id: 'ASC' } }),
      (row) => row.courseId,
    ),
    bookingsBySession: loaderOfMany<string, TrainingBookingEntity>(
      (ids) => repository(TrainingBookingEntity).find({ where: { sessionId: In([...ids]) }, order: { organisationId: 'ASC' } }),
      (row) => row.sessionId,
    ),
    evidenceByCourse: loaderOfMany<string, ImpactEvidenceEntity>(
      (ids) => repository(ImpactEvidenceEntity).find({ where: { courseId: In([...ids]) }, order: { recordedOn: 'ASC', id: 'ASC' } }),
      (row) => row.courseId,
    ),
    evidenceByPartnership: loaderOfMany<string, ImpactEvidenceEntity>(
      (ids) => repository(ImpactEvidenceEntity).find({ where: { partnershipId: In([...ids]) }, order: { recordedOn: 'ASC', id: 'ASC' } }),
      (row) => row.partnershipId,
    ),
  };
}

export type TrainingLoaders = ReturnType<typeof createLoaders>;
