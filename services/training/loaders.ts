import type { DataSource } from 'typeorm';
import { loaderByKey, loaderOfMany, rowsWhereAnyOf } from '@safeguarding/subgraph-runtime';
import {
  CourseEntity,
  CoursePartnershipEntity,
  CourseThemeEntity,
  ImpactEvidenceEntity,
  TrainingBookingEntity,
  TrainingBookingNoticeEntity,
  TrainingSessionChangeEntity,
  TrainingSessionEntity,
} from './entities';

/** Per-request loaders: every relation of this subgraph is one batched query per level. */
export function createLoaders(dataSource: DataSource) {
  return {
    course: loaderByKey<string, CourseEntity>(
      (ids) => rowsWhereAnyOf(dataSource, CourseEntity, 'id', ids),
      (row) => row.id,
    ),
    session: loaderByKey<string, TrainingSessionEntity>(
      (ids) => rowsWhereAnyOf(dataSource, TrainingSessionEntity, 'id', ids),
      (row) => row.id,
    ),
    booking: loaderByKey<string, TrainingBookingEntity>(
      (ids) => rowsWhereAnyOf(dataSource, TrainingBookingEntity, 'id', ids),
      (row) => row.id,
    ),
    themesByCourse: loaderOfMany<string, CourseThemeEntity>(
      (ids) => rowsWhereAnyOf(dataSource, CourseThemeEntity, 'courseId', ids, ['themeId']),
      (row) => row.courseId,
    ),
    coursesByTheme: loaderOfMany<string, CourseThemeEntity>(
      (ids) => rowsWhereAnyOf(dataSource, CourseThemeEntity, 'themeId', ids),
      (row) => row.themeId,
    ),
    partnershipsByCourse: loaderOfMany<string, CoursePartnershipEntity>(
      (ids) => rowsWhereAnyOf(dataSource, CoursePartnershipEntity, 'courseId', ids, ['partnershipId']),
      (row) => row.courseId,
    ),
    coursesByPartnership: loaderOfMany<string, CoursePartnershipEntity>(
      (ids) => rowsWhereAnyOf(dataSource, CoursePartnershipEntity, 'partnershipId', ids),
      (row) => row.partnershipId,
    ),
    sessionsByCourse: loaderOfMany<string, TrainingSessionEntity>(
      (ids) => rowsWhereAnyOf(dataSource, TrainingSessionEntity, 'courseId', ids, ['heldOn', 'id']),
      (row) => row.courseId,
    ),
    bookingsBySession: loaderOfMany<string, TrainingBookingEntity>(
      (ids) => rowsWhereAnyOf(dataSource, TrainingBookingEntity, 'sessionId', ids, ['organisationId']),
      (row) => row.sessionId,
    ),
    evidenceByCourse: loaderOfMany<string, ImpactEvidenceEntity>(
      (ids) => rowsWhereAnyOf(dataSource, ImpactEvidenceEntity, 'courseId', ids, ['recordedOn', 'id']),
      (row) => row.courseId,
    ),
    evidenceByPartnership: loaderOfMany<string, ImpactEvidenceEntity>(
      (ids) => rowsWhereAnyOf(dataSource, ImpactEvidenceEntity, 'partnershipId', ids, ['recordedOn', 'id']),
      (row) => row.partnershipId,
    ),
    /** A session's reschedules and cancellation, oldest first. */
    changesBySession: loaderOfMany<string, TrainingSessionChangeEntity>(
      (ids) => rowsWhereAnyOf(dataSource, TrainingSessionChangeEntity, 'sessionId', ids, ['recordedAt', 'id']),
      (row) => row.sessionId,
    ),
    sessionChange: loaderByKey<string, TrainingSessionChangeEntity>(
      (ids) => rowsWhereAnyOf(dataSource, TrainingSessionChangeEntity, 'id', ids),
      (row) => row.id,
    ),
    /** The changes each booking was told of (resolved through sessionChange). */
    noticesByBooking: loaderOfMany<string, TrainingBookingNoticeEntity>(
      (ids) => rowsWhereAnyOf(dataSource, TrainingBookingNoticeEntity, 'bookingId', ids),
      (row) => row.bookingId,
    ),
  };
}

export type TrainingLoaders = ReturnType<typeof createLoaders>;
