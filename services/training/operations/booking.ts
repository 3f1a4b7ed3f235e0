import { randomUUID } from 'node:crypto';
import { badUserInput, conflict, notFound, notPermitted, todayInEngland } from '@safeguarding/subgraph-runtime';
import type { OrganisationSector } from '@safeguarding/packs';
import { mayActOnCourse } from '../access';
import type { TrainingOperationContext } from '../context';
import { TrainingBookingEntity, TrainingSessionEntity } from '../entities';
import { attendanceProblems, bookingProblems } from '../rules/booking-rules';

const refuse = (problems: string[], field: string) => badUserInput(`${problems.join('; ')}.`, field);

export interface PlacesRequest {
  /** A well-formed session id (the resolver checks the form). */
  sessionId: string;
  /** A well-formed organisation slug from the membership registry. */
  organisationId: string;
  organisationSector: OrganisationSector;
  places: number;
}

/**
 * Books places on a session for one agency, adding to the agency's existing booking. Refuses a
 * caller outside the partnerships offering the course, places outside the booking rules, a past
 * session, and more places than are left (CONFLICT, nothing changed).
 */
export async function bookTrainingPlaces(
  { caller, dataSource, loaders }: TrainingOperationContext,
  request: PlacesRequest,
  // A parameter so a test can book a seeded session whatever the date it runs on.
  today: string = todayInEngland(),
): Promise<TrainingBookingEntity> {
  const { organisationId } = request;
  const session = await loaders.session.load(request.sessionId);
  if (!session) throw notFound(`No training session has the id "${request.sessionId}"; query course { sessions { id } } for the ids.`);
  if (!(await mayActOnCourse(caller, 'bookPlaces', session.courseId, loaders))) {
    throw notPermitted(caller, 'Only members and admins of a partnership offering this course may book places on it.');
  }
  if (session.status === 'CANCELLED') {
    throw badUserInput(
      `The session on ${session.heldOn} was cancelled by the organiser (${session.cancellationReason}); choose another session of the course.`,
      'sessionId',
    );
  }
  // Checks that need no stored state first, so bad input is refused before any lock is taken.
  const stateless = bookingProblems({ placesAlreadyHeld: 0, places: request.places, sessionHeldOn: session.heldOn, today });
  if (stateless.length > 0) throw refuse(stateless, 'places');

  const bookingId = await dataSource.transaction(async (manager) => {
    // The capacity guard and the counter in one statement: concurrent bookings queue on the row
    // lock, and each sees the places the previous one left, so exactly capacity places are sold.
    const claimed = await manager
      .createQueryBuilder()
      .update(TrainingSessionEntity)
      .set({ bookedPlaces: () => 'booked_places + :places' })
      .where("id = :id AND booked_places + :places <= capacity AND status = 'SCHEDULED'", { id: session.id, places: request.places })
      .execute();
    if (claimed.affected !== 1) {
      const current = await manager.getRepository(TrainingSessionEntity).findOneByOrFail({ id: session.id });
      if (current.status === 'CANCELLED')
        throw conflict(`The session on ${session.heldOn} was cancelled by the organiser meanwhile; choose another session of the course.`);
      const left = current.capacity - current.bookedPlaces;
      throw conflict(
        left === 0
          ? `The session on ${session.heldOn} is full (${current.capacity} places); choose another session of the course.`
          : `Only ${left} of ${current.capacity} places are left on the session on ${session.heldOn}; book at most ${left}.`,
      );
    }
    // The session row is locked until commit, so this agency's existing places cannot change under us.
    const bookings = manager.getRepository(TrainingBookingEntity);
    const existing = await bookings.findOneBy({ sessionId: session.id, organisationId });
    const problems = bookingProblems({ placesAlreadyHeld: existing?.places ?? 0, places: request.places, sessionHeldOn: session.heldOn, today });
    if (problems.length > 0) throw refuse(problems, 'places');
    if (existing) {
      await bookings.update({ id: existing.id }, { places: existing.places + request.places, organisationSector: request.organisationSector, bookedOn: today });
      return existing.id;
    }
    const id = randomUUID();
    await bookings.insert({
      id,
      sessionId: session.id,
      organisationId,
      organisationSector: request.organisationSector,
      places: request.places,
      attendedPlaces: null,
      bookedOn: today,
      synthetic: false,
    });
    return id;
  });
  // The session's counter changed: later fields in this request must read it afresh.
  loaders.session.clear(session.id);
  return dataSource.getRepository(TrainingBookingEntity).findOneByOrFail({ id: bookingId });
}

/** Records how many of a booking's places were attended, once the session has taken place (partnership admins only). */
export async function recordTrainingAttendance(
  { caller, dataSource, loaders }: TrainingOperationContext,
  bookingId: string,
  attendedPlaces: number,
): Promise<TrainingBookingEntity> {
  const booking = await loaders.booking.load(bookingId);
  if (!booking) throw notFound(`No booking has the id "${bookingId}"; query trainingSession { bookings { id } } for the ids.`);
  const session = (await loaders.session.load(booking.sessionId))!;
  if (!(await mayActOnCourse(caller, 'recordAttendance', session.courseId, loaders))) {
    throw notPermitted(caller, 'Only admins of a partnership offering this course may record attendance.');
  }
  if (booking.status !== 'BOOKED')
    throw badUserInput(
      `The booking was ${booking.statusReason ? `cancelled by the organiser (${booking.statusReason})` : 'cancelled'}; there is no attendance to record.`,
      'bookingId',
    );
  const problems = attendanceProblems({ attendedPlaces, bookedPlaces: booking.places, sessionHeldOn: session.heldOn, today: todayInEngland() });
  if (problems.length > 0) throw refuse(problems, 'attendedPlaces');
  // Places can only grow (by another booking) meanwhile; the CHECK keeps attended <= places.
  await dataSource.getRepository(TrainingBookingEntity).update({ id: booking.id }, { attendedPlaces });
  return dataSource.getRepository(TrainingBookingEntity).findOneByOrFail({ id: booking.id });
}
