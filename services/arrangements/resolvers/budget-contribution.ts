import { moneyFromPence } from '@safeguarding/subgraph-runtime';
import type { Resolvers } from '../generated/graphql';
import { organisationReference } from '../models';

export const budgetContributionResolvers: Resolvers = {
  BudgetContribution: {
    organisation: (contribution) => organisationReference(contribution.organisationId),
    amount: (contribution) => moneyFromPence(contribution.amountMinorUnits),
  },
};
