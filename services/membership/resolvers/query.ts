import type { Resolvers } from '../generated/graphql';
import { listDesignations } from '../operations/designations';
import { listOrganisations } from '../operations/organisation-registry';
import { exportMembershipPack } from '../operations/pack';
import { sharedAgencies } from '../operations/shared-agencies';

export const queryResolvers: Resolvers = {
  Query: {
    organisations: (_root, { sector, nameContains }, context) => listOrganisations(context, { sector, nameContains }),
    organisation: (_root, { id }, { loaders }) => (id.length > 64 ? null : loaders.organisation.load(id)),
    sharedAgencies: (_root, { partnershipSlugs, bodyIds, asOf }, context) => sharedAgencies(context, { partnershipIds: partnershipSlugs, bodyIds, asOf }),
    designations: (_root, { partnershipSlug, kind, asOf }, context) => listDesignations(context, { partnershipId: partnershipSlug, kind, asOf }),
    posts: (_root, { organisationId }, { loaders }) => (organisationId.length > 64 ? [] : loaders.postsByOrganisation.load(organisationId)),
    membershipPackSection: (_root, { scope }, context) => exportMembershipPack(context, scope),
  },
};
