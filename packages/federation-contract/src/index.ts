export * from './schema-folder';
