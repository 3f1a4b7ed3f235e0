import { type AgendaCandidatesKey } from '@safeguarding/federated-keys';
import { THEMES } from '@safeguarding/vocabulary';
import type { Resolvers } from '../generated/graphql';
import { defaultCoverageSince } from '../rules/financial-year';
import { mayAct } from '../rules/training-access';
import { coverageOf } from './learning-coverage';

const THEME_NAMES = new Map(THEMES.map((theme) => [theme.id, theme.name]));

/** The candidates key, plus each partnership's review themes, fetched from reviews by the gateway (@requires). */
export interface AgendaCandidatesParent extends AgendaCandidatesKey {
  reviewThemesByPartnership?: { partnershipSlug: string; themeIds: string[] }[];
}

export const agendaCandidateResolvers: Resolvers = {
  AgendaCandidates: {
    learningGaps: async (parent, _args, { caller, loaders }) => {
      const window = parent as unknown as AgendaCandidatesParent;
      const since = defaultCoverageSince(window.until);
      const candidates = [];
      for (const { partnershipSlug, themeIds } of window.reviewThemesByPartnership ?? []) {
        // The gap list is for those who may read learning coverage, and for the forum secretariat preparing the agenda.
        if (!mayAct(caller, 'readLearningCoverage', [partnershipSlug]) && !caller.grants.some((grant) => grant.role === 'forum-secretariat')) continue;
        const coverage = await coverageOf({ id: partnershipSlug, since, partnership: { reviewThemeIds: themeIds } }, loaders, window.until);
        for (const themeId of coverage.gapThemeIds) {
          candidates.push({
            key: `learning-gap:${partnershipSlug}:${themeId}:${window.until}`,
            partnershipSlug,
            title: `No recent training on "${THEME_NAMES.get(themeId) ?? themeId}" in ${partnershipSlug}`,
            reason: `Reviews raised this theme, and no course the partnership offers ran a session on it between ${since} and ${window.until}.`,
            subjectType: 'THEME' as const,
            subjectId: themeId,
          });
        }
      }
      return candidates;
    },
  },
};
