import type { Resolvers } from '../generated/graphql';

export const trainingSessionChangeResolvers: Resolvers = {
  TrainingSessionChange: {
    previousDate: (change) => change.previousHeldOn,
    previousStartTime: (change) => change.previousStartsAt,
    previousEndTime: (change) => change.previousEndsAt,
    date: (change) => change.heldOn,
    startTime: (change) => change.startsAt,
    endTime: (change) => change.endsAt,
  },
};
