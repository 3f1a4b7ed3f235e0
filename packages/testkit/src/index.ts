export * from './database';
export * from './federation';
export * from './migrations';
export * from './identity-provider';
export { templateSourceHash } from './template';
