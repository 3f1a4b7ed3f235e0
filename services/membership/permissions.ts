import { allow, hasAnyRole, type IRules } from '@safeguarding/subgraph-runtime';

/** The registry is public; only regional administrators change it. Anything not listed is denied. */
export const permissions: IRules = {
  Query: { organisations: allow, organisation: allow },
  Mutation: { registerOrganisation: hasAnyRole('regional-admin') },
  Organisation: { '*': allow },
  SourceCitation: { '*': allow },
};
