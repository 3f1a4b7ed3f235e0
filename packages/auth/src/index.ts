export * from './caller';
export * from './access-table';
export * from './tokens';
export { IdentityProviderUnavailableError, type KeySetTimings, OidcIssuer } from './oidc';
export { type CallerFromToken, createSignIn, type SignInOptions } from './sign-in';
export * from './signed-in';
