import type { Resolvers } from '../generated/graphql';
import { organisationReference } from '../models';

export const quorumRuleResolvers: Resolvers = {
  QuorumRule: {
    requiredOrganisations: (rule) => rule.requiredOrganisationIds.map(organisationReference),
  },
};
