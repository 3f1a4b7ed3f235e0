import type { ReviewClockEntity, ReviewEntity } from './entities';
import type { KindTimeliness } from './rules/timeliness';

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
