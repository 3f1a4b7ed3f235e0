import { Redis } from 'ioredis';
import type pino from 'pino';

/**
 * The connection through which gateway replicas share their per-caller rate-limit counts and the
 * persisted-query (APQ) cache (REDIS_URL). Set up to fail fast, never to wait: while Redis is
 * unreachable a command is refused at once (no offline queue) or after `commandTimeout` (a hung
 * server), and each user of it falls back as limits.ts and persisted-operations.ts describe, so a
 * Redis outage never holds a request up. It reconnects by itself, backing off to 2 s.
 */
export interface SharedState {
  client: Redis;
  /** Keys are prefixed so one Redis can serve other applications too. */
  keyPrefix: string;
  logger: pino.Logger;
  /** Logs a Redis failure once per outage (not once per request); `what` names the fallback. */
  reportFailure(what: string, error: unknown): void;
  /** Resolves when connected, or after `connectTimeout` when Redis is down (the gateway then starts degraded). */
  connected(): Promise<void>;
  close(): Promise<void>;
}

export const REDIS_COMMAND_TIMEOUT_MILLISECONDS = 500;

export function connectSharedState(url: string, logger: pino.Logger, keyPrefix = 'safeguarding:'): SharedState {
  const client = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: REDIS_COMMAND_TIMEOUT_MILLISECONDS,
    connectTimeout: 2000,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
  });
  let healthy = true;
  const reported = new Set<string>();
  const failed = (what: string, error: unknown) => {
    if (healthy || !reported.has(what)) {
      logger.warn({ err: error instanceof Error ? error.message : String(error) }, `Redis unavailable: ${what}`);
      reported.add(what);
    }
    healthy = false;
  };
  // ioredis reports every failed reconnection; one line per outage is enough.
  client.on('error', (error) => failed('reconnecting', error));
  client.on('ready', () => {
    if (!healthy) logger.info('Redis available again: rate limits and persisted queries are shared again');
    healthy = true;
    reported.clear();
  });
  return {
    client,
    keyPrefix,
    logger,
    reportFailure: failed,
    connected() {
      if (client.status === 'ready') return Promise.resolve();
      return new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          client.off('ready', done);
          resolve();
        };
        const timer = setTimeout(done, 2000);
        client.once('ready', done);
      });
    },
    async close() {
      await client.quit().catch(() => client.disconnect());
    },
  };
}
