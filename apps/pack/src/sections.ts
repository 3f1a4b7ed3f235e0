import { sectionFor, type SubgraphSection } from '@safeguarding/packs';

/**
 * The order sections are imported in: arrangements first (it creates the partnership and its
 * bodies, which the others refer to), then membership (seats on those bodies), thresholds,
 * training and reviews (which tag themes and cite bodies).
 */
export const IMPORT_ORDER: readonly SubgraphSection[] = ['arrangements', 'membership', 'thresholds', 'training', 'reviews'];

/** The sections a scope's pack has (the regional pack has no training section). */
export function sectionsOfScope(scope: string): SubgraphSection[] {
  return IMPORT_ORDER.filter((section) => sectionFor(scope, section) !== undefined);
}

const capitalised = (section: SubgraphSection): string => section[0]!.toUpperCase() + section.slice(1);

/**
 * The gateway's fields for a section, by the convention every subgraph follows
 * (packages/federation-contract/sdl/pack.graphql): `<section>PackSection(scope)` to export and
 * `apply<Section>PackSection(scope, text, dryRun)` to apply.
 */
export const exportField = (section: SubgraphSection): string => `${section}PackSection`;
export const applyField = (section: SubgraphSection): string => `apply${capitalised(section)}PackSection`;

export function exportQuery(section: SubgraphSection): string {
  return `query ExportPackSection($scope: String!) { ${exportField(section)}(scope: $scope) { scope section text } }`;
}

export function applyMutation(section: SubgraphSection): string {
  return (
    `mutation ApplyPackSection($scope: String!, $text: String!, $dryRun: Boolean!) { ` +
    `${applyField(section)}(scope: $scope, text: $text, dryRun: $dryRun) { scope section applied changes { entity key change fields } } }`
  );
}
