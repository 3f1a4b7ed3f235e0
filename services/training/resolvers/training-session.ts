import { notPermitted, todayInEngland } from '@safeguarding/subgraph-runtime';
import { mayActOnCourse } from '../access';
import type { CourseEntity } from '../entities';
import type { Resolvers } from '../generated/graphql';
import { practitionerFeedback } from '../rules/practitioner-feedback';

export const trainingSessionResolvers: Resolvers = {
  TrainingSession: {
    __resolveReference: (reference, { loaders }) => loaders.session.load(reference.id),
    date: (session) => session.heldOn,
    course: async (session, _args, { loaders }) => (await loaders.course.load(session.courseId)) as CourseEntity,
    placesLeft: (session) => session.capacity - session.bookedPlaces,
    startTime: (session) => session.startsAt,
    endTime: (session) => session.endsAt,
    virtualLink: async (session, _args, { caller, loaders }) =>
      session.virtualLink !== null &&
      ((await mayActOnCourse(caller, 'bookPlaces', session.courseId, loaders)) || (await mayActOnCourse(caller, 'readBookings', session.courseId, loaders)))
        ? session.virtualLink
        : null,
    changes: (session, _args, { loaders }) => loaders.changesBySession.load(session.id),
    viewerCanEdit: (session, _args, { caller, loaders }) => mayActOnCourse(caller, 'manageProgramme', session.courseId, loaders),
    viewerCanBook: async (session, _args, { caller, loaders }) =>
      session.status === 'SCHEDULED' && session.heldOn >= todayInEngland() && (await mayActOnCourse(caller, 'bookPlaces', session.courseId, loaders)),
    feedback: (session) => practitionerFeedback(session),
    bookings: async (session, _args, { caller, loaders }) => {
      if (!(await mayActOnCourse(caller, 'readBookings', session.courseId, loaders))) {
        throw notPermitted(
          caller,
          'Bookings are visible to analysts and to members of a partnership offering the course; ask for a token with one of those roles.',
        );
      }
      return loaders.bookingsBySession.load(session.id);
    },
  },
};
