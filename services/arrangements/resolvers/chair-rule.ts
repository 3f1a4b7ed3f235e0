import type { Resolvers } from '../generated/graphql';
import { organisationReference } from '../models';

export const chairRuleResolvers: Resolvers = {
  ChairRule: {
    organisation: (rule) => (rule.organisationId ? organisationReference(rule.organisationId) : null),
    post: (rule) => rule.post ?? null,
    appointedBy: (rule) => rule.appointedBy ?? null,
  },
};
