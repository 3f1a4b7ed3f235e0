import { badUserInput, conflict, isUniqueViolation, isUuid, multiLineText, notFound, notPermitted, todayInEngland } from '@safeguarding/subgraph-runtime';
import { mayEditAgenda, mayReadAgendaDrafts } from '../access';
import type { OperationContext } from '../context';
import { MeetingActionNotesEntity, type MeetingEntity } from '../entities';
import type { ActionNotesParent } from '../models';
import { paperworkClockFor, paperworkDeadlines } from '../rules/paperwork-clock';

/**
 * A meeting's action notes on the paperwork clock: issued as a draft after the meeting, open to
 * amendment requests for a while, then the record.
 */

/** Whether amendments may still be requested on `date`, or the notes are the record. */
export const actionNotesStageOn = (notes: ActionNotesParent, date: string) =>
  date <= paperworkDeadlines(notes.meetingDate, notes.rule).amendmentRequestsCloseOn ? 'AMENDMENTS_OPEN' : 'RECORD';

/** The notes as this caller may see them: drafts stay inside the partnerships; the record is public. */
export async function visibleActionNotes(
  meeting: MeetingEntity,
  { caller, loaders }: Pick<OperationContext, 'caller' | 'loaders'>,
): Promise<ActionNotesParent | null> {
  const notes = await loaders.actionNotes.load(meeting.id);
  if (!notes) return null;
  const body = (await loaders.body.load(meeting.bodyId))!;
  const rule = paperworkClockFor(body);
  const parent = { ...notes, meetingDate: meeting.meetingDate, rule };
  if (actionNotesStageOn(parent, todayInEngland()) === 'AMENDMENTS_OPEN' && !(await mayReadAgendaDrafts(caller, body, loaders))) return null;
  return parent;
}

/** Issues the draft notes once, after the meeting, by whoever prepares its agenda. */
export async function issueDraftActionNotes({ caller, dataSource, loaders }: OperationContext, meetingId: string, text: string): Promise<ActionNotesParent> {
  const meeting = isUuid(meetingId) ? await loaders.meeting.load(meetingId) : null;
  if (!meeting) throw notFound(`No meeting has the id "${meetingId.slice(0, 80)}".`);
  const body = (await loaders.body.load(meeting.bodyId))!;
  if (!(await mayEditAgenda(caller, body, loaders)))
    throw notPermitted(caller, 'Only whoever prepares the agenda (the forum secretariat for the joint forum) issues the action notes.');
  const today = todayInEngland();
  if (meeting.meetingDate > today) throw badUserInput(`The meeting is on ${meeting.meetingDate}; notes are issued after it.`, 'meetingId');
  const notes = {
    meetingId,
    text: multiLineText(text, 'text', 50_000, { refuseIdentifiers: true }),
    issuedOn: today,
    issuedBy: caller.subject,
    amendmentRequests: [],
  };
  try {
    await dataSource.getRepository(MeetingActionNotesEntity).insert(notes);
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict('Draft notes were already issued for this meeting; request an amendment instead.');
    throw error;
  }
  return { ...notes, meetingDate: meeting.meetingDate, rule: paperworkClockFor(body) };
}

/** A member of the body's partnerships asks for an amendment while the window is open. */
export async function requestActionNotesAmendment(
  { caller, dataSource, loaders }: OperationContext,
  meetingId: string,
  request: string,
): Promise<ActionNotesParent> {
  const meeting: MeetingEntity | null = isUuid(meetingId) ? await loaders.meeting.load(meetingId) : null;
  if (!meeting) throw notFound(`No meeting has the id "${meetingId.slice(0, 80)}".`);
  const body = (await loaders.body.load(meeting.bodyId))!;
  if (!(await mayReadAgendaDrafts(caller, body, loaders)))
    throw notPermitted(caller, "Only members of the body's partnerships may request amendments to its notes.");
  const rule = paperworkClockFor(body);
  const closes = paperworkDeadlines(meeting.meetingDate, rule).amendmentRequestsCloseOn;
  const today = todayInEngland();
  if (today > closes) throw badUserInput(`The amendment window closed on ${closes}; the notes are now the record and read-only.`, 'meetingId');
  const amendment = { requestedOn: today, requestedBy: caller.subject, request: multiLineText(request, 'request', 5000, { refuseIdentifiers: true }) };
  // Appended in one statement, so two members asking at once both keep their request.
  const result = await dataSource
    .createQueryBuilder()
    .update(MeetingActionNotesEntity)
    .set({ amendmentRequests: () => `amendment_requests || :amendment::jsonb` })
    .where('meeting_id = :meetingId')
    .setParameters({ amendment: JSON.stringify([amendment]), meetingId })
    .execute();
  if (result.affected !== 1) throw badUserInput('No draft notes have been issued for this meeting yet.', 'meetingId');
  const notes = await dataSource.getRepository(MeetingActionNotesEntity).findOneByOrFail({ meetingId });
  return { ...notes, meetingDate: meeting.meetingDate, rule };
}
