import type { Resolvers } from '../generated/graphql';
import { comparedPartnerships, governanceRows } from '../operations/comparison';

/** This subgraph's sections of the shared PartnershipComparison; its reference resolver comes from the federation contract. */
export const partnershipComparisonResolvers: Resolvers = {
  PartnershipComparison: {
    partnerships: (comparison, _args, { loaders }) => comparedPartnerships(comparison, loaders),
    governance: (comparison, _args, { loaders }) => governanceRows(comparison, loaders),
  },
};
