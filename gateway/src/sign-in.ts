import type express from 'express';
import { GraphQLError } from 'graphql';
import type pino from 'pino';
import { ANONYMOUS_CALLER, AuthenticationError, type Caller, type CallerFromToken, IdentityProviderUnavailableError } from '@safeguarding/auth';

/**
 * Who is calling, worked out once per request (before the rate limit, which counts by caller) and
 * kept in `response.locals`: GraphQL's context, the CSV exports and the rate limiter all read the
 * same verified caller, and a token is verified once.
 */
type SignIn = { caller: Caller } | { refusal: GraphQLError };

const SIGN_IN = 'signIn';

function refusal(message: string, code: 'UNAUTHENTICATED' | 'IDENTITY_PROVIDER_UNAVAILABLE', status: 401 | 503): GraphQLError {
  return new GraphQLError(message, { extensions: { code, http: { status } } });
}

/** Reads `Authorization: Bearer <token>`; no header means the anonymous public reader. */
export async function callerFromRequest(authorization: string | undefined, callerFromToken: CallerFromToken): Promise<Caller> {
  if (!authorization) return ANONYMOUS_CALLER;
  const match = /^Bearer\s+(\S+)$/i.exec(authorization);
  if (!match) {
    throw refusal(
      'The Authorization header must be "Bearer <token>": an access token from your organisation\'s sign-in, or in development one from npm run token -- <role>.',
      'UNAUTHENTICATED',
      401,
    );
  }
  try {
    return await callerFromToken(match[1]!);
  } catch (error) {
    if (error instanceof IdentityProviderUnavailableError)
      throw refusal(`Your token cannot be checked yet: ${error.message}`, 'IDENTITY_PROVIDER_UNAVAILABLE', 503);
    if (error instanceof AuthenticationError) throw refusal(`Your token was refused: ${error.message}`, 'UNAUTHENTICATED', 401);
    throw error;
  }
}

/** Express middleware: verifies the caller's token and keeps the outcome for the handlers after it. */
export function signInMiddleware(callerFromToken: CallerFromToken, logger: pino.Logger): express.RequestHandler {
  return (request, response, next) => {
    callerFromRequest(request.headers.authorization, callerFromToken).then(
      (caller) => {
        response.locals[SIGN_IN] = { caller } satisfies SignIn;
        next();
      },
      (error: unknown) => {
        if (!(error instanceof GraphQLError)) return next(error);
        if (error.extensions.code === 'IDENTITY_PROVIDER_UNAVAILABLE') logger.warn({ reason: error.message }, 'identity provider unavailable');
        // Refused later by the handler, after the rate limit has counted it against the address.
        response.locals[SIGN_IN] = { refusal: error } satisfies SignIn;
        next();
      },
    );
  };
}

/** The verified caller; throws the refusal (401, or 503 when the identity provider is unreachable). */
export function signedInCaller(response: express.Response): Caller {
  const signIn = response.locals[SIGN_IN] as SignIn | undefined;
  if (!signIn) throw new Error('signInMiddleware must run before the caller is read');
  if ('refusal' in signIn) throw signIn.refusal;
  return signIn.caller;
}

/** For the rate limiter: the caller if their token verified, else undefined (count by address). */
export function verifiedCaller(response: express.Response): Caller | undefined {
  const signIn = response.locals[SIGN_IN] as SignIn | undefined;
  return signIn && 'caller' in signIn && signIn.caller !== ANONYMOUS_CALLER ? signIn.caller : undefined;
}
