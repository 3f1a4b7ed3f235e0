/**
 * The one graphql-codegen setup every subgraph uses: resolver types generated from its
 * schema/ folder (its SDL, one file per area) into generated/graphql.ts, with federation's reference resolvers, the Date scalar
 * as an ISO string, and the subgraph's own context and mappers (GraphQL type -> what its resolvers
 * receive, usually an entity class).
 */
export interface SubgraphCodegenOptions {
  /** e.g. "../context#ReviewsContext" (relative to generated/). */
  contextType: string;
  /** GraphQL type name -> "module#Export" (relative to generated/). */
  mappers: Record<string, string>;
}

export function subgraphCodegenConfig({ contextType, mappers }: SubgraphCodegenOptions) {
  return {
    schema: 'schema/*.graphql',
    generates: {
      'generated/graphql.ts': {
        plugins: ['typescript', 'typescript-resolvers'],
        config: {
          federation: true,
          useIndexSignature: true,
          contextType,
          scalars: { Date: 'string' },
          enumsAsTypes: true,
          mappers: { SourceCitation: '@safeguarding/seed-types#SourceCitation as SourceCitationSeed', ...mappers },
        },
      },
    },
  };
}
