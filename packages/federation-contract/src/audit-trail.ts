import fs from 'node:fs';
import path from 'node:path';
import { type DocumentNode, Kind, parse } from 'graphql';
import { CONTRACT_SDL_FOLDER } from './fragments';

/**
 * The audit trail's GraphQL surface (sdl/audit-trail.graphql): AuditEvent and, on Partnership, one
 * field per subgraph (e.g. `arrangementsAuditTrail`), since each subgraph keeps its own events.
 * Served by every subgraph with the Partnership entity; the runtime answers it.
 */
export function auditTrailFieldName(subgraph: string): string {
  return `${subgraph}AuditTrail`;
}

const SUBGRAPH_PLACEHOLDER = /__subgraph__/g;

export function auditTrailTypeDefs(subgraph: string): DocumentNode {
  const template = fs.readFileSync(path.join(CONTRACT_SDL_FOLDER, 'audit-trail.graphql'), 'utf8');
  return parse(template.replace(SUBGRAPH_PLACEHOLDER, subgraph));
}

/** True when the subgraph's SDL has the Partnership entity, so it serves the audit trail field. */
export function hasPartnershipEntity(typeDefs: DocumentNode): boolean {
  return typeDefs.definitions.some((definition) => definition.kind === Kind.OBJECT_TYPE_DEFINITION && definition.name.value === 'Partnership');
}
