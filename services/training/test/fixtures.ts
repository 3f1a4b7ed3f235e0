import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { CourseEntity, CoursePartnershipEntity, CourseThemeEntity, ImpactEvidenceEntity, TrainingBookingEntity, TrainingSessionEntity } from '../entities';
import type { DeliveryMethod, ImpactEvidenceKind, OrganisationSector } from '../rules/vocabulary';

/** Small hand-made fixtures inserted straight into the training schema, so expectations are worked out by hand. */
const FIXTURE_SOURCE = { document: 'test fixture', section: 'test', synthetic: true };

export interface FixtureBooking {
  organisationId: string;
  sector: OrganisationSector;
  places: number;
  attended?: number | null;
}

export interface FixtureSession {
  heldOn: string;
  deliveryMethod: DeliveryMethod;
  capacity: number;
  bookings?: FixtureBooking[];
  feedback?: { responses: number; ratingTotal: number; willChangePractice: number };
}

export async function insertCourse(
  dataSource: DataSource,
  course: { id: string; title?: string; partnershipIds: string[]; themeIds: string[] },
): Promise<void> {
  await dataSource.getRepository(CourseEntity).insert({
    id: course.id,
    title: course.title ?? `Fixture course ${course.id}`,
    summary: 'A course made for a test.',
    audience: 'WHOLE_WORKFORCE',
    level: 'FOUNDATION',
    informedBy: ['SAFEGUARDING_PRACTICE_REVIEW'],
    regionalProcedureChapters: [],
    source: FIXTURE_SOURCE,
  });
  if (course.themeIds.length > 0) {
    await dataSource.getRepository(CourseThemeEntity).insert(course.themeIds.map((themeId) => ({ courseId: course.id, themeId })));
  }
  await dataSource.getRepository(CoursePartnershipEntity).insert(course.partnershipIds.map((partnershipId) => ({ courseId: course.id, partnershipId })));
}

/** Inserts sessions with their bookings; returns the session ids in the order given. */
export async function insertSessions(dataSource: DataSource, courseId: string, sessions: FixtureSession[]): Promise<string[]> {
  const ids: string[] = [];
  for (const session of sessions) {
    const id = randomUUID();
    ids.push(id);
    const bookings = session.bookings ?? [];
    await dataSource.getRepository(TrainingSessionEntity).insert({
      id,
      courseId,
      heldOn: session.heldOn,
      deliveryMethod: session.deliveryMethod,
      capacity: session.capacity,
      bookedPlaces: bookings.reduce((total, booking) => total + booking.places, 0),
      feedbackResponses: session.feedback?.responses ?? null,
      feedbackRatingTotal: session.feedback?.ratingTotal ?? null,
      feedbackWillChangePractice: session.feedback?.willChangePractice ?? null,
      source: FIXTURE_SOURCE,
    });
    if (bookings.length > 0) {
      await dataSource.getRepository(TrainingBookingEntity).insert(
        bookings.map((booking) => ({
          id: randomUUID(),
          sessionId: id,
          organisationId: booking.organisationId,
          organisationSector: booking.sector,
          places: booking.places,
          attendedPlaces: booking.attended ?? null,
          bookedOn: session.heldOn,
          synthetic: true,
        })),
      );
    }
  }
  return ids;
}

export async function insertEvidence(
  dataSource: DataSource,
  courseId: string,
  partnershipId: string,
  kind: ImpactEvidenceKind,
  recordedOn: string,
): Promise<void> {
  await dataSource
    .getRepository(ImpactEvidenceEntity)
    .insert({ id: randomUUID(), courseId, partnershipId, kind, recordedOn, summary: 'Fixture evidence.', source: FIXTURE_SOURCE });
}
