import fs from 'node:fs';
import path from 'node:path';
import { composeServices } from '@apollo/composition';
import { type DocumentNode, Kind, parse } from 'graphql';
import { auditTypeDefs, REPOSITORY_ROOT, SUBGRAPHS } from '@safeguarding/config';
import { readSchemaFolder } from '@safeguarding/federation-contract';

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
 * A subgraph's schema as its server serves it: its schema/ folder, plus the audit trail's SDL
 * (AuditEvent and Partnership.<name>AuditTrail) that the subgraph runtime adds to every subgraph
 * with the Partnership entity.
 */
export function servedTypeDefs(name: string): DocumentNode {
  const own = readSchemaFolder(schemaFolder(name));
  const hasPartnership = own.definitions.some((definition) => definition.kind === Kind.OBJECT_TYPE_DEFINITION && definition.name.value === 'Partnership');
  return hasPartnership ? { kind: Kind.DOCUMENT, definitions: [...own.definitions, ...parse(auditTypeDefs(name)).definitions] } : own;
}

export function composeSupergraph(): string {
  const result = composeServices(
    presentSubgraphs().map(({ name, port }) => ({
      name,
      // Default routing URL; the gateway overrides it from its configuration.
      url: `http://127.0.0.1:${port}/graphql`,
      typeDefs: servedTypeDefs(name),
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
