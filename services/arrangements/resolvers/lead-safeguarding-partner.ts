import type { Resolvers } from '../generated/graphql';
import { organisationReference } from '../models';

export const leadSafeguardingPartnerResolvers: Resolvers = {
  LeadSafeguardingPartner: {
    organisation: (partner) => organisationReference(partner.organisationId),
  },
};
