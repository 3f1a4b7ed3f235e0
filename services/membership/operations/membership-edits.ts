import type { Caller } from '@safeguarding/auth';
import {
  badUserInput,
  conflict,
  inForceOn,
  isUniqueViolation,
  isUuid,
  multiLineText,
  notFound,
  notPermitted,
  periodsOverlap,
  singleLineText,
  todayInEngland,
} from '@safeguarding/subgraph-runtime';
import type { EntityManager } from 'typeorm';
import { BodyReferenceEntity, MembershipEntity, PostEntity } from '../entities';
import type { MembershipOperationContext } from '../context';
import type { AddMembershipInput, AddPostInput, AppointChairInput, RecordAttendanceInput } from '../generated/graphql';
import type { AttendanceRecordParent } from '../models';
import { breachesAddedBy, chairRefusalMessage } from '../rules/chair-rule';
import { canEditMembership } from '../access';
import { storeAttendance } from './attendance-records';
import { asAppointment, chairContextInTransaction } from './chairs';

/**
 * Edits of the registry's posts and of a body's membership: seats, chairs and attendance. The
 * body's edits check the caller may edit that body (access.ts), validate, then write under the
 * body's lock; a post belongs to an organisation, so addPost checks only the organisation.
 */

const MAXIMUM_ATTENDANCE_RECORDS = 200;

export async function editableBody(bodyId: string, caller: Caller, { loaders, dataSource }: MembershipOperationContext): Promise<BodyReferenceEntity> {
  const body =
    bodyId.length > 200
      ? null
      : (await publishesBodies(dataSource))
        ? await refreshedBodyReference(dataSource, bodyId)
        : await loaders.bodyReference.load(bodyId);
  if (!body) throw notFound(`No body has the id "${bodyId.slice(0, 80)}"; query partnership { bodies { id } } for the ids.`);
  if (!canEditMembership(caller, body)) {
    throw notPermitted(
      caller,
      `Only a partnership-admin of ${body.partnershipIds.join(' or ')}${body.kind === 'LEAD_PARTNERS_FORUM' ? ', or the forum secretariat,' : ''} may change the membership of "${body.bodyId}".`,
    );
  }
  return body;
}

/**
 * Arrangements' published contract (its README): the view "arrangements"."published_body" says
 * what a body is now (kind, partnerships, chair rule in force today). Before an edit, membership's
 * copy (body_reference) is brought up to date from it in one statement, so a body created or
 * changed through arrangements' API is editable here and appointChair checks its current chair
 * rule; the edit's transaction then locks that row (lockedEdit). The row is written only when it
 * differs from the view (a refused call may so bring the copy up to date; membership's own data is
 * untouched). Where the view is absent (a membership-only database) the copy stands as it is.
 */
async function refreshedBodyReference(dataSource: MembershipOperationContext['dataSource'], bodyId: string): Promise<BodyReferenceEntity | null> {
  const table = dataSource
    .getRepository(BodyReferenceEntity)
    .metadata.tablePath.split('.')
    .map((part) => `"${part}"`)
    .join('.');
  const rows = await dataSource.query<
    { body_id: string; kind: string; partnership_ids: string[]; chair_rule: BodyReferenceEntity['chairRule']; membership_version: number }[]
  >(
    `WITH published AS (
       SELECT body_id, kind, partnership_ids, chair_rule FROM ${PUBLISHED_BODY} WHERE body_id = $1 AND cardinality(partnership_ids) > 0
     ), refreshed AS (
       INSERT INTO ${table} AS reference (body_id, kind, partnership_ids, chair_rule) SELECT * FROM published
       ON CONFLICT (body_id) DO UPDATE SET kind = EXCLUDED.kind, partnership_ids = EXCLUDED.partnership_ids, chair_rule = EXCLUDED.chair_rule
       WHERE (reference.kind, reference.partnership_ids, reference.chair_rule) IS DISTINCT FROM (EXCLUDED.kind, EXCLUDED.partnership_ids, EXCLUDED.chair_rule)
       RETURNING body_id, kind, partnership_ids, chair_rule, membership_version
     )
     SELECT * FROM refreshed
     UNION ALL
     SELECT body_id, kind, partnership_ids, chair_rule, membership_version FROM ${table} WHERE body_id = $1 AND NOT EXISTS (SELECT 1 FROM refreshed)`,
    [bodyId],
  );
  const row = rows[0];
  return row
    ? Object.assign(new BodyReferenceEntity(), {
        bodyId: row.body_id,
        kind: row.kind,
        partnershipIds: row.partnership_ids,
        chairRule: row.chair_rule,
        membershipVersion: row.membership_version,
      })
    : null;
}

const PUBLISHED_BODY = '"arrangements"."published_body"';
/** Data sources known to see the view (checked until it is there: arrangements may migrate after membership starts). */
const seesPublishedBodies = new WeakSet<object>();
async function publishesBodies(dataSource: MembershipOperationContext['dataSource']): Promise<boolean> {
  if (seesPublishedBodies.has(dataSource)) return true;
  const [row] = await dataSource.query<{ present: boolean }[]>(`SELECT to_regclass($1) IS NOT NULL AS present`, [PUBLISHED_BODY]);
  if (row?.present) seesPublishedBodies.add(dataSource);
  return row?.present === true;
}

/** The organisation exists and the post, if any, is one of its posts. */
export async function organisationAndPost(
  organisationId: string,
  postId: string | null | undefined,
  { loaders }: MembershipOperationContext,
): Promise<string | null> {
  const organisation = organisationId.length > 64 ? null : await loaders.organisation.load(organisationId);
  if (!organisation) throw notFound(`No organisation has the id "${organisationId.slice(0, 80)}"; query organisations { id name } for the ids.`);
  if (postId == null) return null;
  const post = isUuid(postId) ? await loaders.post.load(postId) : null;
  if (!post) throw notFound(`No post has the id "${postId.slice(0, 80)}"; query organisation(id: "${organisationId}") { posts { id title } } for its posts.`);
  if (post.organisationId !== organisationId) {
    throw badUserInput(
      `The post "${post.title}" belongs to ${post.organisationId}, not to ${organisationId}; give one of ${organisationId}'s posts, or add it with addPost.`,
      'postId',
    );
  }
  return post.id;
}

export function datesInOrder(startDate: string, endDate: string | null | undefined): void {
  if (endDate != null && endDate < startDate)
    throw badUserInput(`endDate ${endDate} is before startDate ${startDate}; a seat must end on or after the day it starts.`, 'endDate');
}

/**
 * Edits of one body's membership run one at a time (and read only through the transaction's own
 * connection, never the per-request loaders): the body's reference row is locked for the
 * transaction, so checks (no overlapping chairs, no duplicate seat) see every earlier write and
 * two concurrent edits both land, or one is refused, but neither is lost.
 */
export async function lockedEdit<T>(context: MembershipOperationContext, bodyId: string, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  return context.dataSource.transaction(async (manager) => {
    await manager
      .getRepository(BodyReferenceEntity)
      .createQueryBuilder('body')
      .setLock('pessimistic_write')
      .where('body.body_id = :bodyId', { bodyId })
      .getOneOrFail();
    const result = await work(manager);
    await manager.getRepository(BodyReferenceEntity).increment({ bodyId }, 'membershipVersion', 1);
    return result;
  });
}

/** A post (a role in an organisation); one title per organisation, whatever its case. */
export async function addPost(context: MembershipOperationContext, input: AddPostInput): Promise<PostEntity> {
  await organisationAndPost(input.organisationId, null, context);
  const title = singleLineText(input.title, 'title', 300);
  const repository = context.dataSource.getRepository(PostEntity);
  try {
    const inserted = await repository.insert({ organisationId: input.organisationId, title, alsoKnownAs: [], source: null });
    return repository.findOneByOrFail({ id: inserted.identifiers[0]!.id as string });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(`${input.organisationId} already has a post titled "${title}"; use it (organisation { posts { id title } }).`);
    throw error;
  }
}

/** A seat on a body; a named deputy deputises for a seat of the same organisation, a co-opted member for one review. */
export async function addMembership(context: MembershipOperationContext, input: AddMembershipInput): Promise<MembershipEntity> {
  const body = await editableBody(input.bodyId, context.caller, context);
  const postId = await organisationAndPost(input.organisationId, input.postId, context);
  datesInOrder(input.startDate, input.endDate);
  let deputyFor: MembershipEntity | null = null;
  if (input.role === 'NAMED_DEPUTY') {
    if (!input.deputyForMembershipId)
      throw badUserInput('A NAMED_DEPUTY needs deputyForMembershipId: the member seat they deputise for.', 'deputyForMembershipId');
    deputyFor = isUuid(input.deputyForMembershipId) ? await context.loaders.membership.load(input.deputyForMembershipId) : null;
    if (!deputyFor || deputyFor.bodyId !== body.bodyId)
      throw badUserInput(`deputyForMembershipId "${input.deputyForMembershipId.slice(0, 40)}" is not a seat on ${body.bodyId}.`, 'deputyForMembershipId');
    if (deputyFor.organisationId !== input.organisationId)
      throw badUserInput(`A named deputy comes from the same organisation as the member they deputise for (${deputyFor.organisationId}).`, 'organisationId');
    if (!['MEMBER', 'CHAIR', 'VICE_CHAIR'].includes(deputyFor.role) || !inForceOn(deputyFor, input.startDate)) {
      throw badUserInput(`The seat deputised for must be a member, chair or vice-chair seat in force on ${input.startDate}.`, 'deputyForMembershipId');
    }
  } else if (input.deputyForMembershipId) {
    throw badUserInput('deputyForMembershipId is for NAMED_DEPUTY seats only.', 'deputyForMembershipId');
  }
  let coOptedForReview: string | null = null;
  if (input.role === 'CO_OPTED') {
    if (!input.coOptedForReview) throw badUserInput('A CO_OPTED member is co-opted for one review: give coOptedForReview.', 'coOptedForReview');
    coOptedForReview = singleLineText(input.coOptedForReview, 'coOptedForReview', 200, { refuseIdentifiers: true });
  } else if (input.coOptedForReview) {
    throw badUserInput('coOptedForReview is for CO_OPTED seats only.', 'coOptedForReview');
  }
  const seat = {
    bodyId: body.bodyId,
    organisationId: input.organisationId,
    postId,
    role: input.role,
    deputyForMembershipId: deputyFor?.id ?? null,
    coOptedForReview,
    list: null,
    startDate: input.startDate,
    endDate: input.endDate ?? null,
    description: null,
    source: null,
  };
  return lockedEdit(context, body.bodyId, async (manager) => {
    const existing = await manager.getRepository(MembershipEntity).findBy({ bodyId: body.bodyId, organisationId: input.organisationId, role: input.role });
    const duplicate = existing.find(
      (other) =>
        other.postId === postId &&
        other.deputyForMembershipId === seat.deputyForMembershipId &&
        other.coOptedForReview === coOptedForReview &&
        periodsOverlap(other, seat),
    );
    if (duplicate) {
      throw conflict(
        `${input.organisationId}${postId ? ' (that post)' : ''} already holds a ${input.role} seat on ${body.bodyId} from ${duplicate.startDate ?? 'an unknown date'}${duplicate.endDate ? ` to ${duplicate.endDate}` : ''}; end it first or change the dates.`,
      );
    }
    const inserted = await manager.getRepository(MembershipEntity).insert(seat);
    return manager.getRepository(MembershipEntity).findOneByOrFail({ id: inserted.identifiers[0]!.id as string });
  });
}

/** Ends a seat on a date (once). */
export async function endMembership(context: MembershipOperationContext, id: string, endDate: string): Promise<MembershipEntity> {
  const seat = isUuid(id) ? await context.loaders.membership.load(id) : null;
  if (!seat) throw notFound(`No seat has the id "${id.slice(0, 80)}"; query body { members { id } } for the ids.`);
  const body = await editableBody(seat.bodyId, context.caller, context);
  return lockedEdit(context, body.bodyId, async (manager) => {
    const current = await manager.getRepository(MembershipEntity).findOneByOrFail({ id });
    if (current.endDate !== null) throw badUserInput(`The seat already ended on ${current.endDate}.`, 'id');
    if (current.startDate !== null && endDate < current.startDate)
      throw badUserInput(`endDate ${endDate} is before the seat began (${current.startDate}).`, 'endDate');
    await manager.getRepository(MembershipEntity).update({ id }, { endDate });
    return manager.getRepository(MembershipEntity).findOneByOrFail({ id });
  });
}

/** A chair or vice-chair appointment, refused when it breaks the body's chair rule. */
export async function appointChair(context: MembershipOperationContext, input: AppointChairInput): Promise<MembershipEntity> {
  const body = await editableBody(input.bodyId, context.caller, context);
  const postId = await organisationAndPost(input.organisationId, input.postId, context);
  datesInOrder(input.startDate, input.endDate);
  return lockedEdit(context, body.bodyId, async (manager) => {
    const seats = await manager.getRepository(MembershipEntity).findBy({ bodyId: body.bodyId });
    const existing = seats.filter((seat) => seat.role === 'CHAIR' || seat.role === 'VICE_CHAIR').map(asAppointment);
    const proposed = { id: 'proposed', role: input.role, organisationId: input.organisationId, startDate: input.startDate, endDate: input.endDate ?? null };
    // The snapshot of arrangements' chair rule: a mutation cannot @require it. Partners as designated when the term begins.
    const ruleContext = await chairContextInTransaction(manager, body.partnershipIds, [...existing.map((a) => a.organisationId), input.organisationId], {
      onDate: input.startDate,
      seats,
    });
    const breaches = breachesAddedBy(body.chairRule, existing, proposed, ruleContext);
    if (breaches.length > 0) {
      // The refusal quotes the rule (its document's words and source) as well as each breach.
      const message = chairRefusalMessage(body.bodyId, body.chairRule, breaches);
      // A term someone else already holds is a clash with existing state (CONFLICT); anything else is bad input.
      throw breaches.some((b) => b.check === 'OVERLAPPING_TERMS') ? conflict(message) : badUserInput(message, 'input');
    }
    const inserted = await manager.getRepository(MembershipEntity).insert({
      bodyId: body.bodyId,
      organisationId: input.organisationId,
      postId,
      role: input.role,
      startDate: input.startDate,
      endDate: input.endDate ?? null,
      source: null,
    });
    return manager.getRepository(MembershipEntity).findOneByOrFail({ id: inserted.identifiers[0]!.id as string });
  });
}

/** A meeting's attendance, one record per seat, all or none; a seat recorded again is replaced. */
export async function recordAttendance(context: MembershipOperationContext, input: RecordAttendanceInput): Promise<AttendanceRecordParent[]> {
  const body = await editableBody(input.bodyId, context.caller, context);
  if (input.meetingDate > todayInEngland())
    throw badUserInput(`The meeting on ${input.meetingDate} has not happened yet; record attendance on or after the day.`, 'meetingDate');
  if (input.records.length === 0 || input.records.length > MAXIMUM_ATTENDANCE_RECORDS) {
    throw badUserInput(`Give between 1 and ${MAXIMUM_ATTENDANCE_RECORDS} records.`, 'records');
  }
  const ids = input.records.map((r) => r.membershipId);
  if (new Set(ids).size !== ids.length) throw badUserInput('Each seat may appear once in records.', 'records');
  const seats = await context.loaders.membership.loadMany(ids.map((id) => (isUuid(id) ? id : '00000000-0000-0000-0000-000000000000')));
  const rows = input.records.map((record, index) => {
    const seat = seats[index];
    if (!seat || seat instanceof Error || seat.bodyId !== body.bodyId)
      throw badUserInput(`records[${index}].membershipId is not a seat on ${body.bodyId}.`, `records[${index}].membershipId`);
    if (!inForceOn(seat, input.meetingDate))
      throw badUserInput(`records[${index}]: the seat was not on ${body.bodyId} on ${input.meetingDate}.`, `records[${index}].membershipId`);
    const apologies = record.outcome === 'APOLOGIES';
    if (!apologies && (record.apologyReason != null || record.apologyReasonValid != null)) {
      throw badUserInput(`records[${index}]: apologyReason and apologyReasonValid are for APOLOGIES only.`, `records[${index}]`);
    }
    if (apologies && record.apologyReasonValid == null) {
      throw badUserInput(
        `records[${index}]: say whether the apology's reason is valid (apologyReasonValid); absences without a valid reason are reported.`,
        `records[${index}].apologyReasonValid`,
      );
    }
    if (record.outcome !== 'ATTENDED' && record.attendedAs != null)
      throw badUserInput(`records[${index}]: attendedAs is for ATTENDED only.`, `records[${index}].attendedAs`);
    return {
      bodyId: body.bodyId,
      meetingDate: input.meetingDate,
      membershipId: seat.id,
      outcome: record.outcome,
      attendedAs: record.outcome === 'ATTENDED' ? (record.attendedAs ?? 'MEMBER') : null,
      apologyReason:
        apologies && record.apologyReason != null
          ? multiLineText(record.apologyReason, `records[${index}].apologyReason`, 500, { refuseIdentifiers: true })
          : null,
      apologyReasonValid: apologies ? record.apologyReasonValid! : null,
      source: null,
    };
  });
  // One transaction: every record lands, or none does. A seat recorded again for the same meeting is replaced.
  const stored = await storeAttendance(context, { bodyId: body.bodyId, meetingDate: input.meetingDate, meetingId: input.meetingId }, rows);
  const byId = new Map(stored.map((r) => [r.membershipId, r]));
  return rows.map((row, index): AttendanceRecordParent => ({ seat: seats[index] as MembershipEntity, record: byId.get(row.membershipId)! }));
}
