import { notPermitted, slugArgument, todayInEngland } from '@safeguarding/subgraph-runtime';
import type { CourseEntity, CourseThemeEntity, TrainingSessionEntity } from '../entities';
import type { Resolvers } from '../generated/graphql';
import type { TrainingLoaders } from '../loaders';
import { defaultCoverageSince } from '../rules/financial-year';
import { evaluateLearningCoverage, type LearningCoverageFigures } from '../rules/learning-coverage';
import { mayAct } from '../rules/training-access';
import { present } from './programme';
import type { LearningCoverageParent } from './references';

const deniedMessage = (slug: string) =>
  `The learning coverage gap list is for analysts and for members of ${slug}; ask for a token with one of those roles.`;

/** The partnership's courses (joint ones included) with their themes and sessions, evaluated against the review themes. */
export async function coverageOf(coverage: Pick<LearningCoverageParent, 'id' | 'since'> & { partnership?: { reviewThemeIds?: string[] | null } | null }, loaders: TrainingLoaders, until?: string): Promise<LearningCoverageFigures> {
  const links = await loaders.coursesByPartnership.load(coverage.id);
  const courseIds = links.map((link) => link.courseId);
  const [courses, themes, sessions] = await Promise.all([
    loaders.course.loadMany(courseIds),
    loaders.themesByCourse.loadMany(courseIds),
    loaders.sessionsByCourse.loadMany(courseIds),
  ]);
  const themeIdsByCourse = new Map<string, string[]>();
  for (const link of themes.filter(present<CourseThemeEntity[]>).flat()) {
    themeIdsByCourse.set(link.courseId, [...(themeIdsByCourse.get(link.courseId) ?? []), link.themeId]);
  }
  return evaluateLearningCoverage(
    coverage.partnership?.reviewThemeIds ?? [],
    courses.filter(present<CourseEntity>).map((course) => ({ id: course.id, title: course.title, themeIds: themeIdsByCourse.get(course.id) ?? [] })),
    sessions.filter(present<TrainingSessionEntity[]>).flat().filter((session) => until === undefined || session.heldOn <= until),
    coverage.since,
  );
}

const reviewThemesKnown = (coverage: { partnership?: { reviewThemeIds?: string[] | null } | null }) => Array.isArray(coverage.partnership?.reviewThemeIds);

export const learningCoverageResolvers: Resolvers = {
  Query: {
    learningCoverage: (_root, { partnershipSlug, since }, { caller }) => {
      const slug = slugArgument(partnershipSlug, 'partnershipSlug');
      if (!mayAct(caller, 'readLearningCoverage', [slug])) throw notPermitted(caller, deniedMessage(slug));
      return { id: slug, since: since ?? defaultCoverageSince(todayInEngland()), partnership: { id: slug } };
    },
  },
  LearningCoverage: {
    // Reached only through the gateway after Query.learningCoverage, which checked the caller; checked again all the same.
    // The representation carries `partnership { reviewThemeIds }`, fetched from reviews by the gateway (@requires).
    __resolveReference: (reference, { caller }) => {
      if (!mayAct(caller, 'readLearningCoverage', [reference.id])) throw notPermitted(caller, deniedMessage(reference.id));
      return reference as LearningCoverageParent;
    },
    partnership: (coverage) => ({ id: coverage.id }),
    // Without the review themes (reviews was down, so the gateway sent none) the coverage is
    // unknown, not empty: null, beside the gateway's error at partnership.reviewThemeIds.
    themes: async (coverage, _args, { loaders }) => (reviewThemesKnown(coverage) ? (await coverageOf(coverage, loaders)).themes : null),
    gaps: async (coverage, _args, { loaders }) =>
      reviewThemesKnown(coverage) ? (await coverageOf(coverage, loaders)).gapThemeIds.map((id) => ({ id })) : null,
  },
  ThemeCoverage: {
    theme: (figures) => ({ id: figures.themeId }),
    courses: async (figures, _args, { loaders }) => (await loaders.course.loadMany(figures.courseIds)).filter(present<CourseEntity>),
    sessions: async (figures, _args, { loaders }) => (await loaders.session.loadMany(figures.sessionIds)).filter(present<TrainingSessionEntity>),
  },
};
