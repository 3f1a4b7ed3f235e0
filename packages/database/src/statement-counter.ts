import { AsyncLocalStorage } from 'node:async_hooks';
import type { Logger as TypeOrmLogger } from 'typeorm';
import pino from 'pino';

/**
 * Counts SQL statements, per request and in total, so tests can prove a nested query's statement
 * count does not grow with the data (no N+1) and the benchmark can report statements per request.
 */
interface RequestStatements {
  count: number;
}

const requestStorage = new AsyncLocalStorage<RequestStatements>();
let processTotal = 0;

export const statementCounter = {
  /** Runs `work` with a fresh per-request count; read it with `current()` inside. */
  run<T>(work: () => T): T {
    return requestStorage.run({ count: 0 }, work);
  },
  /** Statements issued so far by the request this code runs in (0 outside a request). */
  current(): number {
    return requestStorage.getStore()?.count ?? 0;
  },
  /** Statements issued by this process since it started. */
  total(): number {
    return processTotal;
  },
  record(): void {
    processTotal += 1;
    const store = requestStorage.getStore();
    if (store) store.count += 1;
  },
};

/** TypeORM logger that counts every statement and logs errors and slow queries through pino. */
export class CountingLogger implements TypeOrmLogger {
  constructor(private readonly logger: pino.Logger) {}

  logQuery(): void {
    statementCounter.record();
  }

  logQueryError(error: string | Error, query: string): void {
    this.logger.warn({ err: error, query }, 'SQL statement failed');
  }

  logQuerySlow(time: number, query: string): void {
    this.logger.warn({ milliseconds: time, query }, 'slow SQL statement');
  }

  logSchemaBuild(): void {}

  logMigration(message: string): void {
    this.logger.info({ migration: message }, 'migration');
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.logger.warn({ message }, 'typeorm');
  }
}
