import { In, type DataSource } from 'typeorm';
import { loaderByKey, loaderOfMany } from '@safeguarding/subgraph-runtime';
import {
  AttendanceEntity,
  BodyReferenceEntity,
  DesignationEntity,
  MembershipEntity,
  OrganisationEntity,
  PostEntity,
  PostHoldingEntity,
} from './entities';

/** A meeting's natural key here: its body and date (arrangements owns the meeting and its id). */
export const meetingKey = (bodyId: string, meetingDate: string) => `${bodyId}|${meetingDate}`;

/** Per-request loaders; entity references from other subgraphs arrive in batches through them. */
export function createLoaders(dataSource: DataSource) {
  const repository = <T extends object>(entity: new () => T) => dataSource.getRepository(entity);
  return {
    organisation: loaderByKey<string, OrganisationEntity>((ids) => repository(OrganisationEntity).findBy({ id: In([...ids]) }), (row) => row.id),
    bodyReference: loaderByKey<string, BodyReferenceEntity>((ids) => repository(BodyReferenceEntity).findBy({ bodyId: In([...ids]) }), (row) => row.bodyId),
    post: loaderByKey<string, PostEntity>((ids) => repository(PostEntity).findBy({ id: In([...ids]) }), (row) => row.id),
    postsByOrganisation: loaderOfMany<string, PostEntity>(
      (ids) => repository(PostEntity).find({ where: { organisationId: In([...ids]) }, order: { title: 'ASC' } }),
      (row) => row.organisationId,
    ),
    postHoldings: loaderOfMany<string, PostHoldingEntity>(
      (ids) => repository(PostHoldingEntity).find({ where: { postId: In([...ids]) }, order: { startDate: 'ASC' } }),
      (row) => row.postId,
    ),
    membership: loaderByKey<string, MembershipEntity>((ids) => repository(MembershipEntity).findBy({ id: In([...ids]) }), (row) => row.id),
    /** Every seat of a body, current or ended; resolvers filter by date in memory (tens per body). */
    membershipsByBody: loaderOfMany<string, MembershipEntity>(
      (ids) => repository(MembershipEntity).find({ where: { bodyId: In([...ids]) }, order: { startDate: 'ASC', id: 'ASC' } }),
      (row) => row.bodyId,
    ),
    membershipsByOrganisation: loaderOfMany<string, MembershipEntity>(
      (ids) => repository(MembershipEntity).find({ where: { organisationId: In([...ids]) }, order: { bodyId: 'ASC', startDate: 'ASC' } }),
      (row) => row.organisationId,
    ),
    designationsByPartnership: loaderOfMany<string, DesignationEntity>(
      (slugs) => repository(DesignationEntity).find({ where: { partnershipSlug: In([...slugs]) }, order: { kind: 'ASC', organisationId: 'ASC' } }),
      (row) => row.partnershipSlug,
    ),
    designationsByOrganisation: loaderOfMany<string, DesignationEntity>(
      (ids) => repository(DesignationEntity).find({ where: { organisationId: In([...ids]) }, order: { partnershipSlug: 'ASC', kind: 'ASC' } }),
      (row) => row.organisationId,
    ),
    /** All recorded attendance of each body; candidate windows filter it by date. */
    attendanceByBody: loaderOfMany<string, AttendanceEntity>(
      (ids) => repository(AttendanceEntity).find({ where: { bodyId: In([...ids]) }, order: { meetingDate: 'ASC' } }),
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
