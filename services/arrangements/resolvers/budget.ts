import { moneyFromPence } from '@safeguarding/subgraph-runtime';
import type { Resolvers } from '../generated/graphql';
import { organisationReference } from '../models';

export const budgetResolvers: Resolvers = {
  Budget: {
    total: (budget) => moneyFromPence(budget.totalMinorUnits),
    accountableBody: (budget) => (budget.accountableBodyOrganisationId ? organisationReference(budget.accountableBodyOrganisationId) : null),
    contributions: (budget, _args, { loaders }) => loaders.contributions.load(budget.id),
  },
};
