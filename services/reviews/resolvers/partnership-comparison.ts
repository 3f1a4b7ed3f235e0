import type { Resolvers } from '../generated/graphql';
import { comparisonReviewRows } from '../operations/partnership-comparison';

export const partnershipComparisonResolvers: Resolvers = {
  PartnershipComparison: {
    reviews: (comparison, _args, { loaders }) => comparisonReviewRows(comparison, loaders),
  },
};
