import { mayActOnCourse } from '../access';
import type { Resolvers } from '../generated/graphql';
import { courseSessions, offeringPartnershipIds } from '../operations/courses';

export const courseResolvers: Resolvers = {
  Course: {
    __resolveReference: (reference, { loaders }) => loaders.course.load(reference.id),
    themes: async (course, _args, { loaders }) => (await loaders.themesByCourse.load(course.id)).map((link) => ({ id: link.themeId })),
    offeredBy: async (course, _args, { loaders }) => (await offeringPartnershipIds(course.id, loaders)).map((id) => ({ id })),
    sessions: (course, { from, to }, { loaders }) => courseSessions(course.id, { from, to }, loaders),
    impactEvidence: (course, _args, { loaders }) => loaders.evidenceByCourse.load(course.id),
    provider: (course) => (course.providerOrganisationId ? { id: course.providerOrganisationId } : null),
    viewerCanEdit: (course, _args, { caller, loaders }) => mayActOnCourse(caller, 'manageProgramme', course.id, loaders),
  },
};
