import { badUserInput, todayInEngland } from '@safeguarding/subgraph-runtime';
import { mayActOnCourse } from '../access';
import type { Resolvers } from '../generated/graphql';
import { courseSessions, offeringPartnershipIds } from '../operations/courses';
import { projectYearlySessions } from '../rules/expected-sessions';

const MAXIMUM_EXPECTED = 50;

export const courseResolvers: Resolvers = {
  Course: {
    __resolveReference: (reference, { loaders }) => loaders.course.load(reference.id),
    themes: async (course, _args, { loaders }) => (await loaders.themesByCourse.load(course.id)).map((link) => ({ id: link.themeId })),
    offeredBy: async (course, _args, { loaders }) => (await offeringPartnershipIds(course.id, loaders)).map((id) => ({ id })),
    sessions: (course, { from, to }, { loaders }) => courseSessions(course.id, { from, to }, loaders),
    expectedSessions: async (course, { limit }, { loaders }) => {
      const count = limit ?? 3;
      if (count < 1 || count > MAXIMUM_EXPECTED) throw badUserInput(`limit must be between 1 and ${MAXIMUM_EXPECTED}`, 'limit');
      const sessions = (await loaders.sessionsByCourse.load(course.id)).map((s) => ({ date: s.heldOn, status: s.status, deliveryMethod: s.deliveryMethod }));
      return projectYearlySessions(sessions, { today: todayInEngland(), limit: count, retiredOn: course.retiredOn }).map((projection) => ({
        ...projection,
        course,
      }));
    },
    impactEvidence: (course, _args, { loaders }) => loaders.evidenceByCourse.load(course.id),
    provider: (course) => (course.providerOrganisationId ? { id: course.providerOrganisationId } : null),
    viewerCanEdit: (course, _args, { caller, loaders }) => mayActOnCourse(caller, 'manageProgramme', course.id, loaders),
  },
  ExpectedTrainingSession: {
    course: (expected) => expected.course,
  },
};
