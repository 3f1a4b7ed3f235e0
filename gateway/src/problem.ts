import type express from 'express';
import { ANONYMOUS_CALLER, type Caller } from '@safeguarding/auth';

/**
 * The one error shape of the download endpoints (exports, download links, calendars): RFC 9457
 * problem details, `application/problem+json`. `code` is stable (clients branch on it), `detail`
 * is for people, and `parameter` names the query parameter at fault when there is one. Nothing of
 * the GraphQL operation behind a download (variable names, field paths) is ever shown.
 */
export interface Problem {
  status: number;
  code: string;
  title: string;
  detail: string;
  parameter?: string;
}

export class ProblemError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail);
  }
}

export const problem = (status: number, code: string, title: string, detail: string, parameter?: string): ProblemError =>
  new ProblemError({ status, code, title, detail, ...(parameter ? { parameter } : {}) });

export function sendProblem(response: express.Response, { status, code, title, detail, parameter }: Problem): void {
  if (status === 401) response.set('www-authenticate', 'Bearer realm="safeguarding-partnerships"');
  response
    .status(status)
    .type('application/problem+json')
    .send(
      JSON.stringify({
        // A URN, not a URL: the codes are documented in the gateway README, not served.
        type: `urn:safeguarding-partnerships:problem:${code.toLowerCase().replaceAll('_', '-')}`,
        title,
        status,
        detail,
        code,
        ...(parameter ? { parameter } : {}),
        // No `instance`: a private feed's address is its secret, and would be echoed into logs.
      }),
    );
}

/** A refusal of the caller's token (a GraphQLError from sign-in.ts) as a problem: 401, or 503 when the identity provider is unreachable. */
export function signInProblem(error: unknown): Problem {
  const extensions = (error as { extensions?: { code?: string; http?: { status?: number } } }).extensions;
  const status = extensions?.http?.status ?? 401;
  return {
    status,
    code: extensions?.code ?? 'UNAUTHENTICATED',
    title: status === 503 ? 'Your sign-in cannot be checked just now' : 'Your sign-in was refused',
    detail: (error as Error).message,
  };
}

/** Express handlers may throw a ProblemError (sync or async); anything else is a 500 that names nothing internal. */
export function withProblems(handler: (request: express.Request, response: express.Response) => Promise<void> | void): express.RequestHandler {
  return async (request, response, next) => {
    try {
      await handler(request, response);
    } catch (error) {
      if (error instanceof ProblemError) sendProblem(response, error.problem);
      else next(error);
    }
  };
}

/**
 * The caller signed in for this request (sign-in.ts), for what needs a signed-in person (making a
 * download link or a private feed, which carry their permissions): a refused token or no token is a 401 problem.
 */
export function signedInPerson(callerFor: (response: express.Response) => Caller, response: express.Response, what: string): Caller {
  let caller: Caller;
  try {
    caller = callerFor(response);
  } catch (error) {
    throw new ProblemError(signInProblem(error));
  }
  if (caller.subject === ANONYMOUS_CALLER.subject) {
    throw problem(401, 'UNAUTHENTICATED', 'Sign in first', `Sign in ("Authorization: Bearer <token>") to ${what}.`);
  }
  return caller;
}

/** `?access_token=` is refused, not ignored: ignoring it answered anonymously, which looked like missing data. */
export function refuseTokenInQuery(query: { has(name: string): boolean }, instead: string): void {
  if (!query.has('access_token')) return;
  throw problem(
    400,
    'ACCESS_TOKEN_IN_QUERY',
    'Tokens are not accepted in the address',
    `An access token in a URL ends up in browser history and server logs, so it is not read. ${instead}`,
    'access_token',
  );
}
