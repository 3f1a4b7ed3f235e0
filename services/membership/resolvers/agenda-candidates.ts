import type { Resolvers } from '../generated/graphql';
import type { AgendaCandidatesParent } from '../models';
import { quorumFailureCandidates } from '../operations/agenda-candidates';

export const agendaCandidatesResolvers: Resolvers = {
  AgendaCandidates: {
    // Filtered per body by who may see its quorum failures (access.ts).
    membership: (parent, _args, { caller, loaders }) => quorumFailureCandidates(parent as unknown as AgendaCandidatesParent, caller, loaders),
  },
};
