/**
 * Themes that recur across reviews, counted per partnership: the measure behind 002's "reduction in
 * repeated themes/learning points". Counts only.
 */
export interface ReviewThemeFact {
  reviewId: string;
  partnershipId: string;
  themeId: string;
}

export interface PartnershipThemeCount {
  partnershipId: string;
  reviewCount: number;
}

export interface RepeatedThemeCount {
  themeId: string;
  reviewCount: number;
  partnershipCount: number;
  /** Every partnership asked about, in the order asked, zeros included, for side-by-side reading. */
  byPartnership: PartnershipThemeCount[];
}

/** Themes carried by at least `minimumReviews` distinct reviews; most repeated first, then by id. */
export function repeatedThemes(facts: readonly ReviewThemeFact[], partnershipIds: readonly string[], minimumReviews: number): RepeatedThemeCount[] {
  const reviewsByTheme = new Map<string, Map<string, Set<string>>>();
  for (const fact of facts) {
    if (!partnershipIds.includes(fact.partnershipId)) continue;
    const byPartnership = reviewsByTheme.get(fact.themeId) ?? new Map<string, Set<string>>();
    reviewsByTheme.set(fact.themeId, byPartnership);
    const reviews = byPartnership.get(fact.partnershipId) ?? new Set<string>();
    byPartnership.set(fact.partnershipId, reviews);
    reviews.add(fact.reviewId);
  }
  return [...reviewsByTheme]
    .map(([themeId, byPartnership]) => {
      const counts = partnershipIds.map((partnershipId) => ({ partnershipId, reviewCount: byPartnership.get(partnershipId)?.size ?? 0 }));
      return {
        themeId,
        reviewCount: counts.reduce((sum, count) => sum + count.reviewCount, 0),
        partnershipCount: counts.filter((count) => count.reviewCount > 0).length,
        byPartnership: counts,
      };
    })
    .filter((theme) => theme.reviewCount >= minimumReviews)
    .sort((a, b) => b.reviewCount - a.reviewCount || a.themeId.localeCompare(b.themeId));
}
