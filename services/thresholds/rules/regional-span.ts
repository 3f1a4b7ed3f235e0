/**
 * The regional levels a partnership level may be mapped onto: exactly one, or two adjacent ones
 * when the level straddles them. Anything wider says the mapping is not yet understood, and the
 * crosswalk should not pretend otherwise.
 */
export interface RankedRegionalLevel {
  id: string;
  rank: number;
}

export type RegionalSpanCheck = { ok: true; regionalLevelIds: string[] } | { ok: false; problem: string };

export function checkRegionalSpan(requestedIds: readonly string[], regionalLevels: readonly RankedRegionalLevel[]): RegionalSpanCheck {
  const known = new Map(regionalLevels.map((level) => [level.id, level]));
  const unique = [...new Set(requestedIds)];
  if (unique.length === 0) return { ok: false, problem: 'Give one regional level, or two adjacent ones when the level straddles them.' };
  if (unique.length > 2) return { ok: false, problem: `A level maps onto at most two adjacent regional levels; ${unique.length} were given.` };
  const unknown = unique.filter((id) => !known.has(id));
  if (unknown.length > 0) {
    return {
      ok: false,
      problem: `Unknown regional level ${unknown.map((id) => `"${id.slice(0, 40)}"`).join(', ')}; the levels are ${[...known.keys()].join(', ')}.`,
    };
  }
  const levels = unique.map((id) => known.get(id)!).sort((a, b) => a.rank - b.rank);
  if (levels.length === 2 && levels[1]!.rank - levels[0]!.rank !== 1) {
    return { ok: false, problem: `A straddling level spans two adjacent regional levels; ${levels[0]!.id} and ${levels[1]!.id} are not adjacent.` };
  }
  return { ok: true, regionalLevelIds: levels.map((level) => level.id) };
}
