import express from 'express';
import type pino from 'pino';
import type { Caller } from '@safeguarding/auth';
import { calendarsRouter, type CalendarSettings } from './calendars';
import type { HttpCachingSettings } from '@safeguarding/config';
import { cacheControlFor, DEFAULT_HTTP_CACHING } from './http-caching';
import { exportCsv, exportIndex, findExport, type GatewayApollo, LINK_PARAMETER, prepareExport, sendCsv } from './exports';
import { problem, ProblemError, sendProblem, signedInPerson, signInProblem, withProblems } from './problem';
import type { SharedState } from './redis';
import { signingKey, signUrlToken, verifyUrlToken } from './signed-urls';

/**
 * What a browser, a spreadsheet or a calendar program downloads: CSV exports (exports.ts), the
 * short-lived signed links that let a plain <a href> download as the signed-in caller, and the
 * calendar feeds (calendars.ts). Every refusal is a problem (problem.ts).
 */
export interface DownloadSettings {
  /** How long a download link works (default 300 s). */
  linkLifetimeSeconds?: number;
  calendars?: CalendarSettings;
}

export interface DownloadsOptions {
  apollo: GatewayApollo;
  /** The caller verified for this request by sign-in.ts (throws its refusal). */
  callerFor: (response: express.Response) => Caller;
  gatewaySecret: string;
  shared?: SharedState;
  logger: pino.Logger;
  settings?: DownloadSettings;
  /** The public-GET caching policy GraphQL answers follow (http-caching.ts); exports follow it too. */
  httpCaching?: HttpCachingSettings;
}

export const DEFAULT_LINK_LIFETIME_SECONDS = 300;

/** The caller from the Authorization header (anonymous without one), as a problem when it was refused. */
function headerCaller(callerFor: DownloadsOptions['callerFor'], response: express.Response): Caller {
  try {
    return callerFor(response);
  } catch (error) {
    throw new ProblemError(signInProblem(error));
  }
}

export function downloadsRouter(options: DownloadsOptions): express.Router {
  const { apollo, callerFor } = options;
  const linkKey = signingKey(options.gatewaySecret, 'export-download');
  const lifetime = options.settings?.linkLifetimeSeconds ?? DEFAULT_LINK_LIFETIME_SECONDS;
  const router = express.Router();

  router.get('/exports', (_request, response) => {
    response.json(exportIndex());
  });

  router.get(
    '/exports/:name.csv',
    withProblems(async (request, response) => {
      const definition = findExport(request.params.name as string);
      const query = new URLSearchParams(request.originalUrl.split('?')[1] ?? '');
      const prepared = prepareExport(definition, query);
      let caller: Caller;
      let cacheControl: string | undefined;
      const link = query.get(LINK_PARAMETER);
      if (link !== null) {
        // A signed link stands for its maker, for exactly the export and parameters it was made for.
        const claims = await verifyUrlToken(linkKey, 'export-download', link, LINK_PARAMETER);
        if (claims.target !== definition.name || !sameParameters(claims.parameters, prepared.parameters)) {
          throw problem(
            401,
            'LINK_INVALID',
            'The download link is not valid',
            'This download link was made for another export or other parameters; ask for a new one.',
            LINK_PARAMETER,
          );
        }
        caller = claims.caller;
      } else {
        caller = headerCaller(callerFor, response);
        // A signed link is its maker's: never cacheable. Without one, the anonymous public's list is.
        cacheControl = cacheControlFor(
          caller,
          { method: request.method, authorization: request.headers.authorization, hasErrors: false, status: 200 },
          options.httpCaching ?? DEFAULT_HTTP_CACHING,
        );
      }
      sendCsv(response, definition.name, await exportCsv(apollo, caller, prepared, response.locals.requestId as string | undefined), cacheControl);
    }),
  );

  // A link for the caller's own permissions, for one export with its parameters: the front end
  // asks with its bearer token, then puts the URL in a plain link.
  router.post(
    '/exports/links',
    express.json({ limit: '4kb' }),
    withProblems(async (request, response) => {
      const caller = signedInPerson(callerFor, response, 'make a download link (public exports need none)');
      const path = (request.body as { path?: unknown } | undefined)?.path;
      // The address as the front end has it, with or without the gateway's origin.
      const match = typeof path === 'string' ? /^(?:https?:\/\/[^/]+)?\/exports\/([\w-]+)\.csv(?:\?(.*))?$/.exec(path) : null;
      if (!match)
        throw problem(
          400,
          'PARAMETER_INVALID',
          'Say which export',
          'Send JSON {"path": "/exports/<name>.csv?<parameters>"}, the address you would download.',
          'path',
        );
      const definition = findExport(match[1]!);
      const query = new URLSearchParams(match[2] ?? '');
      if (query.has(LINK_PARAMETER))
        throw problem(400, 'PARAMETER_INVALID', 'Already a link', "The path is already a download link; send the export's own path.", 'path');
      const prepared = prepareExport(definition, query);
      const { token, claims } = await signUrlToken(linkKey, 'export-download', caller, definition.name, prepared.parameters, lifetime);
      const parameters = new URLSearchParams({ ...prepared.parameters, [LINK_PARAMETER]: token });
      response.status(201).json({ url: `/exports/${definition.name}.csv?${parameters}`, expiresAt: claims.expiresAt.toISOString() });
    }),
  );

  router.use(calendarsRouter({ ...options, settings: options.settings?.calendars }));

  // Malformed JSON for the POSTs above, as a problem like everything else here.
  router.use(((error, request, response, next) => {
    if (response.headersSent || !(request.path.startsWith('/exports') || request.path.startsWith('/calendars'))) return next(error);
    const status = typeof (error as { status?: unknown }).status === 'number' ? (error as { status: number }).status : 500;
    if ((error as { type?: unknown }).type === 'entity.too.large')
      return sendProblem(response, {
        status: 413,
        code: 'PAYLOAD_TOO_LARGE',
        title: 'The request is too large',
        detail: 'The request body is larger than this endpoint takes (4 kB); send only {"path": "/exports/<name>.csv?<parameters>"}.',
      });
    if (status >= 400 && status < 500)
      return sendProblem(response, {
        status,
        code: 'BAD_REQUEST',
        title: 'The request could not be read',
        detail: 'Send a JSON body with the content type application/json.',
      });
    options.logger.error({ err: error }, 'download failed');
    sendProblem(response, {
      status: 500,
      code: 'INTERNAL_SERVER_ERROR',
      title: 'Something went wrong',
      detail: 'The failure has been logged; try again, and report it if it persists.',
    });
  }) as express.ErrorRequestHandler);

  return router;
}

function sameParameters(signed: Record<string, string>, given: Record<string, string>): boolean {
  const keys = new Set([...Object.keys(signed), ...Object.keys(given)]);
  return [...keys].every((key) => signed[key] === given[key]);
}
