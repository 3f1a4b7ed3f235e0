import { isUuid, notPermitted, slugArgument, todayInEngland } from '@safeguarding/subgraph-runtime';
import { learningCoverageDenied, mayAct } from '../access';
import type { Resolvers } from '../generated/graphql';
import { exportTrainingPack } from '../operations/pack';
import { defaultCoverageSince } from '../rules/financial-year';

export const queryResolvers: Resolvers = {
  Query: {
    // Ids are short slugs or uuids: anything else cannot exist, so it is answered without a query.
    course: (_root, { id }, { loaders }) => (id.length > 128 ? null : loaders.course.load(id)),
    trainingSession: (_root, { id }, { loaders }) => (isUuid(id) ? loaders.session.load(id) : null),
    learningCoverage: (_root, { partnershipSlug, since }, { caller }) => {
      const partnershipId = slugArgument(partnershipSlug, 'partnershipSlug');
      if (!mayAct(caller, 'readLearningCoverage', [partnershipId])) throw notPermitted(caller, learningCoverageDenied(partnershipId));
      return { id: partnershipId, since: since ?? defaultCoverageSince(todayInEngland()), partnership: { id: partnershipId } };
    },
    // The operation checks the scope (a partnership-admin exports only their own partnership's section).
    trainingPackSection: (_root, { scope }, context) => exportTrainingPack(context, scope),
  },
};
