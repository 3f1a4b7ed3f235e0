import type { Resolvers } from '../generated/graphql';

export const agendaSubjectResolvers: Resolvers = {
  AgendaSubject: {
    __resolveType: (subject) => subject.__typename as never,
  },
};
