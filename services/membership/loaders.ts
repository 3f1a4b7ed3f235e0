import type { DataSource } from 'typeorm';
import { loaderByKey, loaderOfMany, rowsWhereAnyOf } from '@safeguarding/subgraph-runtime';
import { AttendanceEntity, BodyReferenceEntity, DesignationEntity, MembershipEntity, OrganisationEntity, PostEntity, PostHoldingEntity } from './entities';

/** A meeting's natural key here: its body and date (arrangements owns the meeting and its id). */
export const meetingKey = (bodyId: string, meetingDate: string) => `${bodyId}|${meetingDate}`;

/**
 * The columns of a seat that Body.members' usual answers read (role, dates, organisation, post,
 * deputy): a large body list asked for only these is read without the text and jsonb columns, whose
 * parsing was most of pg's work per seat (docs/working-notes/per-object.md).
 */
export const SEAT_LISTING_PROPERTIES = ['id', 'bodyId', 'organisationId', 'postId', 'role', 'deputyForMembershipId', 'startDate', 'endDate'] as const;
export type SeatListing = Pick<MembershipEntity, (typeof SEAT_LISTING_PROPERTIES)[number]>;

/** Per-request loaders; entity references from other subgraphs arrive in batches through them. */
export function createLoaders(dataSource: DataSource) {
  const repository = <T extends object>(entity: new () => T) => dataSource.getRepository(entity);
  return {
    organisation: loaderByKey<string, OrganisationEntity>(
      (ids) => rowsWhereAnyOf(dataSource, OrganisationEntity, 'id', ids),
      (row) => row.id,
    ),
    bodyReference: loaderByKey<string, BodyReferenceEntity>(
      (ids) => rowsWhereAnyOf(dataSource, BodyReferenceEntity, 'bodyId', ids),
      (row) => row.bodyId,
    ),
    post: loaderByKey<string, PostEntity>(
      (ids) => rowsWhereAnyOf(dataSource, PostEntity, 'id', ids),
      (row) => row.id,
    ),
    postsByOrganisation: loaderOfMany<string, PostEntity>(
      (ids) => rowsWhereAnyOf(dataSource, PostEntity, 'organisationId', ids, ['title']),
      (row) => row.organisationId,
    ),
    postHoldings: loaderOfMany<string, PostHoldingEntity>(
      (ids) => rowsWhereAnyOf(dataSource, PostHoldingEntity, 'postId', ids, ['startDate']),
      (row) => row.postId,
    ),
    membership: loaderByKey<string, MembershipEntity>(
      (ids) => rowsWhereAnyOf(dataSource, MembershipEntity, 'id', ids),
      (row) => row.id,
    ),
    /** Every seat of a body, current or ended; resolvers filter by date in memory (tens per body). */
    membershipsByBody: loaderOfMany<string, MembershipEntity>(
      (ids) => rowsWhereAnyOf(dataSource, MembershipEntity, 'bodyId', ids, ['startDate', 'id']),
      (row) => row.bodyId,
    ),
    /** The same seats as membershipsByBody with only SEAT_LISTING_PROPERTIES read. */
    seatListingsByBody: loaderOfMany<string, SeatListing>(
      (ids) => rowsWhereAnyOf(dataSource, MembershipEntity, 'bodyId', ids, ['startDate', 'id'], [], SEAT_LISTING_PROPERTIES),
      (row) => row.bodyId,
    ),
    membershipsByOrganisation: loaderOfMany<string, MembershipEntity>(
      (ids) => rowsWhereAnyOf(dataSource, MembershipEntity, 'organisationId', ids, ['bodyId', 'startDate']),
      (row) => row.organisationId,
    ),
    designationsByPartnership: loaderOfMany<string, DesignationEntity>(
      (partnershipIds) => rowsWhereAnyOf(dataSource, DesignationEntity, 'partnershipId', partnershipIds, ['kind', 'organisationId']),
      (row) => row.partnershipId,
    ),
    designationsByOrganisation: loaderOfMany<string, DesignationEntity>(
      (ids) => rowsWhereAnyOf(dataSource, DesignationEntity, 'organisationId', ids, ['partnershipId', 'kind']),
      (row) => row.organisationId,
    ),
    /** All recorded attendance of each body; candidate windows filter it by date. */
    attendanceByBody: loaderOfMany<string, AttendanceEntity>(
      (ids) => rowsWhereAnyOf(dataSource, AttendanceEntity, 'bodyId', ids, ['meetingDate']),
      (row) => row.bodyId,
    ),
    /** Attendance per meeting, keyed by meetingKey(bodyId, date); one query for any number of meetings. */
    attendanceByMeeting: loaderOfMany<string, AttendanceEntity>(
      (keys) =>
        repository(AttendanceEntity).find({
          where: keys.map((key) => {
            const separator = key.lastIndexOf('|');
            return { bodyId: key.slice(0, separator), meetingDate: key.slice(separator + 1) };
          }),
        }),
      (row) => meetingKey(row.bodyId, row.meetingDate),
    ),
  };
}

export type MembershipLoaders = ReturnType<typeof createLoaders>;
