import { z } from 'zod';
import { packManifest } from './layout';
import { SECTIONS, schemaName } from './sections';

/**
 * packs/schema/*.schema.json, generated from the zod validators (one source of truth): editors
 * that read `# yaml-language-server: $schema=…` complete and check a pack as it is typed.
 */
export function jsonSchemaFiles(): Map<string, string> {
  const files = new Map<string, string>();
  const write = (name: string, schema: z.ZodType) => {
    const json = z.toJSONSchema(schema, { target: 'draft-2020-12', unrepresentable: 'any', io: 'input' });
    files.set(`${name}.schema.json`, `${JSON.stringify({ $id: `${name}.schema.json`, ...json }, null, 2)}\n`);
  };
  write('pack', packManifest);
  for (const section of SECTIONS) write(schemaName(section), section.schema);
  return files;
}
