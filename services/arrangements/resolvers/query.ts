import { arrangementsPackSection } from '../operations/pack';
import { isUuid, slugArgument, todayInEngland } from '@safeguarding/subgraph-runtime';
import type { Resolvers } from '../generated/graphql';
import { bodyAsOf } from '../operations/body-records';
import { startComparison } from '../operations/comparison';
import { listPartnerships, listRegionalProcedures } from '../operations/partnerships';

export const queryResolvers: Resolvers = {
  Query: {
    arrangementsPackSection: (_parent, { scope }, context) => arrangementsPackSection(context, scope),
    partnerships: (_root, _args, context) => listPartnerships(context),
    partnership: (_root, { slug }, { loaders }) => loaders.partnership.load(slugArgument(slug)),
    body: async (_root, { id, asOf }, { loaders }) => {
      const body = id.length > 200 ? null : await loaders.body.load(id);
      return body ? bodyAsOf(body, asOf ?? todayInEngland(), loaders) : null;
    },
    regionalProcedures: (_root, _args, context) => listRegionalProcedures(context),
    meeting: (_root, { id }, { loaders }) => (isUuid(id) ? loaders.meeting.load(id) : null),
    comparePartnerships: (_root, { slugs, asOf }, { loaders }) => startComparison(slugs, asOf, loaders),
  },
};
