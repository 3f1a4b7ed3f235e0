import type { CourseEntity, TrainingBookingEntity, TrainingSessionEntity } from '../entities';
import type { Resolvers } from '../generated/graphql';
import { notPermitted } from '@safeguarding/subgraph-runtime';
import { mayAct } from '../rules/training-access';
import { roundTo } from '../rules/rounding';
import { offeringPartnershipIds, present } from './programme';

const byTitle = (a: CourseEntity, b: CourseEntity) => a.title.localeCompare(b.title) || a.id.localeCompare(b.id);

export const courseResolvers: Resolvers = {
  Course: {
    __resolveReference: (reference, { loaders }) => loaders.course.load(reference.id),
    themes: async (course, _args, { loaders }) => (await loaders.themesByCourse.load(course.id)).map((link) => ({ id: link.themeId })),
    offeredBy: async (course, _args, { loaders }) => (await offeringPartnershipIds(course.id, loaders)).map((id) => ({ id })),
    sessions: async (course, { from, to }, { loaders }) =>
      (await loaders.sessionsByCourse.load(course.id)).filter((session) => (!from || session.heldOn >= from) && (!to || session.heldOn <= to)),
    impactEvidence: (course, _args, { loaders }) => loaders.evidenceByCourse.load(course.id),
  },
  TrainingSession: {
    __resolveReference: (reference, { loaders }) => loaders.session.load(reference.id),
    date: (session) => session.heldOn,
    course: async (session, _args, { loaders }) => (await loaders.course.load(session.courseId)) as CourseEntity,
    placesLeft: (session) => session.capacity - session.bookedPlaces,
    feedback: (session) =>
      session.feedbackResponses && session.feedbackRatingTotal !== null
        ? {
            responses: session.feedbackResponses,
            averageRating: roundTo(session.feedbackRatingTotal / session.feedbackResponses, 2),
            willChangePracticeShare: roundTo((session.feedbackWillChangePractice ?? 0) / session.feedbackResponses, 4),
          }
        : null,
    bookings: async (session, _args, { caller, loaders }) => {
      if (!mayAct(caller, 'readBookings', await offeringPartnershipIds(session.courseId, loaders))) {
        throw notPermitted(caller, 'Bookings are visible to analysts and to members of a partnership offering the course; ask for a token with one of those roles.');
      }
      return loaders.bookingsBySession.load(session.id);
    },
  },
  TrainingBooking: {
    session: async (booking, _args, { loaders }) => (await loaders.session.load(booking.sessionId)) as TrainingSessionEntity,
    organisation: (booking: TrainingBookingEntity) => ({ id: booking.organisationId }),
  },
  ImpactEvidence: {
    course: async (evidence, _args, { loaders }) => (await loaders.course.load(evidence.courseId)) as CourseEntity,
    partnership: (evidence) => ({ id: evidence.partnershipId }),
  },
  Theme: {
    __resolveReference: (reference) => ({ id: reference.id }),
    courses: async (theme, _args, { loaders }) => {
      const links = await loaders.coursesByTheme.load(theme.id);
      return (await loaders.course.loadMany(links.map((link) => link.courseId))).filter(present<CourseEntity>).sort(byTitle);
    },
    trainingSessionsSince: async (theme, { date }, { loaders }) => {
      const links = await loaders.coursesByTheme.load(theme.id);
      const perCourse = await loaders.sessionsByCourse.loadMany(links.map((link) => link.courseId));
      return perCourse
        .filter(present<TrainingSessionEntity[]>)
        .flat()
        .filter((session) => session.heldOn >= date)
        .sort((a, b) => a.heldOn.localeCompare(b.heldOn) || a.id.localeCompare(b.id));
    },
  },
};
