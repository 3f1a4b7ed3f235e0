import type { CodegenConfig } from '@graphql-codegen/cli';

/** Resolver types generated from schema.graphql, so the SDL stays the one source of truth. */
const config: CodegenConfig = {
  schema: 'schema.graphql',
  generates: {
    'generated/graphql.ts': {
      plugins: ['typescript', 'typescript-resolvers'],
      config: {
        federation: true,
        useIndexSignature: true,
        contextType: '../context#MembershipContext',
        enumsAsTypes: true,
        mappers: {
          Organisation: '../entities#OrganisationEntity',
          SourceCitation: '@safeguarding/seed-types#SourceCitation as SourceCitationSeed',
        },
      },
    },
  },
};
export default config;
