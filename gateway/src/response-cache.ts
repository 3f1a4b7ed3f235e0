import { createHash } from 'node:crypto';
import { HeaderMap, type ApolloServerPlugin, type GraphQLRequestListener } from '@apollo/server';
import { InMemoryLRUCache } from '@apollo/utils.keyvaluecache';
import stableStringify from 'fast-json-stable-stringify';
import { OperationTypeNode, type FormattedExecutionResult } from 'graphql';
import { Counter, type Registry } from 'prom-client';
import type { Caller } from '@safeguarding/auth';
import type { ResponseCacheSettings } from '@safeguarding/config';
import type { SharedState } from './redis';

/**
 * Whole answers kept for a while, so that the same question asked again within the same
 * visibility scope is answered without the subgraphs.
 *
 * **Key.** The operation (Apollo's hash of its text, and its name), its variables, the caller's
 * visibility scope and today's date in England. The scope is what the subgraphs decide access
 * from, the caller's grants (role and partnership, sorted), never the caller's identity: an analyst
 * and another analyst share entries, a member of Shropshire never reads an entry made for a member
 * of Solihull, and the public has its own. Answers that depend on "today" (review clocks, current
 * chairs) change key at midnight.
 *
 * **Invalidation by tag.** Each answer is tagged with the subgraphs that answered it, and each
 * subgraph tag has a generation number. A mutation, once it has run (whatever its outcome: a
 * partial write is still a write), moves on the generation of every subgraph it called, before its
 * answer reaches the caller, so the caller's next read misses (read-your-writes). An entry holds the
 * generations it was made under, read *before* its subgraphs were asked, so an answer computed
 * while a mutation committed is never served after it. The tags are subgraphs, not entities:
 * every subgraph reads only its own tables, so a write in one cannot change another's answer; but
 * answers such as `comparePartnerships` or a course's reach are aggregates over rows that are not
 * in the answer, so the entities an answer shows are not the entities it depends on, and tagging by
 * them would serve stale aggregates.
 *
 * **Where.** In Redis when REDIS_URL is set (entries and generations shared by every gateway, so a
 * write through one gateway is seen through another), else in this process's memory. Only error-free
 * answers to queries are kept: a partial answer while a subgraph is down is never kept.
 *
 * The storage is Apollo's KeyValueCache (its LRU in memory, bounded in bytes); Apollo's own
 * response-cache plugin is not used because it has no invalidation, only TTLs from cache hints.
 */

export const RESPONSE_CACHE_HEADER = 'x-response-cache';

/** Context fields the cache reads and writes (GatewayContext has them). */
export interface ResponseCacheContext {
  caller: Caller;
  /** The subgraphs called for this request: the gateway's data sources add to it. */
  subgraphsCalled?: Set<string>;
}

interface Entry {
  /** The generation of each subgraph that answered, when the answer was computed. */
  generations: Record<string, number>;
  result: FormattedExecutionResult;
}

/** Generations and entries, in memory or in Redis. */
interface CacheStore {
  /** The current generations of every subgraph, and the entry under `key` if there is one. */
  read(key: string): Promise<{ generations: Record<string, number>; entry: Entry | undefined }>;
  write(key: string, entry: Entry, ttlSeconds: number): Promise<void>;
  /** Moves the generation of each subgraph on: every entry made from them is a miss from now on. */
  invalidate(subgraphs: Iterable<string>): Promise<void>;
}

const todayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' });

/** What the caller may see, as a key part: their grants, without who they are. */
export function visibilityScope(caller: Caller): string {
  if (caller.grants.length === 0) return 'public';
  return [...new Set(caller.grants.map((grant) => `${grant.role}@${grant.partnershipSlug ?? '*'}`))].sort().join(',');
}

function memoryStore(subgraphs: readonly string[], settings: ResponseCacheSettings): CacheStore {
  const generations = Object.fromEntries(subgraphs.map((name) => [name, 0])) as Record<string, number>;
  // Entries are kept as objects, so a hit costs no parsing; their size is their JSON's, measured once.
  const entries = new InMemoryLRUCache<{ entry: Entry; size: number }>({
    maxSize: settings.memoryMegabytes * 1024 * 1024,
    sizeCalculation: (item) => item.size,
  });
  return {
    async read(key) {
      return { generations: { ...generations }, entry: (await entries.get(key))?.entry };
    },
    async write(key, entry, ttlSeconds) {
      await entries.set(key, { entry, size: JSON.stringify(entry).length }, { ttl: ttlSeconds });
    },
    async invalidate(names) {
      for (const name of names) generations[name] = (generations[name] ?? 0) + 1;
    },
  };
}

function redisStore(subgraphs: readonly string[], shared: SharedState, namespace: string): CacheStore {
  const prefix = `${shared.keyPrefix}response-cache:${namespace}:`;
  const generationKey = (name: string) => `${prefix}generation:${name}`;
  const generationKeys = subgraphs.map(generationKey);
  // A gateway that could not move a generation on (Redis down) moves every one on when Redis is
  // back: another gateway may have kept answers its mutation made stale.
  let missedInvalidation = false;
  shared.client.on('ready', () => {
    if (!missedInvalidation) return;
    missedInvalidation = false;
    const pipeline = shared.client.pipeline();
    for (const key of generationKeys) pipeline.incr(key);
    pipeline.exec().catch((error: unknown) => {
      missedInvalidation = true;
      shared.reportFailure('the response cache could not be cleared after an outage; answers are recomputed until it is', error);
    });
  });
  return {
    async read(key) {
      const replies = await shared.client
        .pipeline()
        .mget(...generationKeys)
        .get(`${prefix}entry:${key}`)
        .exec();
      const [generationsReply, entryReply] = replies ?? [];
      const failure = generationsReply?.[0] ?? entryReply?.[0];
      if (failure) throw failure;
      if (!generationsReply || !entryReply) throw new Error('Redis gave no reply to the response cache');
      const values = generationsReply[1] as (string | null)[];
      return {
        generations: Object.fromEntries(subgraphs.map((name, index) => [name, Number(values[index] ?? 0)])),
        entry: typeof entryReply[1] === 'string' ? (JSON.parse(entryReply[1]) as Entry) : undefined,
      };
    },
    async write(key, entry, ttlSeconds) {
      await shared.client.set(`${prefix}entry:${key}`, JSON.stringify(entry), 'EX', ttlSeconds);
    },
    async invalidate(names) {
      const pipeline = shared.client.pipeline();
      for (const name of names) pipeline.incr(generationKey(name));
      try {
        const replies = await pipeline.exec();
        const failed = replies?.find(([error]) => error);
        if (failed?.[0]) throw failed[0];
      } catch (error) {
        missedInvalidation = true;
        throw error;
      }
    },
  };
}

export interface ResponseCache {
  plugin: ApolloServerPlugin<ResponseCacheContext>;
  /** Moves every generation on (at start: the database may have been restored or reseeded since entries were made). */
  invalidateEverything(): Promise<void>;
}

export function createResponseCache(options: {
  subgraphs: readonly string[];
  settings: ResponseCacheSettings;
  shared: SharedState | undefined;
  registry: Registry;
}): ResponseCache {
  const { subgraphs, settings, shared } = options;
  const store = shared ? redisStore(subgraphs, shared, settings.namespace) : memoryStore(subgraphs, settings);
  const lookups = new Counter({
    name: 'gateway_response_cache_lookups_total',
    help: 'Queries looked up in the response cache: hit, miss, or skipped (the cache unreachable)',
    labelNames: ['result'],
    registers: [options.registry],
  });
  const unavailable = (what: string, error: unknown) => {
    if (shared) shared.reportFailure(what, error);
  };

  const keyOf = (queryHash: string, operationName: string | undefined, variables: unknown, caller: Caller) =>
    createHash('sha256')
      .update(
        `${queryHash}\u0000${operationName ?? ''}\u0000${stableStringify(variables ?? {})}\u0000${visibilityScope(caller)}\u0000${todayFormat.format(new Date())}`,
      )
      .digest('base64url');

  const plugin: ApolloServerPlugin<ResponseCacheContext> = {
    async requestDidStart({ contextValue }): Promise<GraphQLRequestListener<ResponseCacheContext>> {
      contextValue.subgraphsCalled = new Set();
      let key: string | undefined;
      let generationsBefore: Record<string, number> | undefined;
      let hit = false;
      return {
        async responseForOperation({ operation, queryHash, source, operationName, request }) {
          if (operation.operation !== OperationTypeNode.QUERY) return null;
          // Apollo has hashed the text by now (APQ, the safelist); hashing it here is the fallback.
          const operationHash =
            queryHash ??
            createHash('sha256')
              .update(source ?? '')
              .digest('hex');
          key = keyOf(operationHash, operationName ?? undefined, request.variables, contextValue.caller);
          let found: Awaited<ReturnType<CacheStore['read']>>;
          try {
            found = await store.read(key);
          } catch (error) {
            unavailable('the response cache is skipped: every answer is computed', error);
            lookups.inc({ result: 'skipped' });
            key = undefined;
            return null;
          }
          generationsBefore = found.generations;
          const entry = found.entry;
          if (!entry || Object.entries(entry.generations).some(([name, generation]) => found.generations[name] !== generation)) {
            lookups.inc({ result: 'miss' });
            return null;
          }
          lookups.inc({ result: 'hit' });
          hit = true;
          const http = { status: 200, headers: new HeaderMap([[RESPONSE_CACHE_HEADER, 'hit']]) };
          return { http, body: { kind: 'single', singleResult: entry.result } };
        },
        async willSendResponse({ operation, response }) {
          if (operation?.operation === OperationTypeNode.MUTATION) {
            // Before the answer goes: the caller's next read must not find what this made stale.
            const touched = contextValue.subgraphsCalled ?? new Set<string>();
            if (touched.size === 0) return;
            try {
              await store.invalidate(touched);
            } catch (error) {
              unavailable('a mutation could not clear the response cache; every generation moves on when Redis is back', error);
            }
            return;
          }
          if (hit || !key || !generationsBefore || response.body.kind !== 'single') return;
          response.http.headers.set(RESPONSE_CACHE_HEADER, 'miss');
          const result = response.body.singleResult;
          if (result.errors?.length || (response.http.status ?? 200) !== 200 || result.data == null) return;
          const generations = Object.fromEntries([...(contextValue.subgraphsCalled ?? [])].map((name) => [name, generationsBefore![name] ?? 0]));
          try {
            await store.write(key, { generations, result }, settings.ttlSeconds);
          } catch (error) {
            unavailable('the response cache is skipped: every answer is computed', error);
          }
        },
      };
    },
  };

  return {
    plugin,
    async invalidateEverything() {
      try {
        await store.invalidate(subgraphs);
      } catch (error) {
        unavailable('the response cache could not be cleared at start; it is cleared when Redis is back', error);
      }
    },
  };
}
