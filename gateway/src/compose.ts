import fs from 'node:fs';
import path from 'node:path';
import { composeServices } from '@apollo/composition';
import type { DocumentNode } from 'graphql';
import { REPOSITORY_ROOT, SUBGRAPHS } from '@safeguarding/config';
import { readSchemaFolder, servedTypeDefs } from '@safeguarding/federation-contract';

/**
 * Composes the supergraph from each subgraph's own schema/ folder at build time. The result is
 * checked in as gateway/supergraph.graphql; a test fails when it no longer matches the subgraphs.
 */
export const SUPERGRAPH_FILE = path.join(REPOSITORY_ROOT, 'gateway', 'supergraph.graphql');

const schemaFolder = (name: string) => path.join(REPOSITORY_ROOT, 'services', name, 'schema');

/** The subgraphs that exist in this checkout (a folder under services/ with a schema/ folder). */
export function presentSubgraphs() {
  return SUBGRAPHS.filter(({ name }) => fs.existsSync(schemaFolder(name)));
}

/**
 * A subgraph's schema as its server serves it: its schema/ folder, the federation contract's
 * shared types it uses and the audit trail (the runtime serves the same servedTypeDefs).
 */
export function subgraphTypeDefs(name: string): DocumentNode {
  return servedTypeDefs(name, readSchemaFolder(schemaFolder(name)));
}

export function composeSupergraph(): string {
  const result = composeServices(
    presentSubgraphs().map(({ name, port }) => ({
      name,
      // Default routing URL; the gateway overrides it from its configuration.
      url: `http://127.0.0.1:${port}/graphql`,
      typeDefs: subgraphTypeDefs(name),
    })),
  );
  if (result.errors) {
    throw new Error(`The subgraphs do not compose:\n${result.errors.map((error) => `  - ${error.message}`).join('\n')}`);
  }
  return result.supergraphSdl;
}

if (require.main === module) {
  try {
    fs.writeFileSync(SUPERGRAPH_FILE, composeSupergraph());
    console.log(`Wrote ${path.relative(process.cwd(), SUPERGRAPH_FILE)}`);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}
