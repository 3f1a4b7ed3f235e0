import type { CourseEntity } from '../entities';
import type { Resolvers } from '../generated/graphql';

export const impactEvidenceResolvers: Resolvers = {
  ImpactEvidence: {
    course: async (evidence, _args, { loaders }) => (await loaders.course.load(evidence.courseId)) as CourseEntity,
    partnership: (evidence) => ({ id: evidence.partnershipId }),
  },
};
