import type { Resolvers } from '../generated/graphql';
import { thresholdsComparisonRows } from '../operations/comparison';

/** The thresholds section of the analysts' comparison: which model and levels each partnership uses. */
export const partnershipComparisonResolvers: Resolvers = {
  PartnershipComparison: {
    thresholds: (comparison, _args, { loaders }) => thresholdsComparisonRows(comparison, loaders),
  },
};
