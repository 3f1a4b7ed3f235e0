import { type DocumentNode, GraphQLError, Kind } from 'graphql';
import { type AgendaCandidatesKey, type ComparisonKey, parseAgendaCandidatesKey, parseComparisonKey } from '@safeguarding/federated-keys';
import { type StoredSource, viewOfProvenance } from '@safeguarding/packs';
import { contractDefinitionsFor } from './fragments';

/** The parent of a Partnership in a subgraph that only extends it: the key (the slug). */
export interface PartnershipReference {
  id: string;
}

/** The same code and shape as subgraph-runtime's badUserInput (this package sits below the runtime). */
function badKey(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });
}

/** A stored `source` (provenance, or the older { document, section } shape) as the API shows it. */
const view = (stored: StoredSource) => viewOfProvenance(stored);
export const sourceCitationResolvers = {
  kind: (stored: StoredSource) => view(stored).kind,
  document: (stored: StoredSource) => view(stored).document,
  section: (stored: StoredSource) => view(stored).section,
  quote: (stored: StoredSource) => view(stored).quote,
  inferredFrom: (stored: StoredSource) =>
    'kind' in stored && stored.kind === 'inferred' ? stored.from.map((cited) => ({ kind: 'stated' as const, ...cited })) : null,
  reasoning: (stored: StoredSource) => view(stored).reasoning,
  generator: (stored: StoredSource) => view(stored).generator,
  synthetic: (stored: StoredSource) => view(stored).synthetic,
};

/**
 * PartnershipComparison and AgendaCandidates are keyed by an id that carries everything a section
 * needs (federated-keys), so every subgraph that adds a section resolves a reference the same way:
 * by parsing the key. Fields the gateway passes for an @requires (bodyQuorumRules,
 * reviewThemesByPartnership) are kept beside the parsed key.
 */
export const comparisonReferenceResolver = {
  __resolveReference: (reference: { id: string }): ComparisonKey => {
    const key = parseComparisonKey(reference.id);
    if (!key) throw badKey(`"${reference.id.slice(0, 80)}" is not a comparison id (YYYY-MM-DD:slug,slug)`);
    return key;
  },
};

export const agendaCandidatesReferenceResolver = {
  __resolveReference: (reference: { id: string; __typename?: string }): AgendaCandidatesKey => {
    const key = parseAgendaCandidatesKey(reference.id);
    if (!key) throw badKey(`"${reference.id.slice(0, 80)}" is not an agenda-candidates id`);
    const { __typename: _typename, ...passed } = reference;
    return { ...passed, ...key };
  },
};

/** The entities every contributing subgraph resolves the same way, by type name. */
const CONTRIBUTED_ENTITIES: Record<string, object> = {
  PartnershipComparison: comparisonReferenceResolver,
  AgendaCandidates: agendaCandidatesReferenceResolver,
};

/**
 * The contract's resolvers for one subgraph: SourceCitation's when it serves that type, and the
 * reference resolvers of the contributed entities it declares. The runtime merges them with the
 * subgraph's own through mergeResolvers, so a subgraph that still defines one itself fails at start.
 */
export function contractResolvers(own: DocumentNode): Record<string, object> {
  const resolvers: Record<string, object> = {};
  if (contractDefinitionsFor(own).some((definition) => definition.name.value === 'SourceCitation')) resolvers.SourceCitation = sourceCitationResolvers;
  for (const definition of own.definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION) continue;
    const resolver = CONTRIBUTED_ENTITIES[definition.name.value];
    if (resolver) resolvers[definition.name.value] = resolver;
  }
  return resolvers;
}
