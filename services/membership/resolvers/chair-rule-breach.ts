import type { Resolvers } from '../generated/graphql';

export const chairRuleBreachResolvers: Resolvers = {
  ChairRuleBreach: {
    appointment: async (breach, _args, { loaders }) => (await loaders.membership.load(breach.appointmentId))!,
  },
};
