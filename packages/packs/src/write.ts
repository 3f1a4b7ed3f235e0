import { Document } from 'yaml';

/**
 * A section as YAML text, the same bytes for the same value: keys in the order the exporter builds
 * them, no line folding, and the schema comment editors use for completion.
 */
export function packFileText(value: unknown, schemaName: string): string {
  // Repeated objects are written out, never as anchors and aliases: readers cap aliases, and a person edits one value at a time.
  const document = new Document(value, { aliasDuplicateObjects: false });
  document.commentBefore = ` yaml-language-server: $schema=../schema/${schemaName}.schema.json`;
  return document.toString({ lineWidth: 0, minContentWidth: 0, indentSeq: true });
}
