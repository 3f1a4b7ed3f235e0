import { isLoaded } from '@safeguarding/subgraph-runtime';
import type { TrainingSessionChangeEntity, TrainingSessionEntity } from '../entities';
import type { Resolvers } from '../generated/graphql';

export const trainingBookingResolvers: Resolvers = {
  TrainingBooking: {
    session: async (booking, _args, { loaders }) => (await loaders.session.load(booking.sessionId)) as TrainingSessionEntity,
    organisation: (booking) => ({ id: booking.organisationId }),
    notices: async (booking, _args, { loaders }) => {
      const links = await loaders.noticesByBooking.load(booking.id);
      const changes = (await loaders.sessionChange.loadMany(links.map((link) => link.changeId))).filter(isLoaded<TrainingSessionChangeEntity>);
      return changes.sort((a, b) => a.recordedAt.getTime() - b.recordedAt.getTime() || a.id.localeCompare(b.id));
    },
  },
};
