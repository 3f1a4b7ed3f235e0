import type { Resolvers } from '../generated/graphql';
import type { MeetingParent } from '../models';
import { attendanceAt, quorumAt, unexplainedAbsencesAt } from '../operations/attendance';

export const meetingResolvers: Resolvers = {
  Meeting: {
    // Attendance is keyed by the meeting's body and date, which the gateway passes with the id.
    // The reference carries them whenever a field that needs them was asked for (see @requires).
    __resolveReference: (reference) => reference as unknown as MeetingParent,
    attendance: (meeting, _args, { loaders }) => attendanceAt(meeting, loaders),
    unexplainedAbsences: (meeting, _args, { loaders }) => unexplainedAbsencesAt(meeting, loaders),
    quorum: (meeting, _args, { loaders }) => quorumAt(meeting, loaders),
  },
};
