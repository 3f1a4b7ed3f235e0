import { DateScalar, sourceCitationResolvers } from '@safeguarding/subgraph-runtime';
import type { Resolvers } from '../generated/graphql';
import { contributionResolvers } from './contributions';
import { mutationResolvers } from './mutation';
import { partnershipResolvers } from './partnership';
import { queryResolvers } from './query';
import { reviewResolvers } from './review';

export const resolvers: Resolvers = {
  Date: DateScalar,
  SourceCitation: sourceCitationResolvers,
  ...queryResolvers,
  ...mutationResolvers,
  ...partnershipResolvers,
  ...reviewResolvers,
  Partnership: { ...partnershipResolvers.Partnership, ...contributionResolvers.Partnership },
  PartnershipComparison: contributionResolvers.PartnershipComparison,
  AgendaCandidates: contributionResolvers.AgendaCandidates,
};
