import { parseAgendaCandidatesKey, parseComparisonKey } from '@safeguarding/federated-keys';
import { badUserInput, sourceCitationResolvers } from '@safeguarding/subgraph-runtime';
import type { Resolvers } from '../generated/graphql';

/**
 * Resolvers of the @shareable types every subgraph declares alike (the federation contract):
 * the comparison's and agenda candidates' reference resolvers and SourceCitation's fields. Kept in
 * this one file so they can be deleted together when the shared contract package provides them.
 */
export const contractResolvers: Resolvers = {
  PartnershipComparison: {
    __resolveReference: (reference) => {
      const key = parseComparisonKey(reference.id);
      if (!key) throw badUserInput(`"${reference.id.slice(0, 80)}" is not a comparison id (YYYY-MM-DD:slug,slug)`);
      return key;
    },
  },
  AgendaCandidates: {
    __resolveReference: (reference) => {
      const parsed = parseAgendaCandidatesKey(reference.id);
      if (!parsed) throw badUserInput(`"${reference.id.slice(0, 80)}" is not an agenda-candidates id`);
      return parsed;
    },
  },
  SourceCitation: sourceCitationResolvers,
};
