import type { Resolvers } from '../generated/graphql';
import { bodyQuorumRules, governanceCandidates } from '../operations/agenda-candidates';

/** This subgraph's sections of the shared AgendaCandidates; its reference resolver comes from the federation contract. */
export const agendaCandidatesResolvers: Resolvers = {
  AgendaCandidates: {
    governance: (window, _args, { loaders }) => governanceCandidates(window, loaders),
    bodyQuorumRules: (window, _args, { loaders }) => bodyQuorumRules(window, loaders),
  },
};
