import type { ApolloServerPlugin } from '@apollo/server';
import type express from 'express';
import { OperationTypeNode } from 'graphql';
import { ANONYMOUS_CALLER, type Caller } from '@safeguarding/auth';
import { DEFAULT_PUBLIC_CACHE_MAX_AGE_SECONDS, type HttpCachingSettings } from '@safeguarding/config';

/**
 * HTTP caching of answers, from the data's own access policy. What the anonymous public reads is
 * published, public data, the same for everyone who asks the same thing: its answer to a GET query
 * may be kept by browsers and shared caches (CDNs, proxies) for a short time
 * (`Cache-Control: public, max-age=60`). Everything else stays `no-store`, as Apollo Server marks
 * it: answers to signed-in callers (they depend on the caller's grants and may hold unpublished
 * material, so they are never public and not kept on a shared computer's disk either), mutations,
 * POSTs, and any answer with an error (a partial answer while a subgraph is down must not outlive
 * the fault; PERSISTED_QUERY_NOT_FOUND keeps Apollo's own `private, no-cache`).
 *
 * Revalidation: express gives every answer an ETag (a hash of the body) and answers a GET whose
 * If-None-Match matches with 304 and no body, so a cache whose copy has expired pays only for the
 * query, not the transfer.
 */

export const DEFAULT_HTTP_CACHING: HttpCachingSettings = { publicMaxAgeSeconds: DEFAULT_PUBLIC_CACHE_MAX_AGE_SECONDS };

/**
 * The Cache-Control an answer may carry, or undefined to leave Apollo Server's `no-store`. Only
 * the anonymous public's error-free GETs are cacheable. Exported so other GET answers (CSV
 * exports) can follow the same policy.
 */
export function cacheControlFor(
  caller: Caller,
  answer: { method: string | undefined; authorization: string | undefined; hasErrors: boolean; status: number },
  settings: HttpCachingSettings,
): string | undefined {
  const anonymous = caller === ANONYMOUS_CALLER && !answer.authorization;
  if (!anonymous || answer.method !== 'GET' || answer.hasErrors || answer.status !== 200 || settings.publicMaxAgeSeconds === 0) return undefined;
  // Not "max-age=N, public", the order Apollo's cache-control plugin parses and then narrows by
  // the subgraphs' own `no-store`: this policy is the gateway's to set.
  return `public, max-age=${settings.publicMaxAgeSeconds}`;
}

/** Sets the policy on GraphQL answers; returns at once for anything but a GET. */
export function httpCachingPlugin(settings: HttpCachingSettings): ApolloServerPlugin<{ caller: Caller }> {
  return {
    async requestDidStart({ request }) {
      if (request.http?.method !== 'GET' || settings.publicMaxAgeSeconds === 0) return;
      return {
        async willSendResponse({ response, contextValue, operation }) {
          if (operation?.operation !== OperationTypeNode.QUERY || response.body.kind !== 'single') return;
          const cacheControl = cacheControlFor(
            contextValue.caller,
            {
              method: request.http?.method,
              authorization: request.http?.headers.get('authorization'),
              hasErrors: Boolean(response.body.singleResult.errors?.length),
              status: response.http.status ?? 200,
            },
            settings,
          );
          if (cacheControl) response.http.headers.set('cache-control', cacheControl);
        },
      };
    },
  };
}

/**
 * Answers differ by caller: a shared cache must never hand the public's copy to a signed-in
 * caller or the other way round. Set here, not by Apollo, so CORS's `Vary: Origin` is kept.
 */
export const answersVaryByCaller: express.RequestHandler = (_request, response, next) => {
  response.vary('Authorization');
  next();
};
