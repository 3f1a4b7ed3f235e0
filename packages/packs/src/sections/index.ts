import type { SubgraphSection } from '../layout';
import { partnershipArrangementsSection, regionalArrangementsSection } from './arrangements';
import { partnershipMembershipSection, regionalMembershipSection } from './membership';
import { partnershipReviewsSection, regionalReviewsSection } from './reviews';
import { partnershipThresholdsSection, regionalThresholdsSection } from './thresholds';
import { partnershipTrainingSection } from './training';
import type { SectionDefinition } from './definition';

export * from './definition';
export * from './arrangements';
export * from './membership';
export * from './reviews';
export * from './training';
export * from './thresholds';

/** Every section a pack may hold; a regional section is listed where the region shares that subgraph's data. */
export const SECTIONS: SectionDefinition[] = [
  partnershipArrangementsSection,
  partnershipMembershipSection,
  partnershipReviewsSection,
  partnershipTrainingSection,
  partnershipThresholdsSection,
  regionalMembershipSection,
  regionalArrangementsSection,
  regionalThresholdsSection,
  regionalReviewsSection,
] as SectionDefinition[];

export function sectionFor(scope: string, subgraph: SubgraphSection): SectionDefinition | undefined {
  const kind = scope === 'regional' ? 'regional' : 'partnership';
  return SECTIONS.find((section) => section.subgraph === subgraph && section.scope === kind);
}
