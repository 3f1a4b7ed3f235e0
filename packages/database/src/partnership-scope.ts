import { AsyncLocalStorage } from 'node:async_hooks';
import type { PoolClient } from 'pg';
import type { DataSource } from 'typeorm';

/**
 * The caller's partnership scope, carried to PostgreSQL so that row-level security policies can
 * keep confidential rows (unpublished reviews) inside their partnership even if a resolver forgets
 * its own check. Policies read it with `current_setting('safeguarding.partnerships', true)`: a
 * comma-separated list of partnership slugs, empty for callers who belong to none.
 */
export const PARTNERSHIP_SCOPE_SETTING = 'safeguarding.partnerships';

export interface PartnershipScope {
  /** Slugs of the partnerships the verified caller belongs to. */
  partnerships: string[];
}

const scopeStorage = new AsyncLocalStorage<PartnershipScope>();

export const partnershipScope = {
  /** Runs `work` with `scope` (mutable: a request learns its caller after it starts). */
  run<T>(scope: PartnershipScope, work: () => T): T {
    return scopeStorage.run(scope, work);
  },
  current(): PartnershipScope | undefined {
    return scopeStorage.getStore();
  },
};

const appliedScope = Symbol('safeguarding partnership scope');
type ScopedClient = PoolClient & { [appliedScope]?: string };
type Release = (error?: unknown) => void;

/**
 * Every time the pool hands a connection to this data source, the connection's scope is set to
 * the scope of the request the code runs in (none outside a request), so every statement and
 * every transaction runs under the caller's scope. The setting is kept on the connection and sent
 * again only when it changes, which keeps the cost at nothing for repeated callers.
 *
 * Only for a real server: on the embedded PGlite every connection shares one session, so a
 * session setting would leak between requests (the embedded server keeps one superuser, to whom
 * row-level security does not apply anyway).
 */
export function applyPartnershipScope(dataSource: DataSource): void {
  const driver = dataSource.driver as unknown as { obtainMasterConnection(): Promise<[ScopedClient, Release]> };
  const obtain = driver.obtainMasterConnection.bind(driver);
  driver.obtainMasterConnection = async () => {
    const [client, release] = await obtain();
    const wanted = (scopeStorage.getStore()?.partnerships ?? []).join(',');
    if (client[appliedScope] !== wanted) {
      try {
        await client.query(`SELECT set_config('${PARTNERSHIP_SCOPE_SETTING}', $1, false)`, [wanted]);
        client[appliedScope] = wanted;
      } catch (error) {
        release(error);
        throw error;
      }
    }
    return [client, release];
  };
}
