import { ANONYMOUS_CALLER, type Caller } from './caller';

/**
 * What an anonymous caller is told when something needs a role: they are not refused for who they
 * are (FORBIDDEN) but for not saying who they are (UNAUTHENTICATED), so the fix is to sign in.
 */
export const SIGN_IN_HINT =
  'You are not signed in: send your token in the header "Authorization: Bearer <token>" (for development, `npm run token -- <role> [partnership]` prints one; see the README section "Roles and tokens").';

/**
 * True when the caller presented a token. A signed-in caller may hold no grants at all; that caller
 * is refused with FORBIDDEN, like any other caller without the role.
 */
export function isSignedIn(caller: Caller): boolean {
  return caller !== ANONYMOUS_CALLER && caller.subject !== ANONYMOUS_CALLER.subject;
}
