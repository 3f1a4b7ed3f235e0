import { DateScalar, sourceCitationResolvers } from '@safeguarding/subgraph-runtime';
import type { Resolvers } from '../generated/graphql';
import { bodyResolvers } from './body';
import { meetingResolvers } from './meeting';
import { mutationResolvers } from './mutation';
import { partnershipResolvers } from './partnership';
import { queryResolvers } from './query';

export const resolvers: Resolvers = {
  Date: DateScalar,
  SourceCitation: sourceCitationResolvers,
  ...partnershipResolvers,
  Query: { ...queryResolvers.Query, ...meetingResolvers.Query },
  Mutation: { ...mutationResolvers.Mutation, ...meetingResolvers.Mutation },
  Body: { ...bodyResolvers.Body, ...meetingResolvers.Body },
  ChairRule: bodyResolvers.ChairRule,
  QuorumRule: bodyResolvers.QuorumRule,
  Meeting: meetingResolvers.Meeting,
  PaperworkClock: meetingResolvers.PaperworkClock,
};
