import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import { ANONYMOUS_CALLER, isSignedIn } from '@safeguarding/auth';
import type { GatewayContext } from './gateway';

/** RFC 6750: a 401 names the scheme the client should use; no error code, since no token was sent. */
export const SIGN_IN_CHALLENGE = 'Bearer realm="safeguarding-partnerships"';

const isUnauthenticated = (error: GraphQLFormattedError) => error.extensions?.code === 'UNAUTHENTICATED';

/**
 * An anonymous caller whose whole operation was refused for want of a role gets HTTP 401 with a
 * `WWW-Authenticate: Bearer` challenge, so a client knows to sign in rather than give up; the
 * errors' messages (written by the subgraphs) say how. An operation that was partly answered stays
 * 200 with its data, like any partial answer; signed-in callers' refusals stay FORBIDDEN and 200.
 */
export const signInPlugin: ApolloServerPlugin<GatewayContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response, contextValue }) {
        if (response.body.kind !== 'single' || isSignedIn(contextValue.caller ?? ANONYMOUS_CALLER)) return;
        const { data, errors } = response.body.singleResult;
        if (!errors?.length || !errors.every(isUnauthenticated)) return;
        // Wholly refused: every field asked for at the top is null because of a refusal (a null
        // that is an answer, such as a review that is not there, means the operation was answered).
        const refused = new Set(errors.map((error) => error.path?.[0]));
        if (data && !Object.entries(data).every(([key, value]) => value === null && refused.has(key))) return;
        response.http.status = 401;
        response.http.headers.set('www-authenticate', SIGN_IN_CHALLENGE);
      },
    };
  },
};
