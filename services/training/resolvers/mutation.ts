import { badUserInput, isUuid, slugArgument } from '@safeguarding/subgraph-runtime';
import type { Resolvers } from '../generated/graphql';
import { bookTrainingPlaces, recordTrainingAttendance } from '../operations/booking';
import { applyTrainingPack } from '../operations/pack';
import {
  cancelTrainingSession,
  changeSessionCapacity,
  createCourse,
  recordTrainingEvaluation,
  rescheduleTrainingSession,
  retireCourse,
  scheduleTrainingSession,
  updateCourse,
} from '../operations/programme-records';

const COURSE_ID = /^[a-z0-9][a-z0-9.-]{0,127}$/;

function sessionIdArgument(id: string, field: string): string {
  if (!isUuid(id)) throw badUserInput(`${field} "${id.slice(0, 60)}" is not a session id; query course { sessions { id } } for the ids.`, field);
  return id;
}

function courseIdArgument(id: string, field: string): string {
  if (!COURSE_ID.test(id)) {
    throw badUserInput(`${field} "${id.slice(0, 60)}" is not a course id; course ids look like telford-and-wrekin.neglect-recognising-and-responding.`, field);
  }
  return id;
}

const optionalSlug = (value: string | null | undefined, field: string) => (value == null ? null : slugArgument(value, field));

export const mutationResolvers: Resolvers = {
  Mutation: {
    // The operation checks the scope and reads the text against the section's schema (problems with line and column).
    applyTrainingPackSection: (_root, { scope, text, dryRun }, context) => applyTrainingPack(context, scope, text, dryRun),
    bookTrainingPlaces: (_root, { input }, context) => {
      const sessionId = sessionIdArgument(input.sessionId, 'sessionId');
      const organisationId = slugArgument(input.organisationId, 'organisationId');
      return bookTrainingPlaces(context, { sessionId, organisationId, organisationSector: input.organisationSector, places: input.places });
    },
    recordTrainingAttendance: (_root, { bookingId, attendedPlaces }, context) => {
      if (!isUuid(bookingId))
        throw badUserInput(`bookingId "${bookingId.slice(0, 60)}" is not a booking id; query trainingSession { bookings { id } } for the ids.`, 'bookingId');
      return recordTrainingAttendance(context, bookingId, attendedPlaces);
    },
    createCourse: (_root, { input }, context) => {
      const partnershipIds = input.partnershipIds.map((id) => slugArgument(id, 'partnershipIds'));
      return createCourse(context, partnershipIds, {
        title: input.title,
        summary: input.summary,
        themeIds: input.themeIds,
        audience: input.audience,
        level: input.level,
        informedBy: input.informedBy,
        providerOrganisationId: optionalSlug(input.providerOrganisationId, 'providerOrganisationId'),
      });
    },
    updateCourse: (_root, { id, expectedVersion, input }, context) =>
      updateCourse(context, courseIdArgument(id, 'id'), expectedVersion, {
        title: input.title ?? undefined,
        summary: input.summary ?? undefined,
        themeIds: input.themeIds ?? undefined,
        audience: input.audience ?? undefined,
        level: input.level ?? undefined,
        informedBy: input.informedBy ?? undefined,
        providerOrganisationId: optionalSlug(input.providerOrganisationId, 'providerOrganisationId'),
      }),
    retireCourse: (_root, { id, expectedVersion, retiredOn }, context) => retireCourse(context, courseIdArgument(id, 'id'), expectedVersion, retiredOn),
    scheduleTrainingSession: (_root, { input }, context) =>
      scheduleTrainingSession(context, {
        courseId: courseIdArgument(input.courseId, 'courseId'),
        date: input.date,
        startTime: input.startTime,
        endTime: input.endTime,
        deliveryMethod: input.deliveryMethod,
        venue: input.venue,
        virtualLink: input.virtualLink,
        capacity: input.capacity,
      }),
    rescheduleTrainingSession: (_root, { id, expectedVersion, input }, context) =>
      rescheduleTrainingSession(context, sessionIdArgument(id, 'id'), expectedVersion, input),
    cancelTrainingSession: (_root, { id, expectedVersion, reason }, context) =>
      cancelTrainingSession(context, sessionIdArgument(id, 'id'), expectedVersion, reason),
    changeSessionCapacity: (_root, { id, expectedVersion, capacity }, context) =>
      changeSessionCapacity(context, sessionIdArgument(id, 'id'), expectedVersion, capacity),
    recordTrainingEvaluation: (_root, { input }, context) =>
      recordTrainingEvaluation(context, {
        courseId: courseIdArgument(input.courseId, 'courseId'),
        partnershipId: input.partnershipId,
        kind: input.kind,
        recordedOn: input.recordedOn,
        summary: input.summary,
      }),
  },
};
