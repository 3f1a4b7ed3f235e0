import { Document } from 'yaml';

/**
 * A section as YAML text, the same bytes for the same value: keys in the order the exporter builds
 * them, no line folding, and the schema comment editors use for completion.
 */
export function packFileText(value: unknown, schemaName: string): string {
  // Without aliasDuplicateObjects: false, a value used twice (one provenance object for many rows)
  // would be written once with an anchor and then as *aliases, which people editing the file misread.
  const document = new Document(value, { aliasDuplicateObjects: false });
  document.commentBefore = ` yaml-language-server: $schema=../schema/${schemaName}.schema.json`;
  return document.toString({ lineWidth: 0, minContentWidth: 0, indentSeq: true });
}
