export * from './caller';
export * from './tokens';
export * from './sign-in';
