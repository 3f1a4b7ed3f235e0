import type { Resolvers } from '../generated/graphql';
import { isUuid } from './programme';

export const queryResolvers: Resolvers = {
  Query: {
    // Ids are short slugs or uuids: anything else cannot exist, so it is answered without a query.
    course: (_root, { id }, { loaders }) => (id.length > 128 ? null : loaders.course.load(id)),
    trainingSession: (_root, { id }, { loaders }) => (isUuid(id) ? loaders.session.load(id) : null),
  },
};
