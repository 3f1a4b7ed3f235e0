export * from './database';
export * from './federation';
export * from './subgraph-database';
export * from './migrations';
// Lives in auth, beside the OIDC code it stands in for, so auth's own tests need nothing above it.
export * from '@safeguarding/auth/dist/local-identity-provider';
export { templateSourceHash } from './template';
export { entityMigrationMismatches, RUNTIME_TABLES } from './entities-match-migrations';
