import { DateScalar } from '@safeguarding/subgraph-runtime';
import type { Resolvers } from '../generated/graphql';
import { bodyResolvers } from './body';
import { actionNotesResolvers } from './action-notes';
import { agendaResolvers } from './agenda';
import { agendaCandidateResolvers } from './agenda-candidates';
import { comparisonResolvers } from './comparison';
import { meetingResolvers } from './meeting';
import { strategicPlanResolvers } from './strategic-plan';
import { mutationResolvers } from './mutation';
import { partnershipResolvers } from './partnership';
import { queryResolvers } from './query';

export const resolvers: Resolvers = {
  Date: DateScalar,
  ...partnershipResolvers,
  ...strategicPlanResolvers,
  Partnership: { ...partnershipResolvers.Partnership, ...strategicPlanResolvers.Partnership, ...comparisonResolvers.Partnership },
  Query: { ...queryResolvers.Query, ...meetingResolvers.Query, ...comparisonResolvers.Query },
  Mutation: { ...mutationResolvers.Mutation, ...meetingResolvers.Mutation, ...strategicPlanResolvers.Mutation, ...agendaResolvers.Mutation, ...actionNotesResolvers.Mutation },
  Body: { ...bodyResolvers.Body, ...meetingResolvers.Body, ...strategicPlanResolvers.Body },
  PartnershipComparison: comparisonResolvers.PartnershipComparison,
  ChairRule: bodyResolvers.ChairRule,
  QuorumRule: bodyResolvers.QuorumRule,
  Meeting: { ...meetingResolvers.Meeting, ...agendaResolvers.Meeting, ...agendaCandidateResolvers.Meeting, ...actionNotesResolvers.Meeting },
  Agenda: agendaResolvers.Agenda,
  AgendaItem: agendaResolvers.AgendaItem,
  AgendaVersion: agendaResolvers.AgendaVersion,
  AgendaSubject: agendaResolvers.AgendaSubject,
  AgendaCandidates: agendaCandidateResolvers.AgendaCandidates,
  ActionNotes: actionNotesResolvers.ActionNotes,
  PaperworkClock: meetingResolvers.PaperworkClock,
};
