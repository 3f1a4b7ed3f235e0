import type { Resolvers } from '../generated/graphql';
import { addMembership, addPost, appointChair, endMembership, recordAttendance } from '../operations/membership-edits';
import { registerOrganisation } from '../operations/organisation-registry';
import { applyMembershipPack } from '../operations/pack';
import { correctChairAppointment, withdrawChairAppointment } from '../operations/chair-appointments';
import { correctDesignation, designate, endDesignation } from '../operations/designations';

/** Shield checks the role (permissions.ts); each operation checks the body (or partnership) is the caller's (access.ts). */
export const mutationResolvers: Resolvers = {
  Mutation: {
    registerOrganisation: (_root, { input }, context) => registerOrganisation(context, input),
    addPost: (_root, { input }, context) => addPost(context, input),
    addMembership: (_root, { input }, context) => addMembership(context, input),
    endMembership: (_root, { id, endDate }, context) => endMembership(context, id, endDate),
    appointChair: (_root, { input }, context) => appointChair(context, input),
    recordAttendance: (_root, { input }, context) => recordAttendance(context, input),
    correctChairAppointment: (_root, { id, expectedVersion, input }, context) => correctChairAppointment(context, id, expectedVersion, input),
    withdrawChairAppointment: (_root, { id, expectedVersion }, context) => withdrawChairAppointment(context, id, expectedVersion),
    designate: (_root, { input }, context) => designate(context, input),
    endDesignation: (_root, { id, expectedVersion, endDate }, context) => endDesignation(context, id, expectedVersion, endDate),
    correctDesignation: (_root, { id, expectedVersion, input }, context) => correctDesignation(context, id, expectedVersion, input),
    applyMembershipPackSection: (_root, { scope, text, dryRun }, context) => applyMembershipPack(context, scope, text, dryRun),
  },
};
