/**
 * Parent (mapper) types: what a resolver's parent object is for each SDL type this subgraph does
 * not store as a row of its own. codegen.ts maps the SDL types here.
 */
import type { ReviewClockEntity, ReviewEntity } from './entities';
import type { PartnershipThemeCount, RepeatedThemeCount } from './rules/repeated-themes';
import type { KindTimeliness } from './rules/timeliness';

/** The repeated-themes evaluator's results are the parents of RepeatedTheme and PartnershipThemeCount. */
export type { PartnershipThemeCount, RepeatedThemeCount };

/** A Partnership owned by the arrangements subgraph: this subgraph only adds fields to it. */
export interface PartnershipReference {
  id: string;
}

/** An Organisation owned by the membership subgraph; the gateway resolves the rest. */
export interface OrganisationReference {
  id: string;
}

/** The action plan or learning briefing of a review: computed from the review, its actions and clocks. */
export interface ReviewPart {
  review: ReviewEntity;
}

export interface ReviewKindTimelinessModel extends KindTimeliness {
  clock: ReviewClockEntity | null;
}
