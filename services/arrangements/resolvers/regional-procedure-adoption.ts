import type { Resolvers } from '../generated/graphql';

export const regionalProcedureAdoptionResolvers: Resolvers = {
  RegionalProcedureAdoption: {
    partnership: async (adoption, _args, { loaders }) => (await loaders.partnership.load(adoption.partnershipId))!,
    procedure: async (adoption, _args, { loaders }) => (await loaders.procedure.load(adoption.procedureId))!,
  },
};
