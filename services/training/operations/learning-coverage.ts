import { isLoaded } from '@safeguarding/subgraph-runtime';
import type { CourseEntity, CourseThemeEntity, TrainingSessionEntity } from '../entities';
import type { TrainingLoaders } from '../loaders';
import type { LearningCoverageParent } from '../models';
import { countsInFigures } from '../rules/programme-rules';
import { evaluateLearningCoverage, type LearningCoverageFigures } from '../rules/learning-coverage';

/** A partnership and date, with the review themes the gateway fetched from reviews (absent when reviews was down). */
export type CoverageQuestion = Pick<LearningCoverageParent, 'id' | 'since'> & { partnership?: { reviewThemeIds?: string[] | null } | null };

/** Without the review themes the coverage is unknown, not empty. */
export const reviewThemesKnown = (coverage: { partnership?: { reviewThemeIds?: string[] | null } | null }) =>
  Array.isArray(coverage.partnership?.reviewThemeIds);

/**
 * The partnership's courses (joint ones included) with their themes and sessions, evaluated against
 * the review themes; sessions after `until` are left out (an agenda looks back from its meeting).
 */
export async function coverageOf(coverage: CoverageQuestion, loaders: TrainingLoaders, until?: string): Promise<LearningCoverageFigures> {
  const links = await loaders.coursesByPartnership.load(coverage.id);
  const courseIds = links.map((link) => link.courseId);
  const [courses, themes, sessions] = await Promise.all([
    loaders.course.loadMany(courseIds),
    loaders.themesByCourse.loadMany(courseIds),
    loaders.sessionsByCourse.loadMany(courseIds),
  ]);
  const themeIdsByCourse = new Map<string, string[]>();
  for (const link of themes.filter(isLoaded<CourseThemeEntity[]>).flat()) {
    themeIdsByCourse.set(link.courseId, [...(themeIdsByCourse.get(link.courseId) ?? []), link.themeId]);
  }
  return evaluateLearningCoverage(
    coverage.partnership?.reviewThemeIds ?? [],
    courses.filter(isLoaded<CourseEntity>).map((course) => ({ id: course.id, title: course.title, themeIds: themeIdsByCourse.get(course.id) ?? [] })),
    sessions
      .filter(isLoaded<TrainingSessionEntity[]>)
      .flat()
      .filter((session) => countsInFigures(session) && (until === undefined || session.heldOn <= until)),
    coverage.since,
  );
}
