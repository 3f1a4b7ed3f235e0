import 'reflect-metadata';
import { DataSource, type DataSourceOptions } from 'typeorm';
import pino from 'pino';
import { CountingLogger } from './statement-counter';
import { withStartupLock } from './startup-lock';

export interface SubgraphDatabaseOptions {
  /** PostgreSQL connection string. */
  url: string;
  /** The subgraph's own PostgreSQL schema, e.g. "arrangements". */
  schema: string;
  entities: NonNullable<DataSourceOptions['entities']>;
  migrations: NonNullable<DataSourceOptions['migrations']>;
  poolSize: number;
  /** Shown in pg_stat_activity. */
  applicationName: string;
  logger?: pino.Logger;
}

/** A TypeORM DataSource for one subgraph's schema. Schema changes come only from migrations. */
export function createSubgraphDataSource(options: SubgraphDatabaseOptions): DataSource {
  return new DataSource({
    type: 'postgres',
    url: options.url,
    schema: options.schema,
    entities: options.entities,
    migrations: options.migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    // gen_random_uuid() exists on both PGlite and PostgreSQL 13+; uuid-ossp does not on PGlite.
    uuidExtension: 'pgcrypto',
    logger: new CountingLogger(options.logger ?? pino({ level: 'silent' })),
    maxQueryExecutionTime: 500,
    extra: {
      max: options.poolSize,
      application_name: options.applicationName,
      connectionTimeoutMillis: 10_000,
      // Keep idle connections: reconnecting to the embedded server costs more than holding one.
      idleTimeoutMillis: 60_000,
    },
  });
}

/**
 * Connects, makes sure the schema exists, applies pending migrations and then runs `afterMigrations`
 * (a subgraph's first-start seed), all under the schema's start-up lock, so replicas started
 * together migrate and seed once (startup-lock.ts).
 */
export async function openSubgraphDatabase(
  options: SubgraphDatabaseOptions & { afterMigrations?: (dataSource: DataSource) => Promise<void> },
): Promise<DataSource> {
  const dataSource = createSubgraphDataSource(options);
  await dataSource.initialize();
  try {
    await withStartupLock(options.url, options.schema, options.applicationName, async () => {
      await dataSource.query(`CREATE SCHEMA IF NOT EXISTS "${options.schema}"`);
      await dataSource.runMigrations({ transaction: 'each' });
      await options.afterMigrations?.(dataSource);
    });
  } catch (error) {
    await dataSource.destroy();
    throw error;
  }
  return dataSource;
}
