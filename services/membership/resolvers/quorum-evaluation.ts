import { isLoaded } from '@safeguarding/subgraph-runtime';
import type { OrganisationEntity } from '../entities';
import type { Resolvers } from '../generated/graphql';

export const quorumEvaluationResolvers: Resolvers = {
  QuorumEvaluation: {
    missingAgencies: async (quorum, _args, { loaders }) =>
      (await loaders.organisation.loadMany(quorum.missingOrganisationIds)).filter(isLoaded<OrganisationEntity>),
    representedAgencies: async (quorum, _args, { loaders }) =>
      (await loaders.organisation.loadMany(quorum.representedOrganisationIds)).filter(isLoaded<OrganisationEntity>),
  },
};
