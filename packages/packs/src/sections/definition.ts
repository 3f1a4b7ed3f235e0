import type { z } from 'zod';
import type { SubgraphSection } from '../layout';

/** What a reference in a pack points at; the validator checks each is defined somewhere. */
export type ReferenceKind =
  'partnership' | 'organisation' | 'body' | 'theme' | 'threshold-level' | 'threshold-model' | 'regional-procedure' | 'course' | 'review-kind';

/** An id a section defines or refers to, with the path of the field that holds it. */
export interface PackReference {
  kind: ReferenceKind;
  id: string;
  path: (string | number)[];
}

/**
 * One section of a pack: the file a subgraph reads. The schema is the one source of truth: the
 * subgraph validates with it when it loads or imports, the `pack` command when it validates, and
 * packs/schema/<name>.schema.json is generated from it for editors.
 */
export interface SectionDefinition<Schema extends z.ZodType = z.ZodType> {
  subgraph: SubgraphSection;
  /** A partnership's own section, or the regional pack's. */
  scope: 'partnership' | 'regional';
  schema: Schema;
  /** The ids the section defines (organisations, bodies, themes, levels, …). */
  defines(value: z.infer<Schema>, scope: string): PackReference[];
  /** The ids it uses that must be defined by this pack, another pack or the platform. */
  references(value: z.infer<Schema>, scope: string): PackReference[];
}

/** The JSON Schema file of a section, e.g. "partnership-arrangements". */
export const schemaName = (definition: Pick<SectionDefinition, 'scope' | 'subgraph'>): string => `${definition.scope}-${definition.subgraph}`;

export function defineSection<Schema extends z.ZodType>(definition: SectionDefinition<Schema>): SectionDefinition<Schema> {
  return definition;
}
