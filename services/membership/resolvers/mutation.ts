import type { Resolvers } from '../generated/graphql';
import { addMembership, addPost, appointChair, endMembership, recordAttendance } from '../operations/membership-edits';
import { registerOrganisation } from '../operations/organisation-registry';

/** Shield checks the role (permissions.ts); each operation checks the body is the caller's (access.ts). */
export const mutationResolvers: Resolvers = {
  Mutation: {
    registerOrganisation: (_root, { input }, context) => registerOrganisation(context, input),
    addPost: (_root, { input }, context) => addPost(context, input),
    addMembership: (_root, { input }, context) => addMembership(context, input),
    endMembership: (_root, { id, endDate }, context) => endMembership(context, id, endDate),
    appointChair: (_root, { input }, context) => appointChair(context, input),
    recordAttendance: (_root, { input }, context) => recordAttendance(context, input),
  },
};
