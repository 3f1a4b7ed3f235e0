import { badUserInput, isUuid, slugArgument } from '@safeguarding/subgraph-runtime';
import type { Resolvers } from '../generated/graphql';
import { bookTrainingPlaces, recordTrainingAttendance } from '../operations/booking';

export const mutationResolvers: Resolvers = {
  Mutation: {
    bookTrainingPlaces: (_root, { input }, context) => {
      if (!isUuid(input.sessionId))
        throw badUserInput(`sessionId "${input.sessionId.slice(0, 60)}" is not a session id; query course { sessions { id } } for the ids.`, 'sessionId');
      const organisationId = slugArgument(input.organisationId, 'organisationId');
      return bookTrainingPlaces(context, { sessionId: input.sessionId, organisationId, organisationSector: input.organisationSector, places: input.places });
    },
    recordTrainingAttendance: (_root, { bookingId, attendedPlaces }, context) => {
      if (!isUuid(bookingId))
        throw badUserInput(`bookingId "${bookingId.slice(0, 60)}" is not a booking id; query trainingSession { bookings { id } } for the ids.`, 'bookingId');
      return recordTrainingAttendance(context, bookingId, attendedPlaces);
    },
  },
};
