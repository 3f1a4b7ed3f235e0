import { randomUUID } from 'node:crypto';
import { badUserInput, conflict, notPermitted, notFound, slugArgument, todayInEngland } from '@safeguarding/subgraph-runtime';
import { TrainingBookingEntity, TrainingSessionEntity } from '../entities';
import type { Resolvers } from '../generated/graphql';
import { attendanceProblems, bookingProblems } from '../rules/booking-rules';
import { mayAct } from '../rules/training-access';
import { isUuid, offeringPartnershipIds } from './programme';

const refuse = (problems: string[], field: string) => badUserInput(`${problems.join('; ')}.`, field);

export const mutationResolvers: Resolvers = {
  Mutation: {
    bookTrainingPlaces: async (_root, { input }, { caller, dataSource, loaders }) => {
      if (!isUuid(input.sessionId)) throw badUserInput(`sessionId "${input.sessionId.slice(0, 60)}" is not a session id; query course { sessions { id } } for the ids.`, 'sessionId');
      const organisationId = slugArgument(input.organisationId, 'organisationId');
      const session = await loaders.session.load(input.sessionId);
      if (!session) throw notFound(`No training session has the id "${input.sessionId}"; query course { sessions { id } } for the ids.`);
      if (!mayAct(caller, 'bookPlaces', await offeringPartnershipIds(session.courseId, loaders))) {
        throw notPermitted(caller, 'Only members and admins of a partnership offering this course may book places on it.');
      }
      const today = todayInEngland();
      // Checks that need no stored state first, so bad input is refused before any lock is taken.
      const stateless = bookingProblems({ placesAlreadyHeld: 0, places: input.places, sessionHeldOn: session.heldOn, today });
      if (stateless.length > 0) throw refuse(stateless, 'places');

      const bookingId = await dataSource.transaction(async (manager) => {
        // The capacity guard and the counter in one statement: concurrent bookings queue on the row
        // lock, and each sees the places the previous one left, so exactly capacity places are sold.
        const claimed = await manager
          .createQueryBuilder()
          .update(TrainingSessionEntity)
          .set({ bookedPlaces: () => 'booked_places + :places' })
          .where('id = :id AND booked_places + :places <= capacity', { id: session.id, places: input.places })
          .execute();
        if (claimed.affected !== 1) {
          const current = await manager.getRepository(TrainingSessionEntity).findOneByOrFail({ id: session.id });
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
        const problems = bookingProblems({ placesAlreadyHeld: existing?.places ?? 0, places: input.places, sessionHeldOn: session.heldOn, today });
        if (problems.length > 0) throw refuse(problems, 'places');
        if (existing) {
          await bookings.update(
            { id: existing.id },
            { places: existing.places + input.places, organisationSector: input.organisationSector, bookedOn: today },
          );
          return existing.id;
        }
        const id = randomUUID();
        await bookings.insert({
          id,
          sessionId: session.id,
          organisationId,
          organisationSector: input.organisationSector,
          places: input.places,
          attendedPlaces: null,
          bookedOn: today,
          synthetic: false,
        });
        return id;
      });
      // The session's counter changed: later fields in this request must read it afresh.
      loaders.session.clear(session.id);
      return dataSource.getRepository(TrainingBookingEntity).findOneByOrFail({ id: bookingId });
    },

    recordTrainingAttendance: async (_root, { bookingId, attendedPlaces }, { caller, dataSource, loaders }) => {
      if (!isUuid(bookingId)) throw badUserInput(`bookingId "${bookingId.slice(0, 60)}" is not a booking id; query trainingSession { bookings { id } } for the ids.`, 'bookingId');
      const booking = await loaders.booking.load(bookingId);
      if (!booking) throw notFound(`No booking has the id "${bookingId}"; query trainingSession { bookings { id } } for the ids.`);
      const session = (await loaders.session.load(booking.sessionId))!;
      if (!mayAct(caller, 'recordAttendance', await offeringPartnershipIds(session.courseId, loaders))) {
        throw notPermitted(caller, 'Only admins of a partnership offering this course may record attendance.');
      }
      const problems = attendanceProblems({ attendedPlaces, bookedPlaces: booking.places, sessionHeldOn: session.heldOn, today: todayInEngland() });
      if (problems.length > 0) throw refuse(problems, 'attendedPlaces');
      // Places can only grow (by another booking) meanwhile; the CHECK keeps attended <= places.
      await dataSource.getRepository(TrainingBookingEntity).update({ id: booking.id }, { attendedPlaces });
      return dataSource.getRepository(TrainingBookingEntity).findOneByOrFail({ id: booking.id });
    },
  },
};
