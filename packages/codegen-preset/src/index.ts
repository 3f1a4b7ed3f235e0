import path from 'node:path';
import { print } from 'graphql';
import { readSchemaFolder, servedTypeDefs } from '@safeguarding/federation-contract';

/**
 * The one graphql-codegen setup every subgraph uses: resolver types generated into
 * generated/graphql.ts from the schema the subgraph serves (its schema/ folder, the federation
 * contract's shared types it uses and the audit trail: servedTypeDefs, as the runtime and
 * `npm run compose` read it), with federation's reference resolvers, the Date scalar as an ISO
 * string, and the subgraph's own context and mappers (GraphQL type -> what its resolvers receive,
 * usually an entity class).
 */
export interface SubgraphCodegenOptions {
  /** e.g. "../context#ReviewsContext" (relative to generated/). */
  contextType: string;
  /** GraphQL type name -> "module#Export" (relative to generated/). */
  mappers: Record<string, string>;
}

export function subgraphCodegenConfig({ contextType, mappers }: SubgraphCodegenOptions) {
  // codegen runs in the subgraph's folder, services/<name>: the folder's name is the subgraph's.
  const subgraph = path.basename(process.cwd());
  return {
    // The schema as SDL text (graphql-codegen accepts it in place of a file), since the served
    // schema is assembled from the folder and the contract.
    schema: print(servedTypeDefs(subgraph, readSchemaFolder(path.join(process.cwd(), 'schema')))),
    generates: {
      'generated/graphql.ts': {
        plugins: ['typescript', 'typescript-resolvers'],
        config: {
          federation: true,
          useIndexSignature: true,
          contextType,
          scalars: { Date: 'string' },
          enumsAsTypes: true,
          mappers: { SourceCitation: '@safeguarding/packs#SourceCitation as SourceCitationSeed', ...mappers },
        },
      },
    },
  };
}
