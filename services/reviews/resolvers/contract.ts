import { parseAgendaCandidatesKey, parseComparisonKey } from '@safeguarding/federated-keys';
import { badUserInput, sourceCitationResolvers } from '@safeguarding/subgraph-runtime';
import type { Resolvers } from '../generated/graphql';

/**
 * Resolvers of the @shareable types every subgraph declares alike (the federation contract):
 * kept in this one file so they go in one step when the shared contract package provides them.
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
  AgendaCandidates: {
    __resolveReference: (reference) => {
      const key = parseAgendaCandidatesKey(reference.id);
      if (!key) throw badUserInput(`"${reference.id.slice(0, 80)}" is not an agenda-candidates id`);
      return key;
    },
  },
};
