import { isLoaded } from '@safeguarding/subgraph-runtime';
import type { CourseEntity, TrainingSessionEntity } from '../entities';
import type { TrainingLoaders } from '../loaders';

const byTitle = (a: CourseEntity, b: CourseEntity) => a.title.localeCompare(b.title) || a.id.localeCompare(b.id);

/** The partnerships offering a course: whose members may see its bookings and book it. */
export async function offeringPartnershipIds(courseId: string, loaders: TrainingLoaders): Promise<string[]> {
  return (await loaders.partnershipsByCourse.load(courseId)).map((link) => link.partnershipId);
}

/** A course's sessions, optionally only those from and/or to a date (both ends included). */
export async function courseSessions(
  courseId: string,
  { from, to }: { from?: string | null; to?: string | null },
  loaders: TrainingLoaders,
): Promise<TrainingSessionEntity[]> {
  return (await loaders.sessionsByCourse.load(courseId)).filter((session) => (!from || session.heldOn >= from) && (!to || session.heldOn <= to));
}

/** The courses tagged with a theme, by title. */
export async function coursesTeaching(themeId: string, loaders: TrainingLoaders): Promise<CourseEntity[]> {
  const links = await loaders.coursesByTheme.load(themeId);
  return (await loaders.course.loadMany(links.map((link) => link.courseId))).filter(isLoaded<CourseEntity>).sort(byTitle);
}

/** The sessions on or after a date of every course tagged with a theme, in date order. */
export async function sessionsTeachingSince(themeId: string, date: string, loaders: TrainingLoaders): Promise<TrainingSessionEntity[]> {
  const links = await loaders.coursesByTheme.load(themeId);
  const perCourse = await loaders.sessionsByCourse.loadMany(links.map((link) => link.courseId));
  return perCourse
    .filter(isLoaded<TrainingSessionEntity[]>)
    .flat()
    .filter((session) => session.heldOn >= date)
    .sort((a, b) => a.heldOn.localeCompare(b.heldOn) || a.id.localeCompare(b.id));
}
