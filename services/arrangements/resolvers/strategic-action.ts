import { mayEditActionPlan } from '../access';
import type { Resolvers } from '../generated/graphql';
import { organisationReference } from '../models';
import { ACTION_PLAN_HEADINGS } from '../rules/action-plan-template';

const HEADING_TEXT = Object.fromEntries(ACTION_PLAN_HEADINGS.map(({ heading, text }) => [heading, text]));

export const strategicActionResolvers: Resolvers = {
  StrategicAction: {
    headingText: (action) => HEADING_TEXT[action.heading] ?? action.heading,
    owner: (action) => (action.ownerOrganisationId ? organisationReference(action.ownerOrganisationId) : null),
    viewerCanEdit: async (action, _args, { caller, loaders }) => {
      const body = await loaders.body.load(action.bodyId);
      return body ? mayEditActionPlan(caller, body, loaders) : false;
    },
  },
};
