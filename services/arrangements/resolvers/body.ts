import { hasRole } from '@safeguarding/auth';
import { todayInEngland, validOn } from '@safeguarding/subgraph-runtime';
import type { Caller } from '@safeguarding/auth';
import type { BodyEntity, PartnershipEntity } from '../entities';
import type { ArrangementsLoaders } from '../loaders';
import type { Resolvers } from '../generated/graphql';
import { organisationReference } from './organisation-reference';

const present = <T>(value: T | null | Error): value is T => value !== null && !(value instanceof Error);

/** A partnership-admin of any of the body's partnerships may edit it. */
export async function canEditBody(caller: Caller, body: BodyEntity, loaders: ArrangementsLoaders): Promise<boolean> {
  const links = await loaders.bodyPartnerships.load(body.id);
  return links.some((link) => hasRole(caller, 'partnership-admin', link.partnershipId));
}

export const bodyResolvers: Resolvers = {
  Body: {
    __resolveReference: (reference, { loaders }) => loaders.body.load(reference.id),
    partnerships: async (body, _args, { loaders }) => {
      const links = await loaders.bodyPartnerships.load(body.id);
      const partnerships = await loaders.partnership.loadMany(links.map((link) => link.partnershipId));
      return partnerships.filter(present<PartnershipEntity>).sort((a, b) => a.name.localeCompare(b.name));
    },
    reportsTo: (body, _args, { loaders }) => (body.reportsToBodyId ? loaders.body.load(body.reportsToBodyId) : null),
    reportingBodies: async (body, { asOf }, { loaders }) => {
      const date = asOf ?? todayInEngland();
      return (await loaders.bodiesReportingTo.load(body.id)).filter((child) => validOn(child, date));
    },
    closeRelationships: async (body, _args, { loaders }) => {
      const links = await loaders.relationships.load(body.id);
      const related = await loaders.body.loadMany(links.map((link) => link.relatedBodyId));
      return related.filter(present<BodyEntity>).sort((a, b) => a.name.localeCompare(b.name));
    },
    viewerCanEdit: (body, _args, { caller, loaders }) => canEditBody(caller, body, loaders),
  },
  ChairRule: {
    organisation: (rule) => (rule.organisationId ? organisationReference(rule.organisationId) : null),
    post: (rule) => rule.post ?? null,
    appointedBy: (rule) => rule.appointedBy ?? null,
  },
  QuorumRule: {
    requiredOrganisations: (rule) => rule.requiredOrganisationIds.map(organisationReference),
  },
};
