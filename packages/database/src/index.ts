export { startEmbeddedPostgres, type EmbeddedPostgres, type EmbeddedPostgresOptions } from './embedded';
export { createSubgraphDataSource, openSubgraphDatabase, type SubgraphDatabaseOptions } from './data-source';
export { statementCounter, CountingLogger } from './statement-counter';
export { schemaTables } from './migration-helpers';
export { ensureSubgraphRoles, subgraphRoles, urlAsRole, isEmbeddedServer, type SubgraphRoles } from './roles';
export { openSubgraphDatabaseWithRoles, type OpenedSubgraphDatabase, type LeastPrivilegeOptions } from './least-privilege';
export { partnershipScope, applyPartnershipScope, PARTNERSHIP_SCOPE_SETTING, type PartnershipScope } from './partnership-scope';
export { backUpEmbeddedDatabase, restoreEmbeddedDatabase, EmbeddedBackupError } from './embedded-backup';
