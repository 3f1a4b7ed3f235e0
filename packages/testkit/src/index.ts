export * from './database';
export * from './federation';
export * from './migrations';
export * from './identity-provider';
export { templateSourceHash } from './template';
export { entityMigrationMismatches } from './entities-match-migrations';
