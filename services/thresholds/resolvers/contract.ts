import { parseComparisonKey } from '@safeguarding/federated-keys';
import { badUserInput, sourceCitationResolvers } from '@safeguarding/subgraph-runtime';
import type { Resolvers } from '../generated/graphql';

/**
 * Resolvers of the @shareable types every subgraph declares alike (their reference resolvers and
 * SourceCitation). Kept in this one file so they can be deleted here when the shared
 * federation-contract package provides them.
 */
export const contractResolvers: Resolvers = {
  SourceCitation: sourceCitationResolvers,
  PartnershipComparison: {
    __resolveReference: (reference) => {
      const key = parseComparisonKey(reference.id);
      if (!key) throw badUserInput(`"${reference.id.slice(0, 80)}" is not a comparison id`);
      return key;
    },
  },
};
