import { comparisonKey } from '@safeguarding/federated-keys';
import { badUserInput, isUuid, slugArgument, todayInEngland } from '@safeguarding/subgraph-runtime';
import type { Resolvers } from '../generated/graphql';
import { bodyAsOf } from '../operations/body-records';
import { listPartnerships, listRegionalProcedures } from '../operations/partnerships';

const MAXIMUM_COMPARED_PARTNERSHIPS = 20;

export const queryResolvers: Resolvers = {
  Query: {
    partnerships: (_root, _args, context) => listPartnerships(context),
    partnership: (_root, { slug }, { loaders }) => loaders.partnership.load(slugArgument(slug)),
    body: async (_root, { id, asOf }, { loaders }) => {
      const body = id.length > 200 ? null : await loaders.body.load(id);
      return body ? bodyAsOf(body, asOf ?? todayInEngland(), loaders) : null;
    },
    regionalProcedures: (_root, _args, context) => listRegionalProcedures(context),
    meeting: (_root, { id }, { loaders }) => (isUuid(id) ? loaders.meeting.load(id) : null),
    comparePartnerships: (_root, { slugs, asOf }) => {
      if (slugs.length === 0) throw badUserInput('Give at least one partnership slug, e.g. ["shropshire", "solihull"].', 'slugs');
      if (slugs.length > MAXIMUM_COMPARED_PARTNERSHIPS) throw badUserInput(`Compare at most ${MAXIMUM_COMPARED_PARTNERSHIPS} partnerships at once.`, 'slugs');
      const partnershipIds = [...new Set(slugs.map((slug) => slugArgument(slug, 'slugs')))];
      const date = asOf ?? todayInEngland();
      return { id: comparisonKey(date, partnershipIds), asOf: date, partnershipSlugs: partnershipIds };
    },
  },
};
