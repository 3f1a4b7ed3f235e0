import type express from 'express';
import { type CrossOriginSettings, DEFAULT_PREFLIGHT_MAX_AGE_SECONDS } from '@safeguarding/config';
import { graphQLErrorBody, refuse } from './limits';

/**
 * Web pages served from another origin (a front end's own site, a Vite dev server on
 * localhost:5173): cross-origin resource sharing (CORS) for /graphql and /exports, and the
 * cross-site request forgery (CSRF) check for /graphql.
 *
 * The gateway knows the caller only from the Authorization header, which a browser never adds by
 * itself, so a forged request runs as the anonymous public. The CSRF check is kept all the same,
 * as Apollo Server had it, for requests a browser sends from any page without asking the gateway
 * first ("simple" requests): a POST is refused unless its Content-Type or an
 * apollo-require-preflight / x-apollo-operation-name header makes the browser ask (a preflight).
 * A GET is different: it can only run a query, never a mutation, and common clients (curl,
 * graphql-request) send it bare, so it is refused only when a browser says it came from a page on
 * another site whose origin is not allowed (an <img>, a link, a script on a hostile page).
 */

/** Any port of the loopback names: a developer's own machine. */
const LOCALHOST_ORIGIN = /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d{1,5})?$/;

/** Headers a page may read besides the CORS-safelisted ones (content-type, cache-control, ...). */
const EXPOSED_HEADERS = ['x-request-id', 'etag', 'ratelimit', 'ratelimit-policy', 'retry-after', 'www-authenticate', 'content-disposition'];

/** Content types a browser sends without a preflight (the Fetch standard's CORS-safelisted ones). */
const SIMPLE_CONTENT_TYPES = new Set(['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain']);
/** Apollo's headers whose only purpose is to make a browser send a preflight. */
const PREFLIGHT_HEADERS = ['apollo-require-preflight', 'x-apollo-operation-name'];

/** With no settings: nothing but localhost outside production, like the configuration's defaults. */
export function defaultCrossOrigin(developmentTools: boolean): CrossOriginSettings {
  return { allowedOrigins: [], anyLocalhostPort: developmentTools, preflightMaxAgeSeconds: DEFAULT_PREFLIGHT_MAX_AGE_SECONDS };
}

export interface CrossOriginPolicy {
  settings: CrossOriginSettings;
  /** Whether pages at `origin` (as a browser sends it in the Origin header) may call the gateway. */
  allows(origin: string): boolean;
}

export function crossOriginPolicy(settings: CrossOriginSettings): CrossOriginPolicy {
  const listed = new Set(settings.allowedOrigins);
  return { settings, allows: (origin) => listed.has(origin) || (settings.anyLocalhostPort && LOCALHOST_ORIGIN.test(origin)) };
}

/**
 * CORS for one path: an allowed origin gets its own origin back with credentials (never `*`,
 * which browsers refuse with credentials), the headers it may read, and preflights answered here
 * (204, cached for preflightMaxAgeSeconds) before sign-in and the rate limit. A preflight from any
 * other origin gets 403 saying which setting to change; any other request from it is served
 * without CORS headers, so the browser keeps the answer from the page.
 */
export function crossOriginResourceSharing(policy: CrossOriginPolicy, methods: string[]): express.RequestHandler {
  return (request, response, next) => {
    // The answer differs by Origin, so a shared cache must keep one copy per origin.
    response.vary('Origin');
    const origin = request.headers.origin;
    const preflight = request.method === 'OPTIONS' && request.headers['access-control-request-method'] !== undefined;
    if (origin === undefined || !policy.allows(origin)) {
      if (!preflight || origin === undefined) return next();
      refuse(
        request,
        response,
        403,
        'ORIGIN_NOT_ALLOWED',
        'This origin may not call the gateway',
        `Pages at ${origin.slice(0, 100)} may not call this gateway: that origin is not in CORS_ORIGINS. Add it there (gateway/README.md, "Browsers on other origins"), or serve the page from the gateway's own origin through a proxy.`,
      );
      return;
    }
    response.set('access-control-allow-origin', origin);
    response.set('access-control-allow-credentials', 'true');
    if (!preflight) {
      response.set('access-control-expose-headers', EXPOSED_HEADERS.join(', '));
      return next();
    }
    // Any request header an allowed page asks for (Authorization, apollo-require-preflight, a
    // client name): the origin is trusted, and a fixed list would only make front ends stumble.
    const requestedHeaders = request.headers['access-control-request-headers'];
    response.vary('Access-Control-Request-Headers');
    if (requestedHeaders) response.set('access-control-allow-headers', requestedHeaders);
    response.set('access-control-allow-methods', methods.join(', '));
    response.set('access-control-max-age', String(policy.settings.preflightMaxAgeSeconds));
    response.status(204).end();
  };
}

/** True when the browser must have asked before sending (or the sender is no browser at all). */
function preflightWasForced(request: express.Request): boolean {
  const contentType = request.headers['content-type'];
  if (contentType !== undefined && !SIMPLE_CONTENT_TYPES.has(contentType.split(';')[0]!.trim().toLowerCase())) return true;
  return PREFLIGHT_HEADERS.some((header) => (request.headers[header]?.length ?? 0) > 0);
}

/**
 * Whether a bare GET is safe to run: not sent by a browser (no Origin, no Sec-Fetch-Site: curl,
 * server-side clients), typed into the address bar (Sec-Fetch-Site: none), from the gateway's
 * own pages (same-origin), or from a page whose origin is allowed. Pages cannot forge Origin or
 * Sec-Fetch-* headers; an old browser that sends neither still gets only the anonymous public's
 * answer, which the hostile page cannot read without CORS.
 */
function bareGetIsSafe(request: express.Request, policy: CrossOriginPolicy): boolean {
  const site = request.headers['sec-fetch-site'];
  if (site === 'same-origin') return true;
  const origin = request.headers.origin;
  if (origin !== undefined) return policy.allows(origin);
  return site === undefined || site === 'none';
}

/** The CSRF check for /graphql (Apollo Server's own is turned off in favour of this one). */
export function crossSiteRequestForgeryProtection(policy: CrossOriginPolicy): express.RequestHandler {
  return (request, response, next) => {
    if (preflightWasForced(request)) return next();
    if (request.method === 'GET') {
      if (bareGetIsSafe(request, policy)) return next();
      response
        .status(400)
        .json(
          graphQLErrorBody(
            `This GET was refused as a possible cross-site request forgery: a page on another site (${request.headers.origin?.slice(0, 100) ?? 'its origin not given'}) sent it, and that origin is not in CORS_ORIGINS. ` +
              'Send it from an allowed origin, or add the header "apollo-require-preflight: true" (the browser then asks the gateway first).',
            'BAD_REQUEST',
          ),
        );
      return;
    }
    response
      .status(400)
      .json(
        graphQLErrorBody(
          'This request was refused as a possible cross-site request forgery: any web page can make a browser send it without asking the gateway first. ' +
            'Send it with "Content-Type: application/json" (or the header "apollo-require-preflight: true").',
          'BAD_REQUEST',
        ),
      );
  };
}
