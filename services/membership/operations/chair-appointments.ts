import { badUserInput, conflict, isUuid, notFound, recordReplacedValue } from '@safeguarding/subgraph-runtime';
import { AttendanceEntity, MembershipEntity, type BodyReferenceEntity } from '../entities';
import type { MembershipOperationContext } from '../context';
import type { CorrectChairAppointmentInput } from '../generated/graphql';
import { breachesAddedBy, chairRefusalMessage } from '../rules/chair-rule';
import { asAppointment, chairContextInTransaction } from './chairs';
import { datesInOrder, editableBody, lockedEdit, organisationAndPost } from './membership-edits';

/**
 * Corrections of chair and vice-chair appointments recorded wrongly: correct one in place (re-checked
 * against the body's chair rule, as appointChair checks a new one) or withdraw one recorded in error.
 * Both take the seat's version (stale: CONFLICT) and run under the body's lock (lockedEdit). The audit
 * trail (the Mutation middleware) keeps who did it and the arguments; the appointment returned by
 * withdraw is the record as it stood.
 */

const isChair = (seat: MembershipEntity) => seat.role === 'CHAIR' || seat.role === 'VICE_CHAIR';

/** The appointment and its body, once the caller may edit the body (FORBIDDEN before anything about the seat is judged). */
async function chairAppointment(context: MembershipOperationContext, id: string): Promise<{ seat: MembershipEntity; body: BodyReferenceEntity }> {
  const seat = isUuid(id) ? await context.loaders.membership.load(id) : null;
  if (!seat) throw notFound(`No appointment has the id "${id.slice(0, 80)}"; query body { chairAppointments { id version } } for the ids.`);
  const body = await editableBody(seat.bodyId, context.caller, context);
  if (!isChair(seat)) throw badUserInput(`The seat "${id}" is a ${seat.role} seat, not a chair or vice-chair appointment; use endMembership.`, 'id');
  return { seat, body };
}

function checkVersion(seat: MembershipEntity | null, expectedVersion: number): asserts seat is MembershipEntity {
  if (!seat) throw conflict("The appointment was withdrawn since you read it; read the body's chairAppointments again.");
  if (seat.version !== expectedVersion)
    throw conflict(`The appointment is at version ${seat.version}, not ${expectedVersion}: someone changed it since you read it. Read it again and retry.`);
}

/** Fixes the organisation, post or dates of a wrongly recorded appointment; refused (nothing written) when the result breaks the rule. */
export async function correctChairAppointment(
  context: MembershipOperationContext,
  id: string,
  expectedVersion: number,
  input: CorrectChairAppointmentInput,
): Promise<MembershipEntity> {
  const { seat, body } = await chairAppointment(context, id);
  if (Object.values(input).every((value) => value === undefined)) throw badUserInput('Give at least one field to correct.', 'input');
  if (input.organisationId === null) throw badUserInput('organisationId cannot be null; give the organisation the chair comes from.', 'organisationId');
  if (input.startDate === null) throw badUserInput('startDate cannot be null; an appointment begins on a day.', 'startDate');
  const organisationId = input.organisationId ?? seat.organisationId;
  // A new organisation without a post names the agency only; a post is checked against the organisation.
  const postId =
    input.postId !== undefined
      ? await organisationAndPost(organisationId, input.postId, context)
      : input.organisationId !== undefined && input.organisationId !== seat.organisationId
        ? await organisationAndPost(organisationId, null, context)
        : seat.postId;
  const startDate = input.startDate ?? seat.startDate;
  const endDate = input.endDate !== undefined ? input.endDate : seat.endDate;
  if (startDate !== null) datesInOrder(startDate, endDate);
  return lockedEdit(context, body.bodyId, async (manager) => {
    const repository = manager.getRepository(MembershipEntity);
    const current = await repository.findOneBy({ id });
    checkVersion(current, expectedVersion);
    recordReplacedValue(context, current);
    const seats = await repository.findBy({ bodyId: body.bodyId });
    const others = seats.filter((other) => isChair(other) && other.id !== id).map(asAppointment);
    const corrected = { ...asAppointment(current), organisationId, startDate, endDate };
    const ruleContext = await chairContextInTransaction(manager, body.partnershipIds, [...others.map((a) => a.organisationId), organisationId], {
      ...(startDate !== null ? { onDate: startDate } : {}),
      seats,
    });
    const breaches = breachesAddedBy(body.chairRule, others, corrected, ruleContext);
    if (breaches.length > 0) {
      const message = chairRefusalMessage(body.bodyId, body.chairRule, breaches);
      throw breaches.some((b) => b.check === 'OVERLAPPING_TERMS') ? conflict(message) : badUserInput(message, 'input');
    }
    await repository.update({ id, version: expectedVersion }, { organisationId, postId, startDate, endDate, version: expectedVersion + 1 });
    return repository.findOneByOrFail({ id });
  });
}

/** Removes an appointment recorded in error; refused when attendance or a named deputy refers to it (end it instead). */
export async function withdrawChairAppointment(context: MembershipOperationContext, id: string, expectedVersion: number): Promise<MembershipEntity> {
  const { body } = await chairAppointment(context, id);
  return lockedEdit(context, body.bodyId, async (manager) => {
    const repository = manager.getRepository(MembershipEntity);
    const current = await repository.findOneBy({ id });
    checkVersion(current, expectedVersion);
    recordReplacedValue(context, current);
    if ((await manager.getRepository(AttendanceEntity).countBy({ membershipId: id })) > 0)
      throw badUserInput('Attendance has been recorded for this appointment, so it was not recorded in error: end it with endMembership instead.', 'id');
    if ((await repository.countBy({ deputyForMembershipId: id })) > 0)
      throw badUserInput('A named deputy deputises for this appointment: end or withdraw the deputy first, or end the appointment instead.', 'id');
    await repository.delete({ id });
    return current;
  });
}
