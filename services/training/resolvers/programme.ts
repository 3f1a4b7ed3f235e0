import type { TrainingSessionEntity } from '../entities';
import type { TrainingLoaders } from '../loaders';

export const present = <T>(value: T | null | Error): value is T => value !== null && !(value instanceof Error);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: string) => UUID.test(value);

/** Every session of every course a partnership offers (joint courses included), in date order. */
export async function partnershipSessions(partnershipId: string, loaders: TrainingLoaders): Promise<TrainingSessionEntity[]> {
  const links = await loaders.coursesByPartnership.load(partnershipId);
  const perCourse = await loaders.sessionsByCourse.loadMany(links.map((link) => link.courseId));
  return perCourse
    .filter(present<TrainingSessionEntity[]>)
    .flat()
    .sort((a, b) => a.heldOn.localeCompare(b.heldOn) || a.id.localeCompare(b.id));
}

/** The partnerships offering a session's course: whose members may see and book it. */
export async function offeringPartnershipIds(courseId: string, loaders: TrainingLoaders): Promise<string[]> {
  return (await loaders.partnershipsByCourse.load(courseId)).map((link) => link.partnershipId);
}
