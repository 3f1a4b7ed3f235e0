import type { Resolvers } from '../generated/graphql';
import { flaggedNames } from '../operations/name-flags';

export const actionPlanActionResolvers: Resolvers = {
  ActionPlanAction: {
    owner: (action) => ({ id: action.ownerOrganisationId }),
    possiblePersonalNames: (action, _args, { caller, loaders }) => flaggedNames(action.description, action.reviewId, caller, loaders),
  },
};
