import { type DocumentNode, Kind } from 'graphql';
import { auditTrailTypeDefs, hasPartnershipEntity } from './audit-trail';
import { withContractTypes } from './fragments';

/**
 * A subgraph's schema as its server serves it: its own schema/ SDL, the shared types it uses,
 * and the audit trail when it has the Partnership entity. The runtime serves this, `npm run
 * compose` composes it and codegen generates the resolver types from it, so the three agree.
 */
export function servedTypeDefs(subgraph: string, own: DocumentNode): DocumentNode {
  const withShared = withContractTypes(own);
  if (!hasPartnershipEntity(own)) return withShared;
  return { kind: Kind.DOCUMENT, definitions: [...withShared.definitions, ...auditTrailTypeDefs(subgraph).definitions] };
}
