import fs from 'node:fs';
import path from 'node:path';
import { type DefinitionNode, type DocumentNode, Kind, parse } from 'graphql';

/** The file that holds a subgraph's federation link, scalars, Query and Mutation: read first. */
export const ROOT_SCHEMA_FILE = 'root.graphql';

/**
 * A subgraph's own SDL is a folder of .graphql files, one per area (services/<name>/schema/).
 * Read root.graphql first, then the areas in file-name order, so the runtime, compose and codegen
 * see the same definitions in the same order (the access inventory lists them in that order).
 */
export function schemaFiles(schemaFolder: string): string[] {
  const files = fs
    .readdirSync(schemaFolder)
    .filter((file) => file.endsWith('.graphql'))
    .sort((a, b) => Number(b === ROOT_SCHEMA_FILE) - Number(a === ROOT_SCHEMA_FILE) || a.localeCompare(b))
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
