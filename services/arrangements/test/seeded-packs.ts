import { packFolders, type PartnershipArrangements, type RegionalArrangements } from '@safeguarding/packs';
import { readArrangementsSection } from '../seed/packs';

/**
 * The seeded arrangements as the tests' oracle, read from the packs the seed loads (packs/*\/arrangements.yaml),
 * in the shapes the tests used when the seed was TypeScript.
 */
const sections = packFolders()
  .map((folder) => readArrangementsSection(folder))
  .filter((section) => section !== null);
const regional = sections.find((section) => section.scope === 'regional')!.value as RegionalArrangements;
const partnershipPacks = sections.filter((section) => section.scope !== 'regional') as { scope: string; value: PartnershipArrangements }[];

const ownerOf = (bodyId: string) =>
  partnershipPacks.filter((pack) => bodyId.startsWith(`${pack.scope}.`) || (pack.value.sharedBodies ?? []).includes(bodyId)).map((pack) => pack.scope);

export const bodies = [...regional.jointBodies, ...partnershipPacks.flatMap((pack) => pack.value.bodies)].map((body) => ({
  ...body,
  partnershipSlugs: ownerOf(body.id),
  reportsToBodyId: body.reportingLines?.find((line) => line.kind === 'REPORTS_TO' && !line.endDate)?.to,
  closeRelationshipBodyIds: body.closeRelationships,
  validFrom: body.startDate,
  validTo: body.endDate,
  source: body.provenance,
  chairRule: body.chairRule && { ...body.chairRule, source: body.chairRule.provenance },
  quorumRule: body.quorumRule && { ...body.quorumRule, source: body.quorumRule.provenance },
}));

export const leadSafeguardingPartners = partnershipPacks.flatMap((pack) =>
  pack.value.leadSafeguardingPartners.map((partner) => ({ ...partner, partnershipSlug: pack.scope, organisationId: partner.organisation })),
);

export const budgets = partnershipPacks.flatMap((pack) =>
  pack.value.budgets.map((budget) => ({
    ...budget,
    partnershipSlug: pack.scope,
    contributions: budget.contributions.map((contribution) => ({ ...contribution, organisationId: contribution.organisation })),
  })),
);

export const partnerships = partnershipPacks.map((pack) => ({ slug: pack.scope, ...pack.value.partnership }));

export const escalationProcedures = partnershipPacks.flatMap((pack) =>
  (pack.value.escalationProcedures ?? []).map((procedure) => ({ ...procedure, partnershipId: pack.scope })),
);
