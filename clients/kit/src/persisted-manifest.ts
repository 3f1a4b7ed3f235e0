import { createHash } from 'node:crypto';
import { Kind, print, type DocumentNode } from 'graphql';
import { createCache } from './cache';

/**
 * An Apollo persisted query manifest of operations as Apollo Client sends them. Apollo Client adds
 * `__typename` to every selection before it sends an operation, so the text of
 * gateway/operations/*.graphql (what gateway/persisted-operations.json lists, for curl and
 * graphql-request) is never what it sends, and a safelisted gateway refuses it
 * (OPERATION_NOT_SAFELISTED). This manifest lists the same operations transformed by the kit's
 * own cache, so a gateway in safelist mode with PERSISTED_OPERATIONS_MANIFEST pointing at it serves
 * an Apollo Client front end, by hash (the persisted-queries link) or by text.
 */
export interface ManifestOperation {
  id: string;
  name: string;
  type: 'query' | 'mutation' | 'subscription';
  body: string;
}

export interface PersistedQueryManifest {
  format: 'apollo-persisted-query-manifest';
  version: 1;
  operations: ManifestOperation[];
}

/** sha256 of the text, as Apollo Client's persisted-queries link computes it (and the gateway checks). */
export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

export function apolloClientManifest(documents: DocumentNode[]): PersistedQueryManifest {
  const cache = createCache();
  const operations = documents.map((document) => {
    const body = print(cache.transformDocument(document));
    const operation = document.definitions.find((definition) => definition.kind === Kind.OPERATION_DEFINITION);
    if (!operation || operation.kind !== Kind.OPERATION_DEFINITION || !operation.name)
      throw new Error(`Every persisted operation needs a name:\n${print(document)}`);
    return { id: sha256(body), name: operation.name.value, type: operation.operation, body };
  });
  return { format: 'apollo-persisted-query-manifest', version: 1, operations: operations.sort((a, b) => a.name.localeCompare(b.name)) };
}
