import type { Resolvers } from '../generated/graphql';
import { describeClock } from '../rules/clock';

export const reviewClockResolvers: Resolvers = {
  ReviewClock: {
    reviewKind: async (clock, _args, { loaders }) => (await loaders.reviewKind.load(clock.reviewKindId))!,
    partnership: (clock) => (clock.partnershipId ? { id: clock.partnershipId } : null),
    description: (clock) => describeClock(clock),
  },
};
