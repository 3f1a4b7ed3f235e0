import type { Resolvers } from '../generated/graphql';
import type { AgendaCandidatesParent } from '../models';
import { learningGapCandidates } from '../operations/agenda';

export const agendaCandidatesResolvers: Resolvers = {
  AgendaCandidates: {
    learningGaps: (parent, _args, { caller, loaders }) => learningGapCandidates(parent as unknown as AgendaCandidatesParent, caller, loaders),
  },
};
