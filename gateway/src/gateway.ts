import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer, type ApolloServerOptions, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { GraphQLError } from 'graphql';
import pino from 'pino';
import {
  ANONYMOUS_CALLER,
  type Caller,
  createSignIn,
  GATEWAY_ASSERTION_HEADER,
  GrantsTooLargeError,
  type KeySetTimings,
  signGatewayAssertion,
} from '@safeguarding/auth';
import type {
  CrossOriginSettings,
  HttpCachingSettings,
  OidcIssuerSettings,
  QueryLimits,
  ResponseCacheSettings,
  SubgraphCallSettings,
} from '@safeguarding/config';
import { SUPERGRAPH_FILE } from './compose';
import { explorerRouter } from './explorer';
import { partialAnswer } from './partial-answers';
import { signInPlugin } from './sign-in-challenge';
import { type DownloadSettings, downloadsRouter } from './downloads';
import { createGatewayMetrics, type GatewayMetrics, REQUEST_ID_HEADER, requestIdMiddleware } from './observability';
import { armorProtection, callerRateLimit, defaultLimits, limitRefusalMessage, requestErrorHandler } from './limits';
import { clientMistake, operationChoicePlugin } from './client-mistakes';
import { signedInCaller, signInMiddleware } from './sign-in';
import {
  checkManifest,
  loadManifest,
  manifestCache,
  type PersistedOperationManifest,
  type PersistedOperationsMode,
  safelistPlugin,
  sharedApqCache,
} from './persisted-operations';
import { connectSharedState, type SharedState } from './redis';
import { createSubgraphCaller, type SubgraphCaller, subgraphCallScope } from './subgraph-calls';
import { crossOriginPolicy, crossOriginResourceSharing, crossSiteRequestForgeryProtection, defaultCrossOrigin } from './cross-origin';
import { answersVaryByCaller, DEFAULT_HTTP_CACHING, httpCachingPlugin } from './http-caching';
import { refusalAtFields, SubgraphInputRefusal } from './input-refusals';
import { createResponseCache } from './response-cache';

/**
 * How the gateway talks to one subgraph.
 *
 * A subgraph refuses bad input in a variable or literal (an impossible Date, say) before any
 * resolver runs, answering 400. The gateway passes such refusals on as BAD_USER_INPUT with the
 * subgraph's message, at the path of the field whose argument was refused (input-refusals.ts),
 * instead of a generic failure that names internal URLs.
 *
 * A subgraph that is down or failing costs only its part of the answer: the error names the
 * subgraph (extensions.subgraph) and says what to do, and the other subgraphs' data still comes
 * back. Each call has a deadline, a query whose connection broke is retried once, and a subgraph
 * that keeps failing is skipped for a moment (subgraph-calls.ts); every such failure is thrown, so
 * it ends in the catch below. A subgraph that returns is used again without restarting the gateway.
 */
class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    private readonly subgraphName: string,
    private readonly metrics: GatewayMetrics,
    config: Partial<RemoteGraphQLDataSource<GatewayContext>> & object & ThisType<RemoteGraphQLDataSource<GatewayContext>>,
  ) {
    super(config);
  }

  override async process(options: Parameters<RemoteGraphQLDataSource<GatewayContext>['process']>[0]) {
    const done = this.metrics.startFetch(this.subgraphName);
    // The response cache tags the answer with it, or a mutation invalidates what it answered.
    (options.context as Partial<GatewayContext> | undefined)?.subgraphsCalled?.add(this.subgraphName);
    try {
      // The fetcher reads the operation kind from here: mutations get their own deadline and no retry.
      const mutation = /^\s*mutation\b/.test(options.request.query ?? '');
      const response = await subgraphCallScope.run({ mutation }, () => super.process(options));
      done(Boolean(response.errors?.length));
      return response;
    } catch (error) {
      done(true);
      // Refused input: at the field whose argument holds the bad value, when it can be found (input-refusals.ts).
      const placed = error instanceof SubgraphInputRefusal ? refusalAtFields(error, options) : undefined;
      if (placed) return placed;
      // Refused credentials are the deployment's to fix: passed on whole.
      if (error instanceof GraphQLError && error.extensions.code !== 'SUBGRAPH_UNAVAILABLE') throw error;
      // A refused connection, a reset, a 5xx or a timeout (its message names internal addresses):
      // answer with an error at each field now missing, so the gateway keeps the rest and says where.
      return partialAnswer(error instanceof GraphQLError ? error : subgraphUnavailable(this.subgraphName), options);
    }
  }

  override async errorFromResponse(response: Parameters<RemoteGraphQLDataSource['errorFromResponse']>[0]): Promise<GraphQLError> {
    let first: { message?: string; locations?: SubgraphInputRefusal['subgraphLocations']; extensions?: { code?: string } } | undefined;
    try {
      first = ((await response.clone().json()) as { errors?: (typeof first)[] }).errors?.[0];
    } catch {
      first = undefined;
    }
    const code = first?.extensions?.code;
    if (response.status === 400 && first?.message && (code === 'BAD_USER_INPUT' || code === 'GRAPHQL_VALIDATION_FAILED')) {
      return new SubgraphInputRefusal(first.message, first.locations);
    }
    if (response.status === 401) {
      return new GraphQLError("A subgraph refused the gateway's credentials; check GATEWAY_SECRET is the same everywhere.", {
        extensions: { code: 'INTERNAL_SERVER_ERROR', subgraph: this.subgraphName },
      });
    }
    if (response.status >= 500) return subgraphUnavailable(this.subgraphName);
    return new GraphQLError(`The ${this.subgraphName} part of the platform answered ${response.status}; try again shortly.`, {
      extensions: { code: 'INTERNAL_SERVER_ERROR', subgraph: this.subgraphName },
    });
  }
}

function subgraphUnavailable(subgraph: string): GraphQLError {
  return new GraphQLError(
    `The ${subgraph} part of the platform is unavailable, so the fields it provides are missing from this answer (null); the rest is complete. Try again shortly.`,
    { extensions: { code: 'SUBGRAPH_UNAVAILABLE', subgraph } },
  );
}

export interface GatewayContext {
  caller: Caller;
  /** The caller's signed assertion for the subgraphs, made at the first subgraph call. */
  gatewayAssertion?: string;
  /** One id per request (the client's x-request-id or a new uuid), sent to every subgraph call. */
  requestId?: string;
  /** The subgraphs this request called (response-cache.ts). */
  subgraphsCalled?: Set<string>;
}

export interface GatewayOptions {
  /** GraphQL URL of each subgraph, by name. */
  subgraphUrls: Record<string, string>;
  /** The secret of HS256 development tokens (npm run token); omitted, they are refused. */
  userTokenSecret?: string;
  /** The organisations' identity providers whose access tokens are accepted (OIDC_ISSUERS). */
  oidcIssuers?: OidcIssuerSettings[];
  /** How their keys are fetched and cached (tests shorten the cooldown). */
  oidcKeySets?: KeySetTimings;
  gatewaySecret: string;
  developmentTools: boolean;
  supergraphSdl?: string;
  logger?: pino.Logger;
  /** Abuse limits; omitted ones take the defaults in limits.ts (rate limit generous with developmentTools). */
  limits?: Partial<QueryLimits>;
  /** apq (default): any operation, with automatic persisted queries; safelist: only the manifest's operations. */
  persistedOperations?: { mode: PersistedOperationsMode; manifestFile?: string; manifest?: PersistedOperationManifest };
  /** Longest time `stop()` waits for in-flight requests before closing connections (default 10 s). */
  shutdownGraceMilliseconds?: number;
  /** REDIS_URL: share rate-limit counts and the APQ cache with the other gateway replicas (redis.ts). */
  redisUrl?: string;
  /** Deadlines and circuit breaking for calls to subgraphs (defaults in packages/config). */
  subgraphCalls?: SubgraphCallSettings;
  /** Lifetimes of download links and private calendar feeds (defaults in downloads.ts and calendars.ts). */
  downloads?: DownloadSettings;
  /** Pages on other origins allowed to call the gateway (cross-origin.ts); omitted: localhost with developmentTools, else none. */
  crossOrigin?: CrossOriginSettings;
  /** HTTP caching of the public's GET answers (http-caching.ts); omitted: 60 s. */
  httpCaching?: HttpCachingSettings;
  /** The cache of whole answers (response-cache.ts); omitted or a TTL of 0: off. In Redis when redisUrl is set. */
  responseCache?: ResponseCacheSettings;
}

export interface RunningGateway {
  httpServer: http.Server;
  listen(port: number, host?: string): Promise<string>;
  stop(): Promise<void>;
}

/**
 * Refuses, before anything runs, a caller whose grants cannot be passed on to the subgraphs (they
 * would refuse the oversized header with 431, and the caller would learn nothing useful).
 */
function withGrantsThatFit(caller: Caller, gatewaySecret: string): Caller {
  try {
    signGatewayAssertion(gatewaySecret, caller);
    return caller;
  } catch (error) {
    if (error instanceof GrantsTooLargeError) {
      throw new GraphQLError(`Your token was refused: ${error.message}.`, { extensions: { code: 'TOKEN_TOO_LARGE', http: { status: 400 } } });
    }
    throw error;
  }
}

function persistedOperationsSetup(
  setting: GatewayOptions['persistedOperations'],
  shared: SharedState | undefined,
): {
  persistedQueries: ApolloServerOptionsPersistedQueries;
  plugins: ApolloServerPlugin[];
} {
  if (!setting || setting.mode === 'apq') {
    // Apollo Server's automatic persisted queries: shared in Redis, or in its bounded in-memory cache.
    return { persistedQueries: shared ? { cache: sharedApqCache(shared) } : {}, plugins: [] };
  }
  const manifest = setting.manifest ? checkManifest(setting.manifest) : setting.manifestFile ? loadManifest(setting.manifestFile) : undefined;
  if (!manifest) throw new Error('PERSISTED_OPERATIONS=safelist needs a manifest; set PERSISTED_OPERATIONS_MANIFEST to its file.');
  return { persistedQueries: { cache: manifestCache(manifest) }, plugins: [safelistPlugin(manifest)] };
}

type ApolloServerOptionsPersistedQueries = NonNullable<Extract<ApolloServerOptions<GatewayContext>, { gateway: unknown }>['persistedQueries']>;

export async function createGateway(options: GatewayOptions): Promise<RunningGateway> {
  const logger = options.logger ?? pino({ level: 'silent' });
  // The caller is read from the bearer token once per request (sign-in.ts); role mappings are checked here, at start.
  const verifyToken = createSignIn({ developmentTokenSecret: options.userTokenSecret, oidcIssuers: options.oidcIssuers, keySets: options.oidcKeySets });
  const callerFromToken = async (token: string) => withGrantsThatFit(await verifyToken(token), options.gatewaySecret);
  const supergraphSdl = options.supergraphSdl ?? fs.readFileSync(SUPERGRAPH_FILE, 'utf8');
  const metrics = createGatewayMetrics(logger);
  const subgraphCallers: SubgraphCaller[] = [];
  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService({ name, url }) {
      const overridden = options.subgraphUrls[name] ?? url ?? '';
      const caller = createSubgraphCaller(name, overridden, options.subgraphCalls, logger);
      subgraphCallers.push(caller);
      return new SubgraphDataSource(name, metrics, {
        url: overridden,
        fetcher: caller.fetcher,
        // The gateway's credentials, carrying the verified caller; subgraphs accept nothing else.
        // Signed once per request: every subgraph call of it carries the same caller.
        willSendRequest({ request, context: untypedContext }) {
          // Typed loosely by Apollo Gateway (health checks have no request context); every operation's is ours.
          const context = untypedContext as GatewayContext;
          context.gatewayAssertion ??= signGatewayAssertion(options.gatewaySecret, context.caller ?? ANONYMOUS_CALLER);
          request.http?.headers.set(GATEWAY_ASSERTION_HEADER, context.gatewayAssertion);
          if (context.requestId) request.http?.headers.set(REQUEST_ID_HEADER, context.requestId);
        },
      });
    },
  });
  const limits: QueryLimits = { ...defaultLimits(options.developmentTools), ...options.limits };
  const armor = armorProtection(limits);
  const shared = options.redisUrl ? connectSharedState(options.redisUrl, logger) : undefined;
  // Shared from the first request when Redis is up; a gateway whose Redis is down starts anyway.
  await shared?.connected();
  const persisted = persistedOperationsSetup(options.persistedOperations, shared);
  const responseCache =
    options.responseCache && options.responseCache.ttlSeconds > 0
      ? createResponseCache({ subgraphs: Object.keys(options.subgraphUrls), settings: options.responseCache, shared, registry: metrics.registry })
      : undefined;
  // Entries from before this start may describe a database since restored or reseeded.
  await responseCache?.invalidateEverything();
  const app = express();
  app.disable('x-powered-by');
  const httpServer = http.createServer(app);
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    introspection: options.developmentTools,
    includeStacktraceInErrorResponses: false,
    // One operation per request: a batch would multiply every limit below by its length.
    allowBatchedHttpRequests: false,
    // cross-origin.ts checks for forgery instead, so that bare GET queries from curl and graphql-request work.
    csrfPrevention: false,
    // "Did you mean ...?" helps a developer; in production it would map the schema with introspection off.
    hideSchemaDetailsFromClientErrors: !options.developmentTools,
    validationRules: armor.validationRules,
    parseOptions: armor.parseOptions,
    persistedQueries: persisted.persistedQueries,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: options.shutdownGraceMilliseconds ?? 10_000 }),
      ApolloServerPluginLandingPageDisabled(),
      ...armor.plugins,
      operationChoicePlugin,
      ...persisted.plugins,
      metrics.plugin,
      signInPlugin,
      httpCachingPlugin(options.httpCaching ?? DEFAULT_HTTP_CACHING),
      // Last: a cached answer is given only after the limits, the safelist and sign-in have passed.
      ...(responseCache ? [responseCache.plugin] : []),
    ],
    formatError(formatted) {
      // No stack traces, and no subgraph responses (they name internal addresses).
      const { stacktrace: _stacktrace, response: _response, ...extensions } = formatted.extensions ?? {};
      const mistake = clientMistake(formatted.message, extensions.code);
      if (mistake) return { ...formatted, message: mistake.message, extensions: { ...extensions, code: mistake.code } };
      return { ...formatted, message: limitRefusalMessage(formatted.message) ?? formatted.message, extensions };
    },
  });
  await apollo.start();

  let stopping = false;
  app.use(requestIdMiddleware());
  app.get('/health', (_request, response) => {
    response.json({ status: 'ok', service: 'gateway' });
  });
  // Ready when every subgraph is ready (each checks its database); 503 while any is not, or
  // while this gateway drains for shutdown, so a load balancer sends traffic elsewhere.
  app.get('/ready', async (_request, response) => {
    const checks = await Promise.all(
      Object.entries(options.subgraphUrls).map(async ([name, url]) => {
        try {
          const answer = await fetch(url.replace(/\/graphql$/, '/ready'), { signal: AbortSignal.timeout(2000) });
          return [name, answer.ok ? 'ready' : 'unavailable'] as const;
        } catch {
          return [name, 'unreachable'] as const;
        }
      }),
    );
    const ready = !stopping && checks.every(([, state]) => state === 'ready');
    response.status(ready ? 200 : 503).json({ status: stopping ? 'stopping' : ready ? 'ready' : 'degraded', subgraphs: Object.fromEntries(checks) });
  });
  // Prometheus metrics (observability.ts); not rate limited, like /health.
  app.get('/metrics', async (_request, response) => {
    response.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  if (options.developmentTools) app.use(explorerRouter('/graphql'));
  // Browsers on other origins (cross-origin.ts): CORS before sign-in and the rate limit, so preflights are answered at once.
  const crossOrigin = crossOriginPolicy(options.crossOrigin ?? defaultCrossOrigin(options.developmentTools));
  app.use('/graphql', crossOriginResourceSharing(crossOrigin, ['GET', 'POST']));
  app.use('/exports', crossOriginResourceSharing(crossOrigin, ['GET', 'POST']));
  app.use('/calendars', crossOriginResourceSharing(crossOrigin, ['GET', 'POST', 'DELETE']));
  // CSV exports, download links and calendar feeds (downloads.ts) run their operations through this
  // same gateway as the caller: same permissions, same limits.
  app.use(['/exports', '/calendars'], signInMiddleware(callerFromToken, logger), callerRateLimit(limits.rateLimit, shared, 'exports'));
  app.use(
    downloadsRouter({
      apollo,
      callerFor: signedInCaller,
      gatewaySecret: options.gatewaySecret,
      shared,
      logger,
      settings: options.downloads,
      httpCaching: options.httpCaching,
    }),
  );
  app.use(
    '/graphql',
    signInMiddleware(callerFromToken, logger),
    callerRateLimit(limits.rateLimit, shared, 'graphql'),
    crossSiteRequestForgeryProtection(crossOrigin),
    answersVaryByCaller,
    express.json({ limit: limits.requestSize }),
    expressMiddleware(apollo, {
      context: async ({ res }) => ({ caller: signedInCaller(res), requestId: res.locals.requestId as string }),
    }),
  );
  app.use(requestErrorHandler(limits.requestSize));

  let stopped = false;
  return {
    httpServer,
    listen(port, host = '127.0.0.1') {
      return new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => {
          const address = httpServer.address() as AddressInfo;
          logger.info({ port: address.port }, 'gateway listening');
          resolve(`http://${host === '0.0.0.0' ? 'localhost' : host}:${address.port}/graphql`);
        });
      });
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      stopping = true;
      await apollo.stop();
      await shared?.close();
      if (httpServer.listening) await new Promise<void>((resolve) => httpServer.close(() => resolve()));
      await Promise.all(subgraphCallers.map((caller) => caller.close()));
    },
  };
}
