import type { Resolvers } from '../generated/graphql';
import { coursesTeaching, sessionsTeachingSince } from '../operations/courses';

export const themeResolvers: Resolvers = {
  Theme: {
    __resolveReference: (reference) => ({ id: reference.id }),
    courses: (theme, _args, { loaders }) => coursesTeaching(theme.id, loaders),
    trainingSessionsSince: (theme, { date }, { loaders }) => sessionsTeachingSince(theme.id, date, loaders),
  },
};
