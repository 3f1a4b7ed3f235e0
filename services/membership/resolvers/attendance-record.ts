import type { Resolvers } from '../generated/graphql';
import { isUnexplained } from '../rules/quorum';

export const attendanceRecordResolvers: Resolvers = {
  AttendanceRecord: {
    membership: (row) => row.seat,
    organisation: async (row, _args, { loaders }) => (await loaders.organisation.load(row.seat.organisationId))!,
    post: (row, _args, { loaders }) => (row.seat.postId ? loaders.post.load(row.seat.postId) : null),
    outcome: (row) => row.record?.outcome ?? null,
    attendedAs: (row) => row.record?.attendedAs ?? null,
    apologyReason: (row) => row.record?.apologyReason ?? null,
    apologyReasonValid: (row) => row.record?.apologyReasonValid ?? null,
    unexplained: (row) => isUnexplained(row.record ?? undefined),
    source: (row) => row.record?.source ?? null,
    meetingId: (row) => row.record?.meetingId ?? null,
  },
};
