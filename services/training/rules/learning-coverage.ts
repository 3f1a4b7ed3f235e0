/**
 * Whether a partnership's training follows the learning from its reviews: for each theme the
 * reviews raised, the partnership's courses tagged with it and their sessions on or after `since`.
 * A theme is addressed when at least one such session exists; the rest are the gap list. A course
 * that has not run since `since` does not address a theme: the learning has not reached anyone.
 */
export interface CoverageCourse {
  id: string;
  title: string;
  themeIds: readonly string[];
}

export interface CoverageSession {
  id: string;
  courseId: string;
  heldOn: string;
}

export interface ThemeCoverageFigures {
  themeId: string;
  courseIds: string[];
  sessionIds: string[];
  addressed: boolean;
}

export interface LearningCoverageFigures {
  themes: ThemeCoverageFigures[];
  gapThemeIds: string[];
}

export function evaluateLearningCoverage(
  reviewThemeIds: readonly string[],
  courses: readonly CoverageCourse[],
  sessions: readonly CoverageSession[],
  since: string,
): LearningCoverageFigures {
  const themeIds = [...new Set(reviewThemeIds)].sort();
  const recentSessions = sessions.filter((session) => session.heldOn >= since).sort((a, b) => a.heldOn.localeCompare(b.heldOn) || a.id.localeCompare(b.id));
  const themes = themeIds.map((themeId) => {
    const teaching = courses.filter((course) => course.themeIds.includes(themeId)).sort((a, b) => a.title.localeCompare(b.title) || a.id.localeCompare(b.id));
    const courseIds = new Set(teaching.map((course) => course.id));
    const sessionIds = recentSessions.filter((session) => courseIds.has(session.courseId)).map((session) => session.id);
    return { themeId, courseIds: [...courseIds], sessionIds, addressed: sessionIds.length > 0 };
  });
  return { themes, gapThemeIds: themes.filter((theme) => !theme.addressed).map((theme) => theme.themeId) };
}
