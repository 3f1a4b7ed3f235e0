import { isLoaded } from '@safeguarding/subgraph-runtime';
import type { CourseEntity, TrainingSessionEntity } from '../entities';
import type { Resolvers } from '../generated/graphql';

export const themeCoverageResolvers: Resolvers = {
  ThemeCoverage: {
    theme: (figures) => ({ id: figures.themeId }),
    courses: async (figures, _args, { loaders }) => (await loaders.course.loadMany(figures.courseIds)).filter(isLoaded<CourseEntity>),
    sessions: async (figures, _args, { loaders }) => (await loaders.session.loadMany(figures.sessionIds)).filter(isLoaded<TrainingSessionEntity>),
  },
};
