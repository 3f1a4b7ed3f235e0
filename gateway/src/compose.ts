import fs from 'node:fs';
import path from 'node:path';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { REPOSITORY_ROOT, SUBGRAPHS } from '@safeguarding/config';

/**
 * Composes the supergraph from each subgraph's own schema.graphql at build time. The result is
 * checked in as gateway/supergraph.graphql; a test fails when it no longer matches the subgraphs.
 */
export const SUPERGRAPH_FILE = path.join(REPOSITORY_ROOT, 'gateway', 'supergraph.graphql');

/** The subgraphs that exist in this checkout (a folder under services/ with a schema.graphql). */
export function presentSubgraphs() {
  return SUBGRAPHS.filter(({ name }) => fs.existsSync(path.join(REPOSITORY_ROOT, 'services', name, 'schema.graphql')));
}

export function composeSupergraph(): string {
  const result = composeServices(
    presentSubgraphs().map(({ name, port }) => ({
      name,
      // Default routing URL; the gateway overrides it from its configuration.
      url: `http://127.0.0.1:${port}/graphql`,
      typeDefs: parse(fs.readFileSync(path.join(REPOSITORY_ROOT, 'services', name, 'schema.graphql'), 'utf8')),
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
