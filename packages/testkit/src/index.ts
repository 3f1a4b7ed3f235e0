export * from './database';
export * from './federation';
