import fs from 'node:fs';
import path from 'node:path';
import { type DefinitionNode, type DocumentNode, Kind, parse } from 'graphql';

/**
 * A subgraph's own SDL is a folder of .graphql files, one per area (services/<name>/schema/).
 * Read in file-name order, so the runtime, compose and codegen see the same definitions in the
 * same order.
 */
export function schemaFiles(schemaFolder: string): string[] {
  const files = fs
    .readdirSync(schemaFolder)
    .filter((file) => file.endsWith('.graphql'))
    .sort()
    .map((file) => path.join(schemaFolder, file));
  if (files.length === 0) throw new Error(`${schemaFolder} holds no .graphql file: a subgraph's SDL lives in its schema/ folder.`);
  return files;
}

/** Every definition in a subgraph's schema/ folder, as one document. */
export function readSchemaFolder(schemaFolder: string): DocumentNode {
  const definitions: DefinitionNode[] = [];
  for (const file of schemaFiles(schemaFolder)) {
    definitions.push(...parse(fs.readFileSync(file, 'utf8')).definitions);
  }
  return { kind: Kind.DOCUMENT, definitions };
}
