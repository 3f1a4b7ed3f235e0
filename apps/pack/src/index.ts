export * from './arguments';
export * from './commands';
export * from './gateway';
export * from './output';
export * from './platform-ids';
export * from './report';
export * from './run';
export * from './sections';
