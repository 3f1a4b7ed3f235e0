import { badUserInput, conflict, type FreeTextOptions, isUniqueViolation, isUuid, multiLineText, notFound, notPermitted, singleLineText, slugArgument } from '@safeguarding/subgraph-runtime';
import type { Caller } from '@safeguarding/auth';
import type { DataSource, EntityManager } from 'typeorm';
import { renderAgendaHtml } from '../rules/agenda-html';
import { AgendaEntity, AgendaItemEntity, AgendaVersionEntity, type BodyEntity, type MeetingEntity } from '../entities';
import type { Resolvers } from '../generated/graphql';
import type { ArrangementsLoaders } from '../loaders';
import { isPaperLate, paperworkClockFor } from '../rules/paperwork-clock';
import { canEditAgenda, canReadAgendaDrafts } from './agenda-access';

/** What Agenda's resolvers receive: the row, and whether this caller sees drafts or the published version. */
export interface AgendaParent extends AgendaEntity {
  seesDrafts: boolean;
}
export interface EntityReference {
  id: string;
}
export type AgendaSubjectParent = { __typename: string; [field: string]: unknown };

const SUBJECT_TYPENAMES: Record<string, string> = {
  REVIEW: 'Review',
  STRATEGIC_PRIORITY: 'StrategicPriority',
  SUCCESS_STATEMENT: 'SuccessStatement',
  BODY: 'Body',
  MEETING: 'Meeting',
  THEME: 'Theme',
  THRESHOLD_MODEL: 'ThresholdModel',
  REGIONAL_PROCEDURE_CHAPTER: 'RegionalProcedureChapter',
};

async function meetingAndBody(meetingId: string, loaders: ArrangementsLoaders): Promise<{ meeting: MeetingEntity; body: BodyEntity }> {
  const meeting = isUuid(meetingId) ? await loaders.meeting.load(meetingId) : null;
  if (!meeting) throw notFound(`No meeting has the id "${meetingId.slice(0, 80)}".`);
  return { meeting, body: (await loaders.body.load(meeting.bodyId))! };
}

async function editableAgenda(agendaId: string, caller: Caller, dataSource: DataSource, loaders: ArrangementsLoaders) {
  const agenda = isUuid(agendaId) ? await dataSource.getRepository(AgendaEntity).findOneBy({ id: agendaId }) : null;
  if (!agenda) throw notFound(`No agenda has the id "${agendaId.slice(0, 80)}"; start one with prepareAgenda(meetingId).`);
  const { meeting, body } = await meetingAndBody(agenda.meetingId, loaders);
  if (!(await canEditAgenda(caller, body, loaders))) {
    throw notPermitted(caller, body.kind === 'LEAD_PARTNERS_FORUM' ? "Only the forum secretariat edits the joint forum's agenda." : `Only a partnership-admin of "${body.name}"'s partnership edits its agenda.`);
  }
  return { agenda, meeting, body };
}

/** Runs `work` with the agenda row locked, so concurrent edits queue instead of overwriting each other. */
async function withLockedAgenda<T>(dataSource: DataSource, agendaId: string, work: (agenda: AgendaEntity, manager: EntityManager) => Promise<T>): Promise<T> {
  return dataSource.transaction(async (manager) => {
    const agenda = await manager.getRepository(AgendaEntity).createQueryBuilder('agenda').setLock('pessimistic_write').where('agenda.id = :agendaId', { agendaId }).getOneOrFail();
    return work(agenda, manager);
  });
}

async function agendaView(agendaId: string, dataSource: DataSource): Promise<AgendaParent> {
  return { ...(await dataSource.getRepository(AgendaEntity).findOneByOrFail({ id: agendaId })), seesDrafts: true };
}

/** The items a caller may see: the current ones for draft readers, else the latest published version's. */
export async function visibleItems(agenda: AgendaParent, loaders: ArrangementsLoaders): Promise<AgendaItemEntity[]> {
  if (agenda.seesDrafts) return loaders.agendaItems.load(agenda.id);
  const versions = await loaders.agendaVersions.load(agenda.id);
  return (versions[versions.length - 1]?.items ?? []) as AgendaItemEntity[];
}

const optionalLine = (value: string | null | undefined, field: string, maximum: number, options?: FreeTextOptions) =>
  value == null ? null : singleLineText(value, field, maximum, options);
const optionalText = (value: string | null | undefined, field: string, maximum: number, options?: FreeTextOptions) =>
  value == null ? null : multiLineText(value, field, maximum, options);
/** Agendas name reviews and cases: their text must not identify a person. */
const aboutCases: FreeTextOptions = { refuseIdentifiers: true };

export const agendaResolvers: Resolvers = {
  Meeting: {
    previousMeeting: async (meeting, _args, { loaders }) => {
      const meetings = await loaders.meetingsByBody.load(meeting.bodyId);
      return meetings.filter((m) => m.meetingDate < meeting.meetingDate).pop() ?? null;
    },
    agenda: async (meeting, _args, { caller, loaders }) => {
      const agenda = await loaders.agendaByMeeting.load(meeting.id);
      if (!agenda) return null;
      const body = (await loaders.body.load(meeting.bodyId))!;
      const seesDrafts = await canReadAgendaDrafts(caller, body, loaders);
      if (!seesDrafts && agenda.publishedVersion === 0) return null;
      return { ...agenda, seesDrafts };
    },
    agendaDocument: async (meeting, _args, context) => {
      const agenda = await (agendaResolvers.Meeting!.agenda as Function)(meeting, {}, context);
      if (!agenda) return null;
      const { loaders } = context;
      const body = (await loaders.body.load(meeting.bodyId))!;
      const items = await visibleItems(agenda, loaders);
      const partnershipNames = new Map(
        (await loaders.partnership.loadMany([...new Set(items.map((item) => item.ownerPartnershipId).filter((id): id is string => !!id))])).flatMap((p) =>
          p && !(p instanceof Error) ? [[p.id, p.name] as const] : [],
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
            ownerPartnershipName: item.ownerPartnershipId ? partnershipNames.get(item.ownerPartnershipId) ?? item.ownerPartnershipId : null,
            paperLate: item.paperSubmittedOn ? isPaperLate(meeting.meetingDate, item.paperSubmittedOn, rule) : false,
          })),
        }),
      };
    },
  },
  Agenda: {
    meeting: async (agenda, _args, { loaders }) => (await loaders.meeting.load(agenda.meetingId))!,
    status: (agenda) => (agenda.seesDrafts ? agenda.status : 'PUBLISHED'),
    hasUnpublishedChanges: (agenda) => agenda.seesDrafts && agenda.status === 'DRAFT' && agenda.publishedVersion > 0,
    items: (agenda, _args, { loaders }) => visibleItems(agenda, loaders),
    totalMinutes: async (agenda, _args, { loaders }) => (await visibleItems(agenda, loaders)).reduce((sum, item) => sum + item.minutesAllotted, 0),
    minutesBySection: async (agenda, _args, { loaders }) => {
      const items = await visibleItems(agenda, loaders);
      return (['JOINT', 'CHILDREN', 'ADULTS'] as const).map((section) => ({
        section,
        minutes: items.filter((item) => item.section === section).reduce((sum, item) => sum + item.minutesAllotted, 0),
      }));
    },
    versions: (agenda, _args, { loaders }) => loaders.agendaVersions.load(agenda.id),
    viewerCanEdit: async (agenda, _args, { caller, loaders }) => {
      const meeting = (await loaders.meeting.load(agenda.meetingId))!;
      return canEditAgenda(caller, (await loaders.body.load(meeting.bodyId))!, loaders);
    },
  },
  AgendaVersion: {
    publishedAt: (version) => new Date(version.publishedAt).toISOString(),
    items: (version) => version.items as AgendaItemEntity[],
  },
  AgendaItem: {
    ownerPartnership: (item, _args, { loaders }) => (item.ownerPartnershipId ? loaders.partnership.load(item.ownerPartnershipId) : null),
    presenterOrganisation: (item) => (item.presenterOrganisationId ? { id: item.presenterOrganisationId } : null),
    paperLate: async (item, _args, { loaders }) => {
      if (!item.paperSubmittedOn) return false;
      const agenda = (await loaders.agenda.load(item.agendaId))!;
      const meeting = (await loaders.meeting.load(agenda.meetingId))!;
      const body = (await loaders.body.load(meeting.bodyId))!;
      return isPaperLate(meeting.meetingDate, item.paperSubmittedOn, paperworkClockFor(body));
    },
    subject: async (item, _args, { loaders }) => {
      if (!item.subjectType || !item.subjectId) return null;
      const typename = SUBJECT_TYPENAMES[item.subjectType];
      if (!typename) return null;
      const id = item.subjectId;
      const local: Record<string, () => Promise<object | null>> = {
        StrategicPriority: () => loaders.strategicPriority.load(id),
        SuccessStatement: () => (isUuid(id) ? loaders.successStatement.load(id) : Promise.resolve(null)),
        Body: () => loaders.body.load(id),
        Meeting: () => (isUuid(id) ? loaders.meeting.load(id) : Promise.resolve(null)),
        RegionalProcedureChapter: () => (isUuid(id) ? loaders.chapter.load(id) : Promise.resolve(null)),
      };
      const entity = local[typename] ? await local[typename]!() : { id };
      return entity ? { __typename: typename, ...entity } : null;
    },
  },
  AgendaSubject: {
    __resolveType: (subject) => subject.__typename as never,
  },
  Mutation: {
    prepareAgenda: async (_root, { meetingId }, { caller, dataSource, loaders }) => {
      const { meeting, body } = await meetingAndBody(meetingId, loaders);
      if (!(await canEditAgenda(caller, body, loaders))) {
        throw notPermitted(caller, body.kind === 'LEAD_PARTNERS_FORUM' ? "Only the forum secretariat prepares the joint forum's agenda." : `Only a partnership-admin of "${body.name}"'s partnership prepares its agenda.`);
      }
      if (meeting.status === 'CANCELLED') throw badUserInput('The meeting is cancelled; schedule another meeting to prepare an agenda.', 'meetingId');
      // Two secretaries preparing at once get the same agenda: the unique meeting_id settles it.
      await dataSource.createQueryBuilder().insert().into(AgendaEntity).values({ meetingId, status: 'DRAFT', version: 1, publishedVersion: 0 }).orIgnore().execute();
      return { ...(await dataSource.getRepository(AgendaEntity).findOneByOrFail({ meetingId })), seesDrafts: true };
    },
    addAgendaItem: async (_root, { agendaId, input }, { caller, dataSource, loaders }) => {
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
          const { last } = (await manager.getRepository(AgendaItemEntity).createQueryBuilder('item').select('MAX(item.position)', 'last').where('item.agendaId = :agendaId', { agendaId }).getRawOne()) as { last: number | null };
          await manager.getRepository(AgendaItemEntity).insert({ ...values, position: (last ?? 0) + 1 });
          await manager.getRepository(AgendaEntity).update({ id: agenda.id }, { version: agenda.version + 1, status: 'DRAFT' });
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw conflict('That candidate is already on the agenda.');
        throw error;
      }
      return agendaView(agendaId, dataSource);
    },
    reorderAgenda: async (_root, { agendaId, expectedVersion, itemIds }, { caller, dataSource, loaders }) => {
      await editableAgenda(agendaId, caller, dataSource, loaders);
      await withLockedAgenda(dataSource, agendaId, async (agenda, manager) => {
        if (agenda.version !== expectedVersion) throw conflict(`The agenda changed since version ${expectedVersion} (it is at ${agenda.version}); read it again and reorder.`);
        const items = await manager.getRepository(AgendaItemEntity).findBy({ agendaId });
        const current = new Set(items.map((item) => item.id));
        if (itemIds.length !== items.length || new Set(itemIds).size !== itemIds.length || !itemIds.every((id) => current.has(id))) {
          throw badUserInput(`itemIds must list each of the agenda's ${items.length} items exactly once.`, 'itemIds');
        }
        for (const [index, id] of itemIds.entries()) await manager.getRepository(AgendaItemEntity).update({ id }, { position: index + 1 });
        await manager.getRepository(AgendaEntity).update({ id: agendaId }, { version: agenda.version + 1, status: 'DRAFT' });
      });
      return agendaView(agendaId, dataSource);
    },
    publishAgenda: async (_root, { agendaId, expectedVersion, changeNote }, { caller, dataSource, loaders }) => {
      await editableAgenda(agendaId, caller, dataSource, loaders);
      const note = optionalText(changeNote, 'changeNote', 1000, aboutCases);
      await withLockedAgenda(dataSource, agendaId, async (agenda, manager) => {
        if (agenda.version !== expectedVersion) throw conflict(`The agenda changed since version ${expectedVersion} (it is at ${agenda.version}); review it and publish again.`);
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
    },
  },
};

