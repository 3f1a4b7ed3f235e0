import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import {
  badUserInput,
  conflict,
  isUniqueViolation,
  multiLineText,
  notFound,
  notPermitted,
  recordReplacedValue,
  singleLineText,
  slugArgument,
  todayInEngland,
} from '@safeguarding/subgraph-runtime';
import type { Caller } from '@safeguarding/auth';
import type { SourceCitation } from '@safeguarding/packs';
import { mayAct, mayActOnCourse } from '../access';
import type { TrainingOperationContext } from '../context';
import {
  CourseEntity,
  CoursePartnershipEntity,
  CourseThemeEntity,
  ImpactEvidenceEntity,
  TrainingBookingEntity,
  TrainingBookingNoticeEntity,
  TrainingSessionChangeEntity,
  TrainingSessionEntity,
} from '../entities';
import type { TrainingLoaders } from '../loaders';
import {
  capacityProblems,
  courseThemeProblems,
  evaluationProblems,
  PROGRAMME_RULES,
  retirementProblems,
  sessionChangeableProblems,
  sessionProblems,
  sessionTimeProblems,
  type Problem,
} from '../rules/programme-rules';
import type { DeliveryMethod, ImpactEvidenceKind, LearningSource, TrainingAudience, TrainingLevel } from '../rules/vocabulary';

/** Every problem found, the first one's field named. */
const refuse = (problems: Problem[]) => badUserInput(`${problems.map((problem) => problem.message).join('; ')}.`, problems[0]!.field);
const recorded = (caller: Caller, mutation: string): SourceCitation => ({
  document: 'recorded through the API',
  section: `${mutation} by ${caller.subject}`,
  synthetic: false,
});
const MANAGE_REFUSED = 'Only a partnership-admin of a partnership offering the course may keep its programme (courses, sessions, evaluations).';

async function courseOrRefuse({ caller, loaders }: TrainingOperationContext, courseId: string): Promise<CourseEntity> {
  const course = await loaders.course.load(courseId);
  if (!course) throw notFound(`No course has the id "${courseId.slice(0, 130)}"; query partnership { trainingProgramme { courses { id } } } for the ids.`);
  if (!(await mayActOnCourse(caller, 'manageProgramme', course.id, loaders))) throw notPermitted(caller, MANAGE_REFUSED);
  return course;
}

async function sessionOrRefuse({ caller, loaders }: TrainingOperationContext, sessionId: string): Promise<TrainingSessionEntity> {
  const session = await loaders.session.load(sessionId);
  if (!session) throw notFound(`No training session has the id "${sessionId}"; query course { sessions { id } } for the ids.`);
  if (!(await mayActOnCourse(caller, 'manageProgramme', session.courseId, loaders))) throw notPermitted(caller, MANAGE_REFUSED);
  return session;
}

/** A lowercase slug of a title for the course id, e.g. "Neglect: recognising & responding" -> neglect-recognising-responding. */
export function titleSlug(title: string, maximum: number): string {
  return title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, maximum)
    .replace(/-+$/, '');
}

export interface CourseDescription {
  title: string;
  summary: string;
  themeIds: string[];
  audience: TrainingAudience;
  level: TrainingLevel;
  informedBy: LearningSource[];
  providerOrganisationId?: string | null;
}

const checkedTitle = (title: string) => singleLineText(title, 'title', PROGRAMME_RULES.titleMaximum);
const checkedSummary = (summary: string) => multiLineText(summary, 'summary', PROGRAMME_RULES.summaryMaximum);
function checkedThemes(themeIds: string[]): string[] {
  const problems = courseThemeProblems(themeIds);
  if (problems.length > 0) throw refuse(problems);
  return themeIds;
}

/** Adds a course offered by the given partnerships; the caller must be a partnership-admin of each. */
export async function createCourse(context: TrainingOperationContext, partnershipIds: string[], description: CourseDescription): Promise<CourseEntity> {
  const { caller, dataSource, loaders } = context;
  if (partnershipIds.length === 0 || partnershipIds.length > 3 || new Set(partnershipIds).size !== partnershipIds.length) {
    throw badUserInput('partnershipIds must name 1 to 3 different partnerships, e.g. ["telford-and-wrekin"].', 'partnershipIds');
  }
  const notAdmin = partnershipIds.filter((partnershipId) => !mayAct(caller, 'manageProgramme', [partnershipId]));
  if (notAdmin.length > 0) {
    throw notPermitted(caller, `Only a partnership-admin of each partnership offering a course may add it; the caller is not one of ${notAdmin.join(', ')}.`);
  }
  const title = checkedTitle(description.title);
  const summary = checkedSummary(description.summary);
  const themeIds = checkedThemes(description.themeIds);
  const prefix = partnershipIds.length > 1 ? 'joint' : partnershipIds[0]!;
  const slug = titleSlug(title, 127 - prefix.length);
  if (slug.length === 0) throw badUserInput('title needs at least one letter or digit: the course id is made from it.', 'title');
  const id = `${prefix}.${slug}`;
  try {
    await dataSource.transaction(async (manager) => {
      await manager.getRepository(CourseEntity).insert({
        id,
        title,
        summary,
        audience: description.audience,
        level: description.level,
        informedBy: [...new Set(description.informedBy)],
        regionalProcedureChapters: [],
        source: recorded(caller, 'createCourse'),
        providerOrganisationId: description.providerOrganisationId ?? null,
        retiredOn: null,
        version: 1,
      });
      await manager.getRepository(CourseThemeEntity).insert(themeIds.map((themeId) => ({ courseId: id, themeId })));
      await manager.getRepository(CoursePartnershipEntity).insert(partnershipIds.map((partnershipId) => ({ courseId: id, partnershipId })));
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(`A course with the id "${id}" already exists; give the new course another title, or update that one.`);
    throw error;
  }
  for (const partnershipId of partnershipIds) loaders.coursesByPartnership.clear(partnershipId);
  return dataSource.getRepository(CourseEntity).findOneByOrFail({ id });
}

/** Changes a course's description, only from the version the caller read (optimistic lock). */
export async function updateCourse(
  context: TrainingOperationContext,
  id: string,
  expectedVersion: number,
  input: Partial<CourseDescription>,
): Promise<CourseEntity> {
  const { dataSource, loaders } = context;
  const course = await courseOrRefuse(context, id);
  recordReplacedValue(context, course);
  const changes: Partial<CourseEntity> = {};
  if (input.title != null) changes.title = checkedTitle(input.title);
  if (input.summary != null) changes.summary = checkedSummary(input.summary);
  if (input.audience != null) changes.audience = input.audience;
  if (input.level != null) changes.level = input.level;
  if (input.informedBy != null) changes.informedBy = [...new Set(input.informedBy)];
  if (input.providerOrganisationId != null) changes.providerOrganisationId = input.providerOrganisationId;
  const themeIds = input.themeIds != null ? checkedThemes(input.themeIds) : null;
  if (Object.keys(changes).length === 0 && themeIds === null) throw badUserInput('Nothing to change: give at least one field in input.', 'input');
  await dataSource.transaction(async (manager) => {
    const result = await manager
      .createQueryBuilder()
      .update(CourseEntity)
      .set({ ...changes, version: () => 'version + 1' })
      .where('id = :id AND version = :expectedVersion', { id, expectedVersion })
      .execute();
    if (result.affected !== 1) throw staleCourse(course, expectedVersion);
    if (themeIds) {
      await manager.getRepository(CourseThemeEntity).delete({ courseId: id });
      await manager.getRepository(CourseThemeEntity).insert(themeIds.map((themeId) => ({ courseId: id, themeId })));
    }
  });
  loaders.course.clear(id);
  loaders.themesByCourse.clear(id);
  return dataSource.getRepository(CourseEntity).findOneByOrFail({ id });
}

const staleCourse = (course: CourseEntity, expectedVersion: number) =>
  conflict(`"${course.title}" was changed by someone else since version ${expectedVersion}; read it again and reapply your edit.`);

/** Retires a course from a date: refused while a session after it still goes ahead. */
export async function retireCourse(context: TrainingOperationContext, id: string, expectedVersion: number, retiredOn: string): Promise<CourseEntity> {
  const { dataSource, loaders } = context;
  const course = await courseOrRefuse(context, id);
  recordReplacedValue(context, course);
  await dataSource.transaction(async (manager) => {
    // The update locks the course row: a session scheduled meanwhile (which reads the row FOR SHARE) is either seen below or refused after.
    const result = await manager
      .createQueryBuilder()
      .update(CourseEntity)
      .set({ retiredOn, version: () => 'version + 1' })
      .where('id = :id AND version = :expectedVersion AND retired_on IS NULL', { id, expectedVersion })
      .execute();
    if (result.affected !== 1) {
      const current = await manager.getRepository(CourseEntity).findOneByOrFail({ id });
      if (current.version === expectedVersion && current.retiredOn !== null) {
        throw refuse(retirementProblems({ retiredOn, alreadyRetiredOn: current.retiredOn, sessionsGoingAheadAfter: [] }));
      }
      throw staleCourse(course, expectedVersion);
    }
    const after = await manager
      .getRepository(TrainingSessionEntity)
      .createQueryBuilder('session')
      .where("session.course_id = :id AND session.held_on > :retiredOn AND session.status = 'SCHEDULED'", { id, retiredOn })
      .orderBy('session.held_on')
      .getMany();
    const problems = retirementProblems({ retiredOn, alreadyRetiredOn: null, sessionsGoingAheadAfter: after.map((session) => session.heldOn) });
    if (problems.length > 0) throw refuse(problems);
  });
  loaders.course.clear(id);
  return dataSource.getRepository(CourseEntity).findOneByOrFail({ id });
}

export interface SessionRequest {
  courseId: string;
  date: string;
  startTime: string;
  endTime: string;
  deliveryMethod: DeliveryMethod;
  venue?: string | null;
  virtualLink?: string | null;
  capacity: number;
}

/** Adds a session to a course the caller's partnership offers. */
export async function scheduleTrainingSession(
  context: TrainingOperationContext,
  request: SessionRequest,
  today: string = todayInEngland(),
): Promise<TrainingSessionEntity> {
  const { caller, dataSource, loaders } = context;
  const course = await courseOrRefuse(context, request.courseId);
  const venue = request.venue != null ? singleLineText(request.venue, 'venue', PROGRAMME_RULES.venueMaximum) : null;
  const virtualLink = request.virtualLink != null ? singleLineText(request.virtualLink, 'virtualLink', 500) : null;
  const plan = { ...request, venue, virtualLink, today, courseRetiredOn: course.retiredOn };
  const problems = sessionProblems(plan);
  if (problems.length > 0) throw refuse(problems);
  const id = randomUUID();
  await dataSource.transaction(async (manager) => {
    // Read the course row FOR SHARE: a retirement recorded meanwhile is seen here, or waits for this session and then sees it.
    const [current] = await manager.query<{ retired_on: string | null }[]>(
      `SELECT to_char(retired_on, 'YYYY-MM-DD') AS retired_on FROM ${manager.connection.getMetadata(CourseEntity).tablePath} WHERE id = $1 FOR SHARE`,
      [course.id],
    );
    const retired = sessionTimeProblems({ ...plan, courseRetiredOn: current?.retired_on ?? null });
    if (retired.length > 0) throw refuse(retired);
    await manager.getRepository(TrainingSessionEntity).insert({
      id,
      courseId: course.id,
      heldOn: request.date,
      deliveryMethod: request.deliveryMethod,
      capacity: request.capacity,
      bookedPlaces: 0,
      feedbackResponses: null,
      feedbackRatingTotal: null,
      feedbackWillChangePractice: null,
      source: recorded(caller, 'scheduleTrainingSession'),
      version: 1,
      startsAt: request.startTime,
      endsAt: request.endTime,
      venue,
      virtualLink,
      status: 'SCHEDULED',
      cancellationReason: null,
    });
  });
  loaders.sessionsByCourse.clear(course.id);
  return dataSource.getRepository(TrainingSessionEntity).findOneByOrFail({ id });
}

const staleSession = (session: TrainingSessionEntity, expectedVersion: number) =>
  conflict(`The session on ${session.heldOn} was changed by someone else since version ${expectedVersion}; read it again and reapply your change.`);

/**
 * Changes a session's terms under the optimistic lock and records the change, with a notice for
 * every booking still standing; `bookings` updates those bookings first when the change needs it.
 */
async function recordSessionChange(
  manager: EntityManager,
  session: TrainingSessionEntity,
  expectedVersion: number,
  set: Partial<TrainingSessionEntity>,
  change: Omit<TrainingSessionChangeEntity, 'id' | 'sessionId' | 'previousHeldOn' | 'previousStartsAt' | 'previousEndsAt' | 'recordedAt'>,
  bookings?: Partial<TrainingBookingEntity>,
): Promise<void> {
  // Lock the row first, so the earlier date and times recorded are the ones replaced, and no booking is added or grows meanwhile.
  const current = await manager.getRepository(TrainingSessionEntity).findOne({ where: { id: session.id }, lock: { mode: 'pessimistic_write' } });
  if (!current || current.version !== expectedVersion || current.status !== 'SCHEDULED') throw staleSession(session, expectedVersion);
  await manager
    .createQueryBuilder()
    .update(TrainingSessionEntity)
    .set({ ...set, version: () => 'version + 1' })
    .where('id = :id', { id: session.id })
    .execute();
  const changeId = randomUUID();
  await manager.getRepository(TrainingSessionChangeEntity).insert({
    id: changeId,
    sessionId: session.id,
    previousHeldOn: current.heldOn,
    previousStartsAt: current.startsAt,
    previousEndsAt: current.endsAt,
    ...change,
  });
  const standing = await manager.getRepository(TrainingBookingEntity).find({ where: { sessionId: session.id, status: 'BOOKED' }, select: { id: true } });
  if (standing.length === 0) return;
  if (bookings) await manager.getRepository(TrainingBookingEntity).update({ sessionId: session.id, status: 'BOOKED' }, bookings);
  await manager.getRepository(TrainingBookingNoticeEntity).insert(standing.map((booking) => ({ bookingId: booking.id, changeId })));
}

function clearSession(loaders: TrainingLoaders, session: TrainingSessionEntity) {
  loaders.session.clear(session.id);
  loaders.sessionsByCourse.clear(session.courseId);
  loaders.changesBySession.clear(session.id);
  loaders.bookingsBySession.clear(session.id);
}

const checkedReason = (reason: string) => singleLineText(reason, 'reason', PROGRAMME_RULES.reasonMaximum, { refuseIdentifiers: true });

/** Moves a session that has not taken place; its bookings follow, each told of the move and why. */
export async function rescheduleTrainingSession(
  context: TrainingOperationContext,
  id: string,
  expectedVersion: number,
  request: { date: string; startTime: string; endTime: string; reason: string },
  today: string = todayInEngland(),
): Promise<TrainingSessionEntity> {
  const { dataSource, loaders } = context;
  const session = await sessionOrRefuse(context, id);
  recordReplacedValue(context, session);
  const reason = checkedReason(request.reason);
  const course = (await loaders.course.load(session.courseId))!;
  const problems = [...sessionChangeableProblems(session, today), ...sessionTimeProblems({ ...request, today, courseRetiredOn: course.retiredOn })];
  if (problems.length > 0) throw refuse(problems);
  if (request.date === session.heldOn && request.startTime === session.startsAt && request.endTime === session.endsAt) {
    throw badUserInput(`The session is already on ${session.heldOn} from ${request.startTime} to ${request.endTime}; nothing to change.`, 'date');
  }
  await dataSource.transaction((manager) =>
    recordSessionChange(
      manager,
      session,
      expectedVersion,
      { heldOn: request.date, startsAt: request.startTime, endsAt: request.endTime },
      { kind: 'RESCHEDULED', heldOn: request.date, startsAt: request.startTime, endsAt: request.endTime, reason, recordedOn: today },
    ),
  );
  clearSession(loaders, session);
  return dataSource.getRepository(TrainingSessionEntity).findOneByOrFail({ id });
}

/** Cancels a session that has not taken place; its bookings stay, marked cancelled by the organiser with the reason. */
export async function cancelTrainingSession(
  context: TrainingOperationContext,
  id: string,
  expectedVersion: number,
  rawReason: string,
  today: string = todayInEngland(),
): Promise<TrainingSessionEntity> {
  const { dataSource, loaders } = context;
  const session = await sessionOrRefuse(context, id);
  recordReplacedValue(context, session);
  const reason = checkedReason(rawReason);
  const problems = sessionChangeableProblems(session, today);
  if (problems.length > 0) throw refuse(problems);
  await dataSource.transaction((manager) =>
    recordSessionChange(
      manager,
      session,
      expectedVersion,
      { status: 'CANCELLED', cancellationReason: reason },
      { kind: 'CANCELLED', heldOn: null, startsAt: null, endsAt: null, reason, recordedOn: today },
      { status: 'CANCELLED_BY_ORGANISER', statusReason: reason },
    ),
  );
  clearSession(loaders, session);
  return dataSource.getRepository(TrainingSessionEntity).findOneByOrFail({ id });
}

/**
 * Changes a session's capacity. One conditional statement, like a booking's: against a booking at
 * the same time exactly one wins (the row lock orders them; each sees what the other left).
 */
export async function changeSessionCapacity(
  context: TrainingOperationContext,
  id: string,
  expectedVersion: number,
  capacity: number,
  today: string = todayInEngland(),
): Promise<TrainingSessionEntity> {
  const { dataSource, loaders } = context;
  const session = await sessionOrRefuse(context, id);
  recordReplacedValue(context, session);
  const problems = [...sessionChangeableProblems(session, today), ...capacityProblems({ capacity, bookedPlaces: session.bookedPlaces })];
  if (problems.length > 0) throw refuse(problems);
  if (capacity === session.capacity) throw badUserInput(`The session already has ${capacity} places; nothing to change.`, 'capacity');
  const result = await dataSource
    .createQueryBuilder()
    .update(TrainingSessionEntity)
    .set({ capacity, version: () => 'version + 1' })
    .where("id = :id AND version = :expectedVersion AND status = 'SCHEDULED' AND booked_places <= :capacity", { id, expectedVersion, capacity })
    .execute();
  if (result.affected !== 1) {
    const current = await dataSource.getRepository(TrainingSessionEntity).findOneByOrFail({ id });
    if (current.version !== expectedVersion || current.status !== 'SCHEDULED') throw staleSession(session, expectedVersion);
    // Bookings took the places meanwhile.
    throw refuse(capacityProblems({ capacity, bookedPlaces: current.bookedPlaces }));
  }
  clearSession(loaders, session);
  return dataSource.getRepository(TrainingSessionEntity).findOneByOrFail({ id });
}

export interface EvaluationRequest {
  courseId: string;
  partnershipId: string;
  kind: ImpactEvidenceKind;
  recordedOn: string;
  summary: string;
}

/** Records follow-up evidence that a course changed practice in one of the partnerships offering it. */
export async function recordTrainingEvaluation(
  { caller, dataSource, loaders }: TrainingOperationContext,
  request: EvaluationRequest,
  today: string = todayInEngland(),
): Promise<ImpactEvidenceEntity> {
  const course = await loaders.course.load(request.courseId);
  if (!course)
    throw notFound(`No course has the id "${request.courseId.slice(0, 130)}"; query partnership { trainingProgramme { courses { id } } } for the ids.`);
  const partnershipId = slugArgument(request.partnershipId, 'partnershipId');
  if (!mayAct(caller, 'manageProgramme', [partnershipId])) {
    throw notPermitted(caller, `Only a partnership-admin of ${partnershipId} may record its evaluations.`);
  }
  const offering = (await loaders.partnershipsByCourse.load(course.id)).map((link) => link.partnershipId);
  if (!offering.includes(partnershipId)) {
    throw badUserInput(`${partnershipId} does not offer "${course.title}" (offered by ${offering.join(', ')}); evaluate a course it offers.`, 'partnershipId');
  }
  const summary = multiLineText(request.summary, 'summary', PROGRAMME_RULES.evaluationSummaryMaximum, { refuseIdentifiers: true });
  const problems = evaluationProblems({ recordedOn: request.recordedOn, today });
  if (problems.length > 0) throw refuse(problems);
  const id = randomUUID();
  await dataSource.getRepository(ImpactEvidenceEntity).insert({
    id,
    courseId: course.id,
    partnershipId,
    kind: request.kind,
    recordedOn: request.recordedOn,
    summary,
    source: recorded(caller, 'recordTrainingEvaluation'),
  });
  loaders.evidenceByCourse.clear(course.id);
  loaders.evidenceByPartnership.clear(partnershipId);
  return dataSource.getRepository(ImpactEvidenceEntity).findOneByOrFail({ id });
}
