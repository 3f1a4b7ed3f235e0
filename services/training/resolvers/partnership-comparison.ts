import type { Resolvers } from '../generated/graphql';
import { trainingComparisonRows } from '../operations/comparison';

/** The training section of the analysts' comparison; reach is shown only to those who may read it. */
export const partnershipComparisonResolvers: Resolvers = {
  PartnershipComparison: {
    training: (comparison, _args, { caller, loaders }) => trainingComparisonRows(comparison, caller, loaders),
  },
};
