import type { AgendaItemEntity } from '../entities';
import type { Resolvers } from '../generated/graphql';

export const agendaVersionResolvers: Resolvers = {
  AgendaVersion: {
    publishedAt: (version) => new Date(version.publishedAt).toISOString(),
    items: (version) => version.items as AgendaItemEntity[],
  },
};
