export * from './errors';
export * from './scalars';
export * from './free-text';
export * from './permissions';
export * from './access-inventory';
export * from './context';
export * from './server';
export * from './loaders';
export { rowsWhereAnyOf, type RowBound } from './rows';
export * from './main';
export * from './shared-types';
export * from './calendar';
export * from './resolver-map';
export * from './served-resolvers';
export * from './audit-trail';
export * from './observability';
// The schema a subgraph serves (own SDL, shared types, audit trail), for tests that compose one.
export { servedTypeDefs } from '@safeguarding/federation-contract';
export * from './packs';
