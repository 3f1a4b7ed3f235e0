import { parseAgendaCandidatesKey } from '@safeguarding/federated-keys';
import { badUserInput, sourceCitationResolvers } from '@safeguarding/subgraph-runtime';
import type { Resolvers } from '../generated/graphql';
import type { AgendaCandidatesParent } from '../models';

/**
 * Resolvers of the @shareable types every subgraph declares alike (the federation contract):
 * kept in this one file so they go in one step when the shared contract package provides them.
 */
export const contractResolvers: Resolvers = {
  SourceCitation: sourceCitationResolvers,
  AgendaCandidates: {
    __resolveReference: (reference) => {
      const key = parseAgendaCandidatesKey(reference.id);
      if (!key) throw badUserInput(`"${reference.id.slice(0, 80)}" is not an agenda-candidates id`);
      return { ...key, bodyQuorumRules: (reference as unknown as AgendaCandidatesParent).bodyQuorumRules };
    },
  },
};
