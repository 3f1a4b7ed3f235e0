import type { TrainingSessionEntity } from '../entities';
import type { Resolvers } from '../generated/graphql';

export const trainingBookingResolvers: Resolvers = {
  TrainingBooking: {
    session: async (booking, _args, { loaders }) => (await loaders.session.load(booking.sessionId)) as TrainingSessionEntity,
    organisation: (booking) => ({ id: booking.organisationId }),
  },
};
