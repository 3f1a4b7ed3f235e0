import { mayAct } from '../access';
import type { Resolvers } from '../generated/graphql';
import { adoptedChapters } from '../operations/regional-procedures';

export const regionalProcedureAdoptionResolvers: Resolvers = {
  RegionalProcedureAdoption: {
    partnership: async (adoption, _args, { loaders }) => (await loaders.partnership.load(adoption.partnershipId))!,
    procedure: async (adoption, _args, { loaders }) => (await loaders.procedure.load(adoption.procedureId))!,
    adoptedChapters: (adoption, _args, { loaders }) => adoptedChapters(adoption, loaders),
    viewerCanEdit: (adoption, _args, { caller }) => mayAct(caller, 'adoptRegionalProcedure', [adoption.partnershipId]),
  },
};
