import { DateScalar } from '@safeguarding/subgraph-runtime';
import type { Resolvers } from '../generated/graphql';

export const scalarResolvers: Resolvers = {
  Date: DateScalar,
};
