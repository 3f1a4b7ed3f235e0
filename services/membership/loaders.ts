import DataLoader from 'dataloader';
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
    membershipsByBody: seatsByBody(dataSource),
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

/**
 * A body's seats: `load` gives whole rows, `loadListing` may give only SEAT_LISTING_PROPERTIES. Both
 * share one batch, which reads whole rows when any caller in it needs them (members beside chair on
 * the same bodies is still one statement, as with a single loader) and the listing columns otherwise;
 * a listing asked for after the whole rows are loaded is answered from them.
 */
function seatsByBody(dataSource: DataSource) {
  interface SeatKey {
    bodyId: string;
    whole: boolean;
  }
  const cacheKey = (key: SeatKey) => `${key.whole ? 'whole' : 'listing'}:${key.bodyId}`;
  const cached = new Map<string, Promise<SeatListing[]>>();
  const loader = new DataLoader<SeatKey, SeatListing[], string>(
    async (keys) => {
      const bodyIds = [...new Set(keys.map((key) => key.bodyId))];
      const rows: SeatListing[] = keys.some((key) => key.whole)
        ? await rowsWhereAnyOf(dataSource, MembershipEntity, 'bodyId', bodyIds, ['startDate', 'id'])
        : await rowsWhereAnyOf(dataSource, MembershipEntity, 'bodyId', bodyIds, ['startDate', 'id'], [], SEAT_LISTING_PROPERTIES);
      const byBody = new Map<string, SeatListing[]>(bodyIds.map((bodyId) => [bodyId, []]));
      for (const row of rows) byBody.get(row.bodyId)?.push(row);
      return keys.map((key) => byBody.get(key.bodyId) ?? []);
    },
    { cacheKeyFn: cacheKey, cacheMap: cached },
  );
  return {
    // Whole keys are only ever batched into whole reads.
    load: (bodyId: string) => loader.load({ bodyId, whole: true }) as Promise<MembershipEntity[]>,
    loadMany: (bodyIds: readonly string[]) => loader.loadMany(bodyIds.map((bodyId) => ({ bodyId, whole: true }))) as Promise<(MembershipEntity[] | Error)[]>,
    loadListing: (bodyId: string) => cached.get(cacheKey({ bodyId, whole: true })) ?? loader.load({ bodyId, whole: false }),
  };
}

export type MembershipLoaders = ReturnType<typeof createLoaders>;
