import type { Caller } from '@safeguarding/auth';
import {
  badUserInput,
  conflict,
  type FreeTextOptions,
  isLoaded,
  isUniqueViolation,
  isUuid,
  multiLineText,
  notFound,
  notPermitted,
  singleLineText,
  slugArgument,
} from '@safeguarding/subgraph-runtime';
import type { DataSource, EntityManager } from 'typeorm';
import { mayEditAgenda, mayReadAgendaDrafts } from '../access';
import type { OperationContext } from '../context';
import { AgendaEntity, AgendaItemEntity, AgendaVersionEntity, type BodyEntity, type MeetingEntity } from '../entities';
import type { AgendaItemInput } from '../generated/graphql';
import type { ArrangementsLoaders } from '../loaders';
import type { AgendaParent } from '../models';
import { renderAgendaHtml } from '../rules/agenda-html';
import { isPaperLate, paperworkClockFor } from '../rules/paperwork-clock';

/**
 * The agenda workflow: prepare, add items, reorder, publish (each publication a frozen version),
 * and what a caller may see of it. Edits lock the agenda row so concurrent edits queue.
 */

async function meetingAndBody(meetingId: string, loaders: ArrangementsLoaders): Promise<{ meeting: MeetingEntity; body: BodyEntity }> {
  const meeting = isUuid(meetingId) ? await loaders.meeting.load(meetingId) : null;
  if (!meeting) throw notFound(`No meeting has the id "${meetingId.slice(0, 80)}".`);
  return { meeting, body: (await loaders.body.load(meeting.bodyId))! };
}

async function editableAgenda(agendaId: string, caller: Caller, dataSource: DataSource, loaders: ArrangementsLoaders) {
  const agenda = isUuid(agendaId) ? await dataSource.getRepository(AgendaEntity).findOneBy({ id: agendaId }) : null;
  if (!agenda) throw notFound(`No agenda has the id "${agendaId.slice(0, 80)}"; start one with prepareAgenda(meetingId).`);
  const { meeting, body } = await meetingAndBody(agenda.meetingId, loaders);
  if (!(await mayEditAgenda(caller, body, loaders))) {
    throw notPermitted(
      caller,
      body.kind === 'LEAD_PARTNERS_FORUM'
        ? "Only the forum secretariat edits the joint forum's agenda."
        : `Only a partnership-admin of "${body.name}"'s partnership edits its agenda.`,
    );
  }
  return { agenda, meeting, body };
}

/** Runs `work` with the agenda row locked, so concurrent edits queue instead of overwriting each other. */
async function withLockedAgenda<T>(dataSource: DataSource, agendaId: string, work: (agenda: AgendaEntity, manager: EntityManager) => Promise<T>): Promise<T> {
  return dataSource.transaction(async (manager) => {
    const agenda = await manager
      .getRepository(AgendaEntity)
      .createQueryBuilder('agenda')
      .setLock('pessimistic_write')
      .where('agenda.id = :agendaId', { agendaId })
      .getOneOrFail();
    return work(agenda, manager);
  });
}

async function agendaView(agendaId: string, dataSource: DataSource): Promise<AgendaParent> {
  return { ...(await dataSource.getRepository(AgendaEntity).findOneByOrFail({ id: agendaId })), seesDrafts: true };
}

const optionalLine = (value: string | null | undefined, field: string, maximum: number, options?: FreeTextOptions) =>
  value == null ? null : singleLineText(value, field, maximum, options);
const optionalText = (value: string | null | undefined, field: string, maximum: number, options?: FreeTextOptions) =>
  value == null ? null : multiLineText(value, field, maximum, options);
/** Agendas name reviews and cases: their text must not identify a person. */
const aboutCases: FreeTextOptions = { refuseIdentifiers: true };

/** A meeting's agenda as this caller may see it: drafts for draft readers, else only once published. */
export async function visibleAgenda(meeting: MeetingEntity, { caller, loaders }: Pick<OperationContext, 'caller' | 'loaders'>): Promise<AgendaParent | null> {
  const agenda = await loaders.agendaByMeeting.load(meeting.id);
  if (!agenda) return null;
  const body = (await loaders.body.load(meeting.bodyId))!;
  const seesDrafts = await mayReadAgendaDrafts(caller, body, loaders);
  if (!seesDrafts && agenda.publishedVersion === 0) return null;
  return { ...agenda, seesDrafts };
}

/** The items a caller may see: the current ones for draft readers, else the latest published version's. */
export async function visibleItems(agenda: AgendaParent, loaders: ArrangementsLoaders): Promise<AgendaItemEntity[]> {
  if (agenda.seesDrafts) return loaders.agendaItems.load(agenda.id);
  const versions = await loaders.agendaVersions.load(agenda.id);
  return (versions[versions.length - 1]?.items ?? []) as AgendaItemEntity[];
}

/** The agenda as an HTML page, as this caller may see it; null when there is none to see. */
export async function agendaDocument(meeting: MeetingEntity, context: Pick<OperationContext, 'caller' | 'loaders'>) {
  const agenda = await visibleAgenda(meeting, context);
  if (!agenda) return null;
  const { loaders } = context;
  const body = (await loaders.body.load(meeting.bodyId))!;
  const items = await visibleItems(agenda, loaders);
  const partnershipNames = new Map(
    (await loaders.partnership.loadMany([...new Set(items.map((item) => item.ownerPartnershipId).filter((id): id is string => !!id))])).flatMap((p) =>
      isLoaded(p) ? [[p.id, p.name] as const] : [],
    ),
  );
  const rule = paperworkClockFor(body);
  const version = agenda.seesDrafts && agenda.status === 'DRAFT' ? null : agenda.publishedVersion;
  const title = `${body.name}: agenda for ${meeting.meetingDate}`;
  return {
    title,
    version,
    html: renderAgendaHtml({
      title,
      meeting,
      bodyName: body.name,
      status: version === null ? 'Draft, not published' : `Published version ${version}`,
      items: items.map((item) => ({
        ...item,
        ownerPartnershipName: item.ownerPartnershipId ? (partnershipNames.get(item.ownerPartnershipId) ?? item.ownerPartnershipId) : null,
        paperLate: item.paperSubmittedOn ? isPaperLate(meeting.meetingDate, item.paperSubmittedOn, rule) : false,
      })),
    }),
  };
}

/** Starts the meeting's agenda, or returns the one already started. */
export async function prepareAgenda({ caller, dataSource, loaders }: OperationContext, meetingId: string): Promise<AgendaParent> {
  const { meeting, body } = await meetingAndBody(meetingId, loaders);
  if (!(await mayEditAgenda(caller, body, loaders))) {
    throw notPermitted(
      caller,
      body.kind === 'LEAD_PARTNERS_FORUM'
        ? "Only the forum secretariat prepares the joint forum's agenda."
        : `Only a partnership-admin of "${body.name}"'s partnership prepares its agenda.`,
    );
  }
  if (meeting.status === 'CANCELLED') throw badUserInput('The meeting is cancelled; schedule another meeting to prepare an agenda.', 'meetingId');
  // Two secretaries preparing at once get the same agenda: the unique meeting_id settles it.
  await dataSource
    .createQueryBuilder()
    .insert()
    .into(AgendaEntity)
    .values({ meetingId, status: 'DRAFT', version: 1, publishedVersion: 0 })
    .orIgnore()
    .execute();
  return { ...(await dataSource.getRepository(AgendaEntity).findOneByOrFail({ meetingId })), seesDrafts: true };
}

/** Adds an item at the end; a candidate (by its key) goes on an agenda once. */
export async function addAgendaItem({ caller, dataSource, loaders }: OperationContext, agendaId: string, input: AgendaItemInput): Promise<AgendaParent> {
  const { body } = await editableAgenda(agendaId, caller, dataSource, loaders);
  const partnershipIds = (await loaders.bodyPartnerships.load(body.id)).map((link) => link.partnershipId);
  const owner = input.ownerPartnershipSlug == null ? null : slugArgument(input.ownerPartnershipSlug, 'ownerPartnershipSlug');
  if (owner && !partnershipIds.includes(owner)) {
    throw badUserInput(`"${owner}" is not one of this body's partnerships (${partnershipIds.join(', ')}).`, 'ownerPartnershipSlug');
  }
  if (input.minutesAllotted < 1 || input.minutesAllotted > 480) throw badUserInput('minutesAllotted must be between 1 and 480', 'minutesAllotted');
  if ((input.subjectType == null) !== (input.subjectId == null)) throw badUserInput('Give subjectType and subjectId together, or neither.', 'subjectId');
  const section = input.section ?? 'JOINT';
  if (section !== 'JOINT' && !body.separateChildrenAndAdultsTime && body.kind !== 'LEAD_PARTNERS_FORUM') {
    throw badUserInput(`"${body.name}" keeps no separate children's and adults' time; use section JOINT.`, 'section');
  }
  const values = {
    agendaId,
    section,
    title: singleLineText(input.title, 'title', 300, aboutCases),
    ownerPartnershipId: owner,
    presenterOrganisationId: input.presenterOrganisationId == null ? null : slugArgument(input.presenterOrganisationId, 'presenterOrganisationId'),
    presenterPost: optionalLine(input.presenterPost, 'presenterPost', 200),
    paperTitle: optionalLine(input.paperTitle, 'paperTitle', 300, aboutCases),
    paperSubmittedOn: input.paperSubmittedOn ?? null,
    minutesAllotted: input.minutesAllotted,
    decisionSought: optionalText(input.decisionSought, 'decisionSought', 2000, aboutCases),
    subjectType: input.subjectType ?? null,
    subjectId: optionalLine(input.subjectId, 'subjectId', 200),
    candidateKey: optionalLine(input.candidateKey, 'candidateKey', 300),
    addedBy: caller.subject,
  };
  try {
    await withLockedAgenda(dataSource, agendaId, async (agenda, manager) => {
      const { last } = (await manager
        .getRepository(AgendaItemEntity)
        .createQueryBuilder('item')
        .select('MAX(item.position)', 'last')
        .where('item.agendaId = :agendaId', { agendaId })
        .getRawOne()) as { last: number | null };
      await manager.getRepository(AgendaItemEntity).insert({ ...values, position: (last ?? 0) + 1 });
      await manager.getRepository(AgendaEntity).update({ id: agenda.id }, { version: agenda.version + 1, status: 'DRAFT' });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict('That candidate is already on the agenda.');
    throw error;
  }
  return agendaView(agendaId, dataSource);
}

/** Puts the items in the given order, only from the version the caller read. */
export async function reorderAgenda(
  { caller, dataSource, loaders }: OperationContext,
  agendaId: string,
  expectedVersion: number,
  itemIds: readonly string[],
): Promise<AgendaParent> {
  await editableAgenda(agendaId, caller, dataSource, loaders);
  await withLockedAgenda(dataSource, agendaId, async (agenda, manager) => {
    if (agenda.version !== expectedVersion)
      throw conflict(`The agenda changed since version ${expectedVersion} (it is at ${agenda.version}); read it again and reorder.`);
    const items = await manager.getRepository(AgendaItemEntity).findBy({ agendaId });
    const current = new Set(items.map((item) => item.id));
    if (itemIds.length !== items.length || new Set(itemIds).size !== itemIds.length || !itemIds.every((id) => current.has(id))) {
      throw badUserInput(`itemIds must list each of the agenda's ${items.length} items exactly once.`, 'itemIds');
    }
    for (const [index, id] of itemIds.entries()) await manager.getRepository(AgendaItemEntity).update({ id }, { position: index + 1 });
    await manager.getRepository(AgendaEntity).update({ id: agendaId }, { version: agenda.version + 1, status: 'DRAFT' });
  });
  return agendaView(agendaId, dataSource);
}

/** Freezes the current items as the next published version. */
export async function publishAgenda(
  { caller, dataSource, loaders }: OperationContext,
  agendaId: string,
  expectedVersion: number,
  changeNote: string | null | undefined,
): Promise<AgendaParent> {
  await editableAgenda(agendaId, caller, dataSource, loaders);
  const note = optionalText(changeNote, 'changeNote', 1000, aboutCases);
  await withLockedAgenda(dataSource, agendaId, async (agenda, manager) => {
    if (agenda.version !== expectedVersion)
      throw conflict(`The agenda changed since version ${expectedVersion} (it is at ${agenda.version}); review it and publish again.`);
    if (agenda.status === 'PUBLISHED') throw badUserInput('Nothing has changed since the last publication.', 'agendaId');
    const items = await manager.getRepository(AgendaItemEntity).find({ where: { agendaId }, order: { position: 'ASC' } });
    if (items.length === 0) throw badUserInput('The agenda has no items; add some before publishing.', 'agendaId');
    const number = agenda.publishedVersion + 1;
    await manager.getRepository(AgendaVersionEntity).insert({
      agendaId,
      number,
      publishedAt: new Date(),
      publishedBy: caller.subject,
      changeNote: note ?? (number === 1 ? 'First publication' : null),
      items: items.map(({ addedBy: _addedBy, ...item }) => item),
    });
    await manager.getRepository(AgendaEntity).update({ id: agendaId }, { version: agenda.version + 1, status: 'PUBLISHED', publishedVersion: number });
  });
  return agendaView(agendaId, dataSource);
}
