import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { ApolloServerPlugin } from '@apollo/server';
import type { KeyValueCache } from '@apollo/utils.keyvaluecache';
import { GraphQLError, Kind, parse } from 'graphql';
import type { SharedState } from './redis';

/**
 * Persisted operations. Two modes:
 * - apq: Apollo's automatic persisted queries (a client sends the sha256 of its query and the full
 *   text only when the gateway has not seen it yet); any valid operation is served.
 * - safelist: only operations listed in a manifest are served, by hash or by full text; anything
 *   else is refused with OPERATION_NOT_SAFELISTED. For production front ends: a stolen token then
 *   cannot run arbitrary queries, only the ones the front ends were built with.
 *
 * The manifest is Apollo's persisted query manifest format (what
 * @apollo/generate-persisted-query-manifest writes), so front-end tooling can produce it:
 * { "format": "apollo-persisted-query-manifest", "version": 1,
 *   "operations": [{ "id": "<sha256 of body>", "name": "...", "type": "query", "body": "..." }] }
 */
export type PersistedOperationsMode = 'apq' | 'safelist';

export interface ManifestOperation {
  id: string;
  name: string;
  type: 'query' | 'mutation' | 'subscription';
  body: string;
}

export interface PersistedOperationManifest {
  format: 'apollo-persisted-query-manifest';
  version: 1;
  operations: ManifestOperation[];
}

export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** One manifest entry for an operation's text (its id is the sha256 Apollo clients send). */
export function manifestEntry(body: string): ManifestOperation {
  const document = parse(body);
  const operation = document.definitions.find((definition) => definition.kind === Kind.OPERATION_DEFINITION);
  if (!operation || operation.kind !== Kind.OPERATION_DEFINITION) throw new Error('A persisted operation must contain an operation (query or mutation).');
  return { id: sha256(body), name: operation.name?.value ?? '', type: operation.operation, body };
}

/** Reads and checks a manifest: every id must be the sha256 of its body, or the file was edited by hand wrongly. */
export function loadManifest(file: string): PersistedOperationManifest {
  let parsed: PersistedOperationManifest;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as PersistedOperationManifest;
  } catch (error) {
    throw new Error(
      `The persisted-operations manifest ${file} could not be read (${(error as Error).message}); set PERSISTED_OPERATIONS_MANIFEST to an Apollo persisted query manifest.`,
    );
  }
  return checkManifest(parsed, file);
}

export function checkManifest(manifest: PersistedOperationManifest, source = 'the manifest'): PersistedOperationManifest {
  if (manifest?.format !== 'apollo-persisted-query-manifest' || manifest.version !== 1 || !Array.isArray(manifest.operations)) {
    throw new Error(`${source} is not an Apollo persisted query manifest (format "apollo-persisted-query-manifest", version 1, operations [...]).`);
  }
  for (const operation of manifest.operations) {
    if (sha256(operation.body) !== operation.id) {
      throw new Error(
        `${source}: operation "${operation.name}" has id ${operation.id}, but its body hashes to ${sha256(operation.body)}; regenerate the manifest.`,
      );
    }
  }
  return manifest;
}

/** The manifest as Apollo Server's persisted-query store: look-ups by hash, and nothing can be added. */
export function manifestCache(manifest: PersistedOperationManifest): KeyValueCache<string> {
  const byHash = new Map(manifest.operations.map((operation) => [operation.id, operation.body]));
  return {
    async get(key) {
      // Apollo Server prefixes its keys ("apq:<hash>").
      return byHash.get(key.replace(/^apq:/, ''));
    },
    async set() {
      // Registering a new operation is exactly what the safelist forbids.
    },
    async delete() {
      return false;
    },
  };
}

/** How long a registered APQ operation stays in Redis after it was last registered. */
export const SHARED_APQ_TTL_SECONDS = 24 * 60 * 60;

/**
 * The APQ store in Redis (REDIS_URL), shared by every gateway replica: an operation registered
 * through one gateway is found by hash through any other. While Redis is unreachable a look-up
 * is a miss and a registration is dropped: the client gets PERSISTED_QUERY_NOT_FOUND, sends the
 * full text as the APQ protocol provides, and is served. Clients send more bytes, nothing fails.
 */
export function sharedApqCache(shared: SharedState): KeyValueCache<string> {
  const keyOf = (key: string) => `${shared.keyPrefix}${key}`;
  const failed = (error: unknown) => shared.reportFailure('persisted queries are misses, so clients send the full text', error);
  return {
    async get(key) {
      try {
        return (await shared.client.get(keyOf(key))) ?? undefined;
      } catch (error) {
        failed(error);
        return undefined;
      }
    },
    async set(key, value, options) {
      try {
        await shared.client.set(keyOf(key), value, 'EX', options?.ttl ?? SHARED_APQ_TTL_SECONDS);
      } catch (error) {
        failed(error);
      }
    },
    async delete(key) {
      try {
        return (await shared.client.del(keyOf(key))) > 0;
      } catch (error) {
        failed(error);
        return false;
      }
    },
  };
}

/** Refuses every operation whose text is not in the manifest. */
export function safelistPlugin(manifest: PersistedOperationManifest): ApolloServerPlugin {
  const allowed = new Set(manifest.operations.map((operation) => operation.id));
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ queryHash, source }) {
          const hash = queryHash ?? (source === undefined ? undefined : sha256(source));
          if (hash !== undefined && allowed.has(hash)) return;
          throw new GraphQLError(
            'This gateway serves only registered operations, and this one is not in its persisted-operations manifest; ' +
              'send one of the front ends\' operations, or add yours to the manifest (gateway/README.md, "Persisted operations").',
            { extensions: { code: 'OPERATION_NOT_SAFELISTED', http: { status: 403 } } },
          );
        },
      };
    },
  };
}

/** `node gateway/dist/persisted-operations.js a.graphql b.graphql > manifest.json`: one entry per file. */
if (require.main === module) {
  const files = process.argv.slice(2);
  if (files.length === 0) {
    console.error('Usage: node gateway/dist/persisted-operations.js <operation.graphql>... > persisted-operations.json');
    process.exit(2);
  }
  const manifest: PersistedOperationManifest = {
    format: 'apollo-persisted-query-manifest',
    version: 1,
    operations: files.map((file) => manifestEntry(fs.readFileSync(file, 'utf8'))),
  };
  process.stdout.write(`${JSON.stringify(manifest, null, 2)}\n`);
}
