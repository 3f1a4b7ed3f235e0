import { isLoaded } from '@safeguarding/subgraph-runtime';
import { viewOfProvenance } from '@safeguarding/packs';
import type { CourseEntity, ImpactEvidenceEntity, TrainingBookingEntity, TrainingSessionEntity } from '../entities';
import type { TrainingLoaders } from '../loaders';
import { countsInFigures } from '../rules/programme-rules';
import { summariseImpact, type TrainingImpactSummaryFigures } from '../rules/impact-summary';
import { summariseTrainingReach, type TrainingReachFigures } from '../rules/training-reach';

/** A period of dates, both ends included (YYYY-MM-DD). */
export interface Period {
  from: string;
  to: string;
}

const heldIn =
  ({ from, to }: Period) =>
  (session: TrainingSessionEntity) =>
    session.heldOn >= from && session.heldOn <= to;

/** Every session of every course a partnership offers (joint courses included), in date order. */
export async function partnershipSessions(partnershipId: string, loaders: TrainingLoaders): Promise<TrainingSessionEntity[]> {
  const links = await loaders.coursesByPartnership.load(partnershipId);
  const perCourse = await loaders.sessionsByCourse.loadMany(links.map((link) => link.courseId));
  return perCourse
    .filter(isLoaded<TrainingSessionEntity[]>)
    .flat()
    .sort((a, b) => a.heldOn.localeCompare(b.heldOn) || a.id.localeCompare(b.id));
}

/** A partnership's sessions held in a period, in date order. */
export async function partnershipSessionsIn(partnershipId: string, period: Period, loaders: TrainingLoaders): Promise<TrainingSessionEntity[]> {
  return (await partnershipSessions(partnershipId, loaders)).filter(heldIn(period));
}

/** A partnership's sessions held in a period that count in its figures (reach, impact summary, comparison): cancelled ones do not. */
export async function partnershipSessionsCountedIn(partnershipId: string, period: Period, loaders: TrainingLoaders): Promise<TrainingSessionEntity[]> {
  return (await partnershipSessionsIn(partnershipId, period, loaders)).filter(countsInFigures);
}

/** Every agency's booking on the given sessions. */
export async function bookingsOfSessions(sessions: TrainingSessionEntity[], loaders: TrainingLoaders): Promise<TrainingBookingEntity[]> {
  return (await loaders.bookingsBySession.loadMany(sessions.map((session) => session.id))).filter(isLoaded<TrainingBookingEntity[]>).flat();
}

/** The courses a partnership ran in a period, by title. */
export async function programmeCourses(partnershipId: string, period: Period, loaders: TrainingLoaders): Promise<CourseEntity[]> {
  const sessions = await partnershipSessionsIn(partnershipId, period, loaders);
  const courses = await loaders.course.loadMany([...new Set(sessions.map((session) => session.courseId))]);
  return courses.filter(isLoaded<CourseEntity>).sort((a, b) => a.title.localeCompare(b.title) || a.id.localeCompare(b.id));
}

/** The programme's impact summary for a period; `today` decides which sessions count as delivered. */
export async function programmeImpactSummary(
  partnershipId: string,
  period: Period,
  today: string,
  loaders: TrainingLoaders,
): Promise<TrainingImpactSummaryFigures> {
  const sessions = await partnershipSessionsCountedIn(partnershipId, period, loaders);
  const evidence = (await loaders.evidenceByPartnership.load(partnershipId)).filter(
    (item: ImpactEvidenceEntity) => item.recordedOn >= period.from && item.recordedOn <= period.to,
  );
  return summariseImpact(
    sessions,
    await bookingsOfSessions(sessions, loaders),
    evidence.map((item) => item.kind),
    today,
  );
}

/** True when any session of the programme in the period is synthetic (seeded, not recorded). */
export async function programmeIsSynthetic(partnershipId: string, period: Period, loaders: TrainingLoaders): Promise<boolean> {
  return (await partnershipSessions(partnershipId, loaders)).some((session) => heldIn(period)(session) && viewOfProvenance(session.source).synthetic);
}

/** Who a partnership's training reached in a period. The caller's scope is checked by the resolver. */
export async function partnershipTrainingReach(partnershipId: string, period: Period, loaders: TrainingLoaders): Promise<TrainingReachFigures> {
  const inPeriod = await partnershipSessionsCountedIn(partnershipId, period, loaders);
  return summariseTrainingReach(period.from, period.to, inPeriod, await bookingsOfSessions(inPeriod, loaders));
}
