import { accessTable, type AccessRule, type Caller } from '@safeguarding/auth';
import type { TrainingLoaders } from './loaders';

/**
 * Who may do what with the training programme. Courses and sessions are public; who booked (by
 * agency), reach and the learning-coverage gap list are for analysts across the region and for a
 * partnership's own members and admins; booking needs a role in a partnership offering the course.
 */
const readAggregates: AccessRule = { regionalRoles: ['analyst', 'regional-admin'], partnershipRoles: ['member', 'partnership-admin'] };

export const TRAINING_ACCESS = {
  readBookings: readAggregates,
  readReach: readAggregates,
  readLearningCoverage: readAggregates,
  bookPlaces: { regionalRoles: [], partnershipRoles: ['member', 'partnership-admin'] },
  recordAttendance: { regionalRoles: [], partnershipRoles: ['partnership-admin'] },
  /** Keep the programme: courses, sessions, evaluations (issue 16). Scoped to the partnerships offering the course. */
  manageProgramme: { regionalRoles: [], partnershipRoles: ['partnership-admin'] },
} as const satisfies Record<string, AccessRule>;

export type TrainingAction = keyof typeof TRAINING_ACCESS;

export const { rolesFor, mayAct } = accessTable<TrainingAction>(TRAINING_ACCESS);

/** Why the learning coverage of a partnership was refused, and which token would do. */
export const learningCoverageDenied = (partnershipId: string) =>
  `The learning coverage gap list is for analysts and for members of ${partnershipId}; ask for a token with one of those roles.`;

/** True when the caller may take `action` on a course's sessions: scoped to the partnerships offering it. */
export async function mayActOnCourse(caller: Caller, action: TrainingAction, courseId: string, loaders: TrainingLoaders): Promise<boolean> {
  const offering = await loaders.partnershipsByCourse.load(courseId);
  return mayAct(
    caller,
    action,
    offering.map((link) => link.partnershipId),
  );
}

/**
 * The learning-gap agenda candidates of one partnership: for those who may read its learning
 * coverage, and for the forum secretariat preparing the agenda.
 */
export function mayListLearningGaps(caller: Caller, partnershipId: string): boolean {
  return mayAct(caller, 'readLearningCoverage', [partnershipId]) || caller.grants.some((grant) => grant.role === 'forum-secretariat');
}
