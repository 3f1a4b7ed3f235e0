import fs from 'node:fs';
import path from 'node:path';
import { type DefinitionNode, type DocumentNode, Kind, parse, visit } from 'graphql';

/** The SDL fragments shipped with this package (sdl/*.graphql). */
export const CONTRACT_SDL_FOLDER = path.join(__dirname, '..', 'sdl');

/** The fragments of shared types a subgraph may use by name; the audit trail is added by servedTypeDefs. */
export const SHARED_TYPE_FRAGMENTS = ['source-citation', 'comparison', 'agenda-candidates', 'body-rules', 'organisation-sector', 'pack'] as const;

type NamedDefinition = Extract<DefinitionNode, { name: { value: string } }>;

interface ContractType {
  fragment: string;
  definition: NamedDefinition;
}

let sharedTypes: Map<string, ContractType> | undefined;

/** Every shared type by name, with the fragment that defines it, in fragment order. */
export function contractTypes(): Map<string, ContractType> {
  if (sharedTypes) return sharedTypes;
  sharedTypes = new Map();
  for (const fragment of SHARED_TYPE_FRAGMENTS) {
    const document = parse(fs.readFileSync(path.join(CONTRACT_SDL_FOLDER, `${fragment}.graphql`), 'utf8'));
    for (const definition of document.definitions) {
      if (!('name' in definition) || !definition.name) throw new Error(`sdl/${fragment}.graphql may hold only named type definitions.`);
      sharedTypes.set(definition.name.value, { fragment, definition: definition as NamedDefinition });
    }
  }
  return sharedTypes;
}

function namedTypesIn(node: DocumentNode | DefinitionNode): Set<string> {
  const names = new Set<string>();
  visit(node, {
    NamedType(named) {
      names.add(named.name.value);
    },
  });
  return names;
}

/**
 * The shared types a subgraph's own SDL uses: a subgraph names a contract type (e.g. `source:
 * SourceCitation`) and does not define it; the contract's definition is served beside its SDL,
 * with the contract types that one names in turn. A subgraph that defines a contract type itself
 * is refused, so the shared definition cannot drift again.
 */
export function contractDefinitionsFor(own: DocumentNode): NamedDefinition[] {
  const shared = contractTypes();
  const defined = new Set<string>();
  for (const definition of own.definitions) {
    if (definition.kind === Kind.SCHEMA_EXTENSION || definition.kind === Kind.SCHEMA_DEFINITION || !('name' in definition) || !definition.name) continue;
    const name = definition.name.value;
    if (shared.has(name)) {
      throw new Error(
        `${name} is defined by the federation contract (packages/federation-contract/sdl/${shared.get(name)!.fragment}.graphql); delete it from the subgraph's schema/ and use it by name.`,
      );
    }
    defined.add(name);
  }
  const used = new Set<string>();
  const pending = [...namedTypesIn(own)];
  while (pending.length > 0) {
    const name = pending.pop()!;
    const type = shared.get(name);
    if (!type || used.has(name) || defined.has(name)) continue;
    used.add(name);
    pending.push(...namedTypesIn(type.definition));
  }
  return [...shared.entries()].filter(([name]) => used.has(name)).map(([, type]) => type.definition);
}

/** A subgraph's own SDL plus the shared types it uses. */
export function withContractTypes(own: DocumentNode): DocumentNode {
  return { kind: Kind.DOCUMENT, definitions: [...own.definitions, ...contractDefinitionsFor(own)] };
}
