import { DateScalar } from '@safeguarding/subgraph-runtime';
import type { Resolvers } from '../generated/graphql';
import { contributionResolvers } from './contributions';
import { mutationResolvers } from './mutation';
import { partnershipResolvers } from './partnership';
import { queryResolvers } from './query';
import { reviewResolvers } from './review';

export const resolvers: Resolvers = {
  Date: DateScalar,
  ...queryResolvers,
  ...mutationResolvers,
  ...partnershipResolvers,
  ...reviewResolvers,
  Partnership: { ...partnershipResolvers.Partnership, ...contributionResolvers.Partnership },
  PartnershipComparison: contributionResolvers.PartnershipComparison,
  AgendaCandidates: contributionResolvers.AgendaCandidates,
};
