/**
 * The regional crosswalk as two pure functions: a side-by-side table (one row per regional level,
 * the levels of each partnership that map onto it) and a translation of one level into another
 * partnership's model (the levels sharing at least one regional level with it).
 */
export type Confidence = 'HIGH' | 'MEDIUM' | 'LOW';

export interface MappedLevel {
  levelId: string;
  /** Position within its own model, lowest need first. */
  rank: number;
  regionalLevelIds: readonly string[];
  confidence: Confidence;
}

export interface ComparisonRow<R> {
  regionalLevel: R;
  entries: { partnershipId: string; levelIds: string[] }[];
}

export function compareOnRegionalScale<R extends { id: string; rank: number }>(
  regionalLevels: readonly R[],
  partnerships: readonly { partnershipId: string; levels: readonly MappedLevel[] }[],
): ComparisonRow<R>[] {
  return [...regionalLevels]
    .sort((a, b) => a.rank - b.rank)
    .map((regionalLevel) => ({
      regionalLevel,
      entries: partnerships.map(({ partnershipId, levels }) => ({
        partnershipId,
        levelIds: [...levels]
          .sort((a, b) => a.rank - b.rank)
          .filter((level) => level.regionalLevelIds.includes(regionalLevel.id))
          .map((level) => level.levelId),
      })),
    }));
}

/** SAME_REGIONAL_LEVELS: both levels cover exactly the same regional levels; OVERLAPPING: some. */
export type LevelMatch = 'SAME_REGIONAL_LEVELS' | 'OVERLAPPING';

export interface Equivalent {
  levelId: string;
  sharedRegionalLevelIds: string[];
  match: LevelMatch;
  /** The weaker of the two mappings' confidences: a translation is no surer than either end. */
  confidence: Confidence;
}

const CONFIDENCE_ORDER: Confidence[] = ['LOW', 'MEDIUM', 'HIGH'];
export const weakerConfidence = (a: Confidence, b: Confidence): Confidence => (CONFIDENCE_ORDER.indexOf(a) <= CONFIDENCE_ORDER.indexOf(b) ? a : b);

export function translateThroughRegionalScale(from: MappedLevel, candidates: readonly MappedLevel[]): Equivalent[] {
  const fromSet = new Set(from.regionalLevelIds);
  return [...candidates]
    .sort((a, b) => a.rank - b.rank)
    .flatMap((candidate) => {
      const shared = candidate.regionalLevelIds.filter((id) => fromSet.has(id));
      if (shared.length === 0) return [];
      const same = shared.length === fromSet.size && candidate.regionalLevelIds.length === fromSet.size;
      return [
        {
          levelId: candidate.levelId,
          sharedRegionalLevelIds: shared,
          match: same ? 'SAME_REGIONAL_LEVELS' : 'OVERLAPPING',
          confidence: weakerConfidence(from.confidence, candidate.confidence),
        } satisfies Equivalent,
      ];
    });
}

export interface ExplainedLevel {
  name: string;
  partnershipId: string;
  verified: boolean;
  rationale: string;
}

/** One readable paragraph: both mappings' rationales, and a warning when either end is assumed. */
export function explainEquivalence(from: ExplainedLevel, to: ExplainedLevel, match: LevelMatch): string {
  const how = match === 'SAME_REGIONAL_LEVELS' ? 'sit on the same regional levels' : 'share part of the regional scale';
  const parts = [
    `${from.name} (${from.partnershipId}) and ${to.name} (${to.partnershipId}) ${how}.`,
    `${from.name}: ${from.rationale}`,
    `${to.name}: ${to.rationale}`,
  ];
  const unverified = [from, to].filter((level) => !level.verified).map((level) => level.partnershipId);
  if (unverified.length > 0) {
    parts.push(
      `Provisional: the level names of ${unverified.join(' and ')} are not established from the threshold document, so check the document before relying on this.`,
    );
  }
  return parts.join(' ');
}
