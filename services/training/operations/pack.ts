import { randomUUID } from 'node:crypto';
import { In, type EntityManager } from 'typeorm';
import { hasRole, type Caller } from '@safeguarding/auth';
import {
  packProvenanceOf,
  partnershipTrainingSection,
  type PartnershipTrainingValue,
  type Provenance,
  type StoredSource,
  type TrainingCourseValue,
  type TrainingSessionValue,
} from '@safeguarding/packs';
import {
  applyPackSection,
  badUserInput,
  exportPackSection,
  multiLineText,
  packScopeOrRefuse,
  reconcileRows,
  singleLineText,
  todayInEngland,
  type PackChange,
  type PackSectionApplied,
  type PackSectionText,
} from '@safeguarding/subgraph-runtime';
import { mayAct } from '../access';
import type { TrainingContext } from '../context';
import {
  CourseEntity,
  CoursePartnershipEntity,
  CourseThemeEntity,
  TrainingBookingEntity,
  TrainingBookingNoticeEntity,
  TrainingSessionChangeEntity,
  TrainingSessionEntity,
} from '../entities';
import { capacityProblems, courseThemeProblems, PROGRAMME_RULES, retirementProblems, sessionProblems, type Problem } from '../rules/programme-rules';

/**
 * The training section of a partnership pack (packs/<slug>/training.yaml): the courses a
 * partnership offers and the sessions it has scheduled, applied and exported as rows. The
 * generated history (sessions held, bookings, feedback, impact evidence) is not part of it: those
 * sessions carry the history generator's provenance and are neither exported nor touched here.
 */

/** The generator of the synthetic history (seed/history.ts); its sessions are not the pack's. */
export const HISTORY_GENERATOR =
  'services/training/seed/history.ts: sessions held, places booked, feedback and impact evidence generated with a fixed seed per course';

export const REMOVED_FROM_PACK = 'Removed from the partnership pack.';

export interface TrainingPackOptions {
  today: string;
  /** Whose rights a change of a course's offering partnerships needs; null when the seed loads the packs. */
  caller: Caller | null;
}

const sessionKey = (courseId: string, date: string, startTime: string | null) => `${courseId}@${date}T${startTime ?? ''}`;
const isProvenance = (source: StoredSource): source is Provenance => 'kind' in source;
const isPackSession = (session: TrainingSessionEntity) =>
  session.status === 'SCHEDULED' && isProvenance(session.source) && !(session.source.kind === 'synthetic' && session.source.generator === HISTORY_GENERATOR);

function refuse(problems: Problem[]): never {
  throw badUserInput(
    `The training section has ${problems.length} problem(s); nothing was applied. ${problems
      .slice(0, 5)
      .map((problem) => `${problem.field}: ${problem.message}`)
      .join('; ')}.`,
    problems[0]!.field,
    { problems: problems.map((problem) => ({ file: 'training.yaml', field: problem.field, message: problem.message })) },
  );
}

const at = (prefix: string, problems: Problem[]): Problem[] => problems.map((problem) => ({ ...problem, field: `${prefix}.${problem.field}` }));

/** What the API's course mutations check, for one course of the pack (themes, text, the id's partnership). */
function courseProblems(course: TrainingCourseValue, index: number, scope: string): Problem[] {
  const field = `courses[${index}]`;
  singleLineText(course.title, `${field}.title`, PROGRAMME_RULES.titleMaximum);
  multiLineText(course.summary, `${field}.summary`, PROGRAMME_RULES.summaryMaximum);
  const problems = at(field, courseThemeProblems(course.themes)).map((problem) => ({ ...problem, field: problem.field.replace('themeIds', 'themes') }));
  const joint = course.jointWith ?? [];
  const prefix = joint.length > 0 ? 'joint' : scope;
  if (!course.id.startsWith(`${prefix}.`)) {
    problems.push({
      field: `${field}.id`,
      message:
        joint.length > 0
          ? `a joint course's id starts with "joint.", e.g. "joint.${course.id.split('.').slice(1).join('.')}"`
          : `a course of ${scope} has an id starting "${scope}." (or list jointWith for a joint course)`,
    });
  }
  if (joint.includes(scope)) problems.push({ field: `${field}.jointWith`, message: `jointWith names the other partnerships; leave out "${scope}" itself` });
  if (new Set(joint).size !== joint.length) problems.push({ field: `${field}.jointWith`, message: 'jointWith names a partnership twice; give each once' });
  if (new Set(course.deliveryMethods).size !== course.deliveryMethods.length)
    problems.push({ field: `${field}.deliveryMethods`, message: 'deliveryMethods names a method twice; give each once' });
  if (new Set(course.informedBy).size !== course.informedBy.length)
    problems.push({ field: `${field}.informedBy`, message: 'informedBy names a source of learning twice; give each once' });
  const keys = (course.sessions ?? []).map((session) => sessionKey(course.id, session.date, session.startTime));
  keys.forEach((key, sessionIndex) => {
    if (keys.indexOf(key) !== sessionIndex)
      problems.push({ field: `${field}.sessions[${sessionIndex}]`, message: 'two sessions start on the same day at the same time; give each once' });
  });
  return problems;
}

/** A session's plan as the API's scheduling rule checks it; at seed time the clock rules (past, too far ahead) do not apply. */
function sessionPlanProblems(session: TrainingSessionValue, field: string, retiredOn: string | null, options: TrainingPackOptions): Problem[] {
  const problems = sessionProblems({
    date: session.date,
    startTime: session.startTime,
    endTime: session.endTime,
    deliveryMethod: session.deliveryMethod,
    venue: session.venue ?? null,
    virtualLink: session.virtualLink ?? null,
    capacity: session.capacity,
    today: options.today,
    courseRetiredOn: retiredOn,
  }).filter((problem) => options.caller !== null || problem.field !== 'date' || problem.message.includes('retired'));
  return at(field, problems);
}

const mayManage = (caller: Caller, partnershipId: string) => hasRole(caller, 'regional-admin') || mayAct(caller, 'manageProgramme', [partnershipId]);

const courseColumns = (course: TrainingCourseValue): Omit<CourseEntity, 'id' | 'version'> => ({
  title: course.title,
  summary: course.summary,
  audience: course.audience,
  level: course.level,
  informedBy: course.informedBy,
  deliveryMethods: course.deliveryMethods,
  regionalProcedureChapters: (course.regionalProcedureChapters ?? []).map((chapter) => ({ procedureId: chapter.procedure, title: chapter.title })),
  providerOrganisationId: course.provider ?? null,
  retiredOn: course.retiredOn ?? null,
  source: course.provenance,
});
const COURSE_COLUMNS = Object.keys(courseColumns({ provenance: { kind: 'synthetic', generator: '---' } } as TrainingCourseValue)) as (keyof CourseEntity)[];
/** Values compared as data: PostgreSQL gives jsonb keys back in its own order, so keys are sorted first. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([, child]) => child !== undefined)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([key, child]) => [key, canonical(child)]),
    );
  return value ?? null;
}
const same = (a: unknown, b: unknown) => JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));

/** A stored provenance as the pack writes it: keys in the schema's order; an API-recorded value as recorded. */
const orderedProvenance = (stored: StoredSource): Provenance => packProvenanceOf(stored);

/**
 * Makes the rows hold the section for one partnership, in the caller's transaction: courses
 * (added, changed, ended), their themes, their offering partnerships and their scheduled sessions.
 * Everything is checked before the first write, so a refusal writes nothing.
 */
export async function writeTrainingSection(
  manager: EntityManager,
  value: PartnershipTrainingValue,
  scope: string,
  options: TrainingPackOptions,
): Promise<PackChange[]> {
  const problems = value.courses.flatMap((course, index) => courseProblems(course, index, scope));
  const ids = value.courses.map((course) => course.id);
  ids.forEach((id, index) => {
    if (ids.indexOf(id) !== index) problems.push({ field: `courses[${index}].id`, message: `course "${id}" is given twice; give each once` });
  });
  if (problems.length > 0) refuse(problems);

  const offeredHere = await manager.getRepository(CoursePartnershipEntity).find({ where: { partnershipId: scope } });
  const allIds = [...new Set([...ids, ...offeredHere.map((link) => link.courseId)])];
  const stored = new Map((await manager.getRepository(CourseEntity).find({ where: { id: In(allIds) } })).map((course) => [course.id, course]));
  const offerings = await manager.getRepository(CoursePartnershipEntity).find({ where: { courseId: In(allIds) } });
  const offeredBy = (courseId: string) =>
    offerings
      .filter((link) => link.courseId === courseId)
      .map((link) => link.partnershipId)
      .sort();
  const sessions = await manager.getRepository(TrainingSessionEntity).find({ where: { courseId: In(allIds) } });
  const packSessions = new Map(sessions.filter(isPackSession).map((session) => [sessionKey(session.courseId, session.heldOn, session.startsAt), session]));

  // Checks that need the stored rows: offering rights, retirement, sessions.
  value.courses.forEach((course, index) => {
    const field = `courses[${index}]`;
    const current = stored.get(course.id);
    const before = current ? offeredBy(course.id) : [];
    const after = [scope, ...(course.jointWith ?? [])].sort();
    if (options.caller && !same(before, after)) {
      // Joining another partnership's course changes what its programme says: its rights are needed; otherwise those of each partnership added or removed.
      const joining = current !== undefined && !before.includes(scope);
      const affected = joining ? before : [...before.filter((id) => !after.includes(id)), ...after.filter((id) => !before.includes(id))];
      const others = affected.filter((partnershipId) => partnershipId !== scope && !mayManage(options.caller!, partnershipId));
      if (others.length > 0) {
        problems.push({
          field: current && !before.includes(scope) ? `${field}.id` : `${field}.jointWith`,
          message:
            current && !before.includes(scope)
              ? `course "${course.id}" is already offered by ${before.join(', ')}; choose another id, or ask a regional-admin to make it joint`
              : `changing which partnerships offer "${course.id}" needs the rights of ${others.join(', ')} too; ask a regional-admin, or leave jointWith as ${JSON.stringify(before.filter((id) => id !== scope))}`,
        });
      }
    }
    const retiredOn = course.retiredOn ?? null;
    if (current && retiredOn !== null && current.retiredOn !== retiredOn) {
      const goingAhead = sessions.filter((session) => session.courseId === course.id && session.status === 'SCHEDULED' && session.heldOn > retiredOn);
      const own = new Set((course.sessions ?? []).map((session) => sessionKey(course.id, session.date, session.startTime)));
      problems.push(
        ...at(
          field,
          retirementProblems({
            retiredOn,
            alreadyRetiredOn: null,
            sessionsGoingAheadAfter: goingAhead
              .filter(
                (session) =>
                  !packSessions.has(sessionKey(session.courseId, session.heldOn, session.startsAt)) ||
                  own.has(sessionKey(session.courseId, session.heldOn, session.startsAt)),
              )
              .map((session) => session.heldOn),
          }),
        ),
      );
    }
    (course.sessions ?? []).forEach((session, sessionIndex) => {
      const sessionField = `${field}.sessions[${sessionIndex}]`;
      const existing = packSessions.get(sessionKey(course.id, session.date, session.startTime));
      if (!existing) {
        problems.push(...sessionPlanProblems(session, sessionField, retiredOn, options));
        return;
      }
      const changed = !same(sessionColumns(session), pick(existing, SESSION_COLUMNS));
      if (!changed) return;
      if (existing.heldOn < options.today && options.caller)
        problems.push({ field: `${sessionField}.date`, message: `the session on ${existing.heldOn} has taken place; it can no longer be changed` });
      problems.push(...sessionPlanProblems(session, sessionField, retiredOn, { ...options, caller: null }));
      problems.push(...at(sessionField, capacityProblems({ capacity: session.capacity, bookedPlaces: existing.bookedPlaces })));
    });
  });
  const listed = new Set(ids);
  const wantedSessions = new Set(
    value.courses.flatMap((course) => (course.sessions ?? []).map((session) => sessionKey(course.id, session.date, session.startTime))),
  );
  for (const [key, session] of packSessions) {
    if (!listed.has(session.courseId) || wantedSessions.has(key)) continue;
    if (session.heldOn < options.today && options.caller) {
      const index = ids.indexOf(session.courseId);
      problems.push({
        field: `courses[${index}].sessions`,
        message: `the session on ${session.heldOn} has taken place and stays in the record; keep it in the pack`,
      });
    }
  }
  if (problems.length > 0) refuse(problems);

  // Writes.
  const changes: PackChange[] = [];
  const courses = manager.getRepository(CourseEntity);
  for (const course of value.courses) {
    const current = stored.get(course.id);
    const columns = courseColumns(course);
    if (!current) {
      await courses.insert({ id: course.id, version: 1, ...columns });
      changes.push({ entity: 'Course', key: course.id, change: 'ADDED', fields: [] });
      continue;
    }
    const differing = COURSE_COLUMNS.filter((column) => !same(current[column], columns[column as keyof typeof columns]));
    if (differing.length === 0) continue;
    await courses.update(
      { id: course.id },
      { ...Object.fromEntries(differing.map((column) => [column, columns[column as keyof typeof columns]])), version: current.version + 1 },
    );
    changes.push({ entity: 'Course', key: course.id, change: 'CHANGED', fields: differing });
  }

  changes.push(
    ...(await reconcileRows(
      manager,
      {
        entity: CourseThemeEntity,
        name: 'CourseTheme',
        key: (row) => `${row.courseId}/${row.themeId}`,
        columns: [],
        existing: { courseId: In(ids) },
      },
      value.courses.flatMap((course) => course.themes.map((themeId) => ({ courseId: course.id, themeId }))),
    )),
  );

  // Offerings: this partnership's own, and the joint partners' of the courses listed.
  const links = manager.getRepository(CoursePartnershipEntity);
  for (const course of value.courses) {
    const before = offeredBy(course.id);
    const after = [scope, ...(course.jointWith ?? [])];
    for (const partnershipId of after.filter((id) => !before.includes(id))) {
      await links.insert({ courseId: course.id, partnershipId });
      changes.push({ entity: 'CourseOffering', key: `${course.id}/${partnershipId}`, change: 'ADDED', fields: [] });
    }
    for (const partnershipId of before.filter((id) => !after.includes(id))) {
      await links.delete({ courseId: course.id, partnershipId });
      changes.push({ entity: 'CourseOffering', key: `${course.id}/${partnershipId}`, change: 'ENDED', fields: [] });
    }
  }

  // A course no longer listed: a joint course leaves this partnership's programme; its own course retires after its last session going ahead.
  for (const link of offeredHere) {
    if (listed.has(link.courseId)) continue;
    const course = stored.get(link.courseId)!;
    if (offeredBy(link.courseId).length > 1) {
      await links.delete({ courseId: link.courseId, partnershipId: scope });
      changes.push({ entity: 'CourseOffering', key: `${link.courseId}/${scope}`, change: 'ENDED', fields: [] });
      continue;
    }
    if (course.retiredOn !== null) continue;
    const lastGoingAhead = sessions
      .filter((session) => session.courseId === link.courseId && session.status === 'SCHEDULED')
      .reduce((latest, session) => (session.heldOn > latest ? session.heldOn : latest), options.today);
    await courses.update({ id: link.courseId }, { retiredOn: lastGoingAhead, version: course.version + 1 });
    changes.push({ entity: 'Course', key: link.courseId, change: 'ENDED', fields: ['retiredOn'] });
  }

  changes.push(...(await writeSessions(manager, value, packSessions, options)));
  return changes;
}

const SESSION_COLUMNS = ['endsAt', 'deliveryMethod', 'venue', 'virtualLink', 'capacity', 'source'] as const;
const sessionColumns = (session: TrainingSessionValue) => ({
  endsAt: session.endTime,
  deliveryMethod: session.deliveryMethod,
  venue: session.venue ?? null,
  virtualLink: session.virtualLink ?? null,
  capacity: session.capacity,
  source: session.provenance,
});
const pick = <Row extends object, Key extends keyof Row>(row: Row, keys: readonly Key[]) => Object.fromEntries(keys.map((key) => [key, row[key]]));

async function writeSessions(
  manager: EntityManager,
  value: PartnershipTrainingValue,
  packSessions: Map<string, TrainingSessionEntity>,
  options: TrainingPackOptions,
): Promise<PackChange[]> {
  const changes: PackChange[] = [];
  const repository = manager.getRepository(TrainingSessionEntity);
  const wanted = new Set<string>();
  for (const course of value.courses) {
    for (const session of course.sessions ?? []) {
      const key = sessionKey(course.id, session.date, session.startTime);
      wanted.add(key);
      const existing = packSessions.get(key);
      const columns = sessionColumns(session);
      if (!existing) {
        await repository.insert({
          id: randomUUID(),
          courseId: course.id,
          heldOn: session.date,
          startsAt: session.startTime,
          bookedPlaces: 0,
          feedbackResponses: null,
          feedbackRatingTotal: null,
          feedbackWillChangePractice: null,
          version: 1,
          status: 'SCHEDULED',
          cancellationReason: null,
          ...columns,
        });
        changes.push({ entity: 'TrainingSession', key, change: 'ADDED', fields: [] });
        continue;
      }
      const differing = SESSION_COLUMNS.filter((column) => !same(existing[column], columns[column]));
      if (differing.length === 0) continue;
      await repository.update(
        { id: existing.id },
        { ...Object.fromEntries(differing.map((column) => [column, columns[column]])), version: existing.version + 1 },
      );
      changes.push({ entity: 'TrainingSession', key, change: 'CHANGED', fields: differing });
    }
  }
  const listed = new Set(value.courses.map((course) => course.id));
  for (const [key, session] of packSessions) {
    // A past session left out is kept (at seed time nothing is checked against the clock; through the API it was refused above).
    if (!listed.has(session.courseId) || wanted.has(key) || session.heldOn < options.today) continue;
    await cancelForPack(manager, session, options.today);
    changes.push({ entity: 'TrainingSession', key, change: 'ENDED', fields: ['status'] });
  }
  return changes;
}

/** Cancels a session the pack no longer lists, as cancelTrainingSession does: its bookings are cancelled and told why. */
async function cancelForPack(manager: EntityManager, session: TrainingSessionEntity, today: string): Promise<void> {
  await manager
    .getRepository(TrainingSessionEntity)
    .update({ id: session.id }, { status: 'CANCELLED', cancellationReason: REMOVED_FROM_PACK, version: session.version + 1 });
  const changeId = randomUUID();
  await manager.getRepository(TrainingSessionChangeEntity).insert({
    id: changeId,
    sessionId: session.id,
    kind: 'CANCELLED',
    previousHeldOn: session.heldOn,
    previousStartsAt: session.startsAt,
    previousEndsAt: session.endsAt,
    heldOn: null,
    startsAt: null,
    endsAt: null,
    reason: REMOVED_FROM_PACK,
    recordedOn: today,
  });
  const standing = await manager.getRepository(TrainingBookingEntity).find({ where: { sessionId: session.id, status: 'BOOKED' }, select: { id: true } });
  if (standing.length === 0) return;
  await manager
    .getRepository(TrainingBookingEntity)
    .update({ sessionId: session.id, status: 'BOOKED' }, { status: 'CANCELLED_BY_ORGANISER', statusReason: REMOVED_FROM_PACK });
  await manager.getRepository(TrainingBookingNoticeEntity).insert(standing.map((booking) => ({ bookingId: booking.id, changeId })));
}

/**
 * The section as the rows hold it, in a fixed order (courses by id, themes by id, sessions by day
 * and time), so that exporting what a pack loaded gives the pack's bytes back. A course recorded
 * through the API cites no document: its provenance is left out, and the file says so by failing
 * validation until someone states where the course comes from.
 */
export async function readTrainingSection(manager: EntityManager, scope: string): Promise<PartnershipTrainingValue> {
  const ids = (await manager.getRepository(CoursePartnershipEntity).find({ where: { partnershipId: scope } })).map((link) => link.courseId).sort();
  const courses = await manager.getRepository(CourseEntity).find({ where: { id: In(ids) }, order: { id: 'ASC' } });
  const themes = await manager.getRepository(CourseThemeEntity).find({ where: { courseId: In(ids) }, order: { themeId: 'ASC' } });
  const offerings = await manager.getRepository(CoursePartnershipEntity).find({ where: { courseId: In(ids) }, order: { partnershipId: 'ASC' } });
  const sessions = (await manager.getRepository(TrainingSessionEntity).find({ where: { courseId: In(ids), status: 'SCHEDULED' } }))
    .filter(isPackSession)
    .sort((a, b) => `${a.heldOn}T${a.startsAt}`.localeCompare(`${b.heldOn}T${b.startsAt}`));
  return {
    courses: courses.map((course) => {
      const jointWith = offerings.filter((link) => link.courseId === course.id && link.partnershipId !== scope).map((link) => link.partnershipId);
      const own = sessions.filter((session) => session.courseId === course.id);
      const value: Partial<TrainingCourseValue> & Record<string, unknown> = {
        id: course.id,
        title: course.title,
        summary: course.summary,
        ...(jointWith.length > 0 ? { jointWith } : {}),
        themes: themes.filter((theme) => theme.courseId === course.id).map((theme) => theme.themeId),
        ...(course.regionalProcedureChapters.length > 0
          ? { regionalProcedureChapters: course.regionalProcedureChapters.map((chapter) => ({ procedure: chapter.procedureId, title: chapter.title })) }
          : {}),
        audience: course.audience,
        level: course.level,
        deliveryMethods: course.deliveryMethods,
        informedBy: course.informedBy,
        ...(course.providerOrganisationId ? { provider: course.providerOrganisationId } : {}),
        ...(course.retiredOn ? { retiredOn: course.retiredOn } : {}),
        ...(isProvenance(course.source) ? { provenance: orderedProvenance(course.source) } : {}),
        ...(own.length > 0
          ? {
              sessions: own.map((session) => ({
                date: session.heldOn,
                startTime: session.startsAt!,
                endTime: session.endsAt!,
                deliveryMethod: session.deliveryMethod,
                ...(session.venue ? { venue: session.venue } : {}),
                ...(session.virtualLink ? { virtualLink: session.virtualLink } : {}),
                capacity: session.capacity,
                provenance: orderedProvenance(session.source as Provenance),
              })),
            }
          : {}),
      };
      return value as TrainingCourseValue;
    }),
  };
}

function clearLoaders(context: TrainingContext): void {
  // A pack may touch any course, session or offering: drop every cached row of this request.
  for (const loader of Object.values(context.loaders)) (loader as { clearAll?: () => void }).clearAll?.();
}

/** applyTrainingPackSection: the section's YAML applied for one partnership, atomically (a dry run writes nothing). */
export async function applyTrainingPack(
  context: TrainingContext,
  scope: string,
  text: string,
  dryRun: boolean,
  today: string = todayInEngland(),
): Promise<PackSectionApplied> {
  // Rights first: a caller who may not apply this scope learns nothing about the text (nor that training has no regional section).
  packScopeOrRefuse(context.caller, scope, partnershipTrainingSection.subgraph);
  const applied = await applyPackSection<PartnershipTrainingValue>(context, {
    definition: partnershipTrainingSection,
    scope,
    text,
    dryRun,
    apply: (manager, value) => writeTrainingSection(manager, value, scope, { today, caller: context.caller }),
  });
  clearLoaders(context);
  return applied;
}

/** trainingPackSection: the partnership's training.yaml as the platform holds it today. */
export function exportTrainingPack(context: TrainingContext, scope: string): Promise<PackSectionText> {
  return exportPackSection(context, partnershipTrainingSection, scope, readTrainingSection);
}
