import type { Caller } from '@safeguarding/auth';
import { THEMES } from '@safeguarding/vocabulary';
import { mayListLearningGaps } from '../access';
import type { TrainingLoaders } from '../loaders';
import type { AgendaCandidatesParent } from '../models';
import { defaultCoverageSince } from '../rules/financial-year';
import { coverageOf } from './learning-coverage';

const THEME_NAMES = new Map(THEMES.map((theme) => [theme.id, theme.name]));

/** One agenda candidate, in the shape of the shared AgendaCandidate type (its field names are public). */
export interface LearningGapCandidate {
  key: string;
  partnershipSlug: string;
  title: string;
  reason: string;
  subjectType: 'THEME';
  subjectId: string;
}

/**
 * The agenda workflow's training part: for each partnership whose review themes the gateway brought,
 * the themes reviews raised that no course the partnership offers ran a session on between the
 * default coverage start and the meeting. Partnerships the caller may not list are skipped.
 */
export async function learningGapCandidates(window: AgendaCandidatesParent, caller: Caller, loaders: TrainingLoaders): Promise<LearningGapCandidate[]> {
  const since = defaultCoverageSince(window.until);
  const candidates: LearningGapCandidate[] = [];
  for (const { partnershipSlug: partnershipId, themeIds } of window.reviewThemesByPartnership ?? []) {
    if (!mayListLearningGaps(caller, partnershipId)) continue;
    const coverage = await coverageOf({ id: partnershipId, since, partnership: { reviewThemeIds: themeIds } }, loaders, window.until);
    for (const themeId of coverage.gapThemeIds) {
      candidates.push({
        key: `learning-gap:${partnershipId}:${themeId}:${window.until}`,
        partnershipSlug: partnershipId,
        title: `No recent training on "${THEME_NAMES.get(themeId) ?? themeId}" in ${partnershipId}`,
        reason: `Reviews raised this theme, and no course the partnership offers ran a session on it between ${since} and ${window.until}.`,
        subjectType: 'THEME',
        subjectId: themeId,
      });
    }
  }
  return candidates;
}
