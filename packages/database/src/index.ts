export { startEmbeddedPostgres, type EmbeddedPostgres, type EmbeddedPostgresOptions } from './embedded';
export { createSubgraphDataSource, openSubgraphDatabase, type SubgraphDatabaseOptions } from './data-source';
export { statementCounter, CountingLogger } from './statement-counter';
export { schemaTables } from './migration-helpers';
