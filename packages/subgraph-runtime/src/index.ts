export * from './errors';
export * from './scalars';
export * from './permissions';
export * from './context';
export * from './server';
export * from './loaders';
export * from './main';
export * from './shared-types';
