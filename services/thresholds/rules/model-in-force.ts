import { inForceOn } from '@safeguarding/subgraph-runtime';

/**
 * Which version of a threshold model was in force on a date. A version is in force from its
 * effectiveFrom (null: since records began) to its effectiveTo (null: open) inclusive; when two
 * overlap, because a new version was published without closing the old one, the later start wins,
 * so a new version changes the answer for dates from its start only.
 */
export interface DatedVersion {
  effectiveFrom: string | null;
  effectiveTo: string | null;
}

export function modelInForce<T extends DatedVersion>(versions: readonly T[], asOf: string): T | null {
  let best: T | null = null;
  for (const version of versions) {
    if (!inForceOn({ startDate: version.effectiveFrom, endDate: version.effectiveTo }, asOf)) continue;
    if (best === null || (version.effectiveFrom ?? '') > (best.effectiveFrom ?? '')) best = version;
  }
  return best;
}
