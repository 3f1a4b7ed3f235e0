import { DateScalar, sourceCitationResolvers } from '@safeguarding/subgraph-runtime';
import type { Resolvers } from '../generated/graphql';
import { bodyResolvers } from './body';
import { mutationResolvers } from './mutation';
import { partnershipResolvers } from './partnership';
import { queryResolvers } from './query';

export const resolvers: Resolvers = {
  Date: DateScalar,
  SourceCitation: sourceCitationResolvers,
  ...queryResolvers,
  ...mutationResolvers,
  ...partnershipResolvers,
  ...bodyResolvers,
};
