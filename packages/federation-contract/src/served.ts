import { type DocumentNode, Kind, print } from 'graphql';
import { auditTrailTypeDefs, hasPartnershipEntity } from './audit-trail';
import { contractDefinitionsFor, withContractTypes } from './fragments';
import { readSchemaFolder } from './schema-folder';

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

/** The contract's types a subgraph serves, as SDL text (for tools that read a subgraph's schema/ alone, such as the linter). */
export function contractSdlServedBy(schemaFolder: string): string {
  const definitions = contractDefinitionsFor(readSchemaFolder(schemaFolder));
  return definitions.length > 0 ? print({ kind: Kind.DOCUMENT, definitions }) : '';
}
