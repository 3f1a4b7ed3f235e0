export * from './database';
export * from './federation';
export * from './migrations';
