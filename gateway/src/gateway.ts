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
  AuthenticationError,
  type Caller,
  GATEWAY_ASSERTION_HEADER,
  signGatewayAssertion,
  verifyUserToken,
} from '@safeguarding/auth';
import type { QueryLimits } from '@safeguarding/config';
import { SUPERGRAPH_FILE } from './compose';
import { explorerRouter } from './explorer';
import { signInPlugin } from './sign-in';
import { exportsRouter } from './exports';
import { createGatewayMetrics, type GatewayMetrics, REQUEST_ID_HEADER, requestIdMiddleware } from './observability';
import { armorProtection, callerRateLimit, defaultLimits, requestErrorHandler } from './limits';
import {
  checkManifest,
  loadManifest,
  manifestCache,
  type PersistedOperationManifest,
  type PersistedOperationsMode,
  safelistPlugin,
} from './persisted-operations';

/**
 * How the gateway talks to one subgraph.
 *
 * A subgraph refuses bad input in a variable or literal (an impossible Date, say) before any
 * resolver runs, answering 400. The gateway passes such refusals on as BAD_USER_INPUT with the
 * subgraph's message, instead of a generic failure that names internal URLs.
 *
 * A subgraph that is down or failing costs only its part of the answer: the error names the
 * subgraph (extensions.subgraph) and says what to do, and the other subgraphs' data still comes
 * back. Each request opens connections afresh when needed, so a subgraph that returns is used
 * again at once, without restarting the gateway.
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
    try {
      const response = await super.process(options);
      done(Boolean(response.errors?.length));
      return response;
    } catch (error) {
      done(true);
      if (error instanceof GraphQLError) throw error;
      // A refused connection, a reset or a timeout: its message names internal addresses.
      throw subgraphUnavailable(this.subgraphName);
    }
  }

  override async errorFromResponse(response: Response): Promise<GraphQLError> {
    let first: { message?: string; extensions?: { code?: string } } | undefined;
    try {
      first = ((await response.clone().json()) as { errors?: (typeof first)[] }).errors?.[0];
    } catch {
      first = undefined;
    }
    const code = first?.extensions?.code;
    if (response.status === 400 && first?.message && (code === 'BAD_USER_INPUT' || code === 'GRAPHQL_VALIDATION_FAILED')) {
      return new GraphQLError(first.message, { extensions: { code: 'BAD_USER_INPUT' } });
    }
    if (response.status === 401) {
      return new GraphQLError('A subgraph refused the gateway\'s credentials; check GATEWAY_SECRET is the same everywhere.', {
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
  /** One id per request (the client's x-request-id or a new uuid), sent to every subgraph call. */
  requestId?: string;
}

export interface GatewayOptions {
  /** GraphQL URL of each subgraph, by name. */
  subgraphUrls: Record<string, string>;
  userTokenSecret: string;
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
}

export interface RunningGateway {
  httpServer: http.Server;
  listen(port: number, host?: string): Promise<string>;
  stop(): Promise<void>;
}

/** Reads the caller from `Authorization: Bearer <jwt>`; no header means the anonymous public reader. */
function callerFromRequest(authorization: string | undefined, secret: string): Caller {
  if (!authorization) return ANONYMOUS_CALLER;
  const match = /^Bearer\s+(\S+)$/i.exec(authorization);
  if (!match) {
    throw new GraphQLError('The Authorization header must be "Bearer <token>"; get a token with npm run token -- <role>.', {
      extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
    });
  }
  try {
    return verifyUserToken(match[1]!, secret);
  } catch (error) {
    if (error instanceof AuthenticationError) {
      throw new GraphQLError(`Your token was refused: ${error.message}`, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
    }
    throw error;
  }
}

function persistedOperationsSetup(setting: GatewayOptions['persistedOperations']): {
  persistedQueries: ApolloServerOptionsPersistedQueries;
  plugins: ApolloServerPlugin[];
} {
  if (!setting || setting.mode === 'apq') {
    // Apollo Server's automatic persisted queries, in its bounded in-memory cache.
    return { persistedQueries: {}, plugins: [] };
  }
  const manifest = setting.manifest ? checkManifest(setting.manifest) : setting.manifestFile ? loadManifest(setting.manifestFile) : undefined;
  if (!manifest) throw new Error('PERSISTED_OPERATIONS=safelist needs a manifest; set PERSISTED_OPERATIONS_MANIFEST to its file.');
  return { persistedQueries: { cache: manifestCache(manifest) }, plugins: [safelistPlugin(manifest)] };
}

type ApolloServerOptionsPersistedQueries = NonNullable<Extract<ApolloServerOptions<GatewayContext>, { gateway: unknown }>['persistedQueries']>;

export async function createGateway(options: GatewayOptions): Promise<RunningGateway> {
  const logger = options.logger ?? pino({ level: 'silent' });
  const supergraphSdl = options.supergraphSdl ?? fs.readFileSync(SUPERGRAPH_FILE, 'utf8');
  const metrics = createGatewayMetrics(logger);
  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService({ name, url }) {
      const overridden = options.subgraphUrls[name] ?? url;
      return new SubgraphDataSource(name, metrics, {
        url: overridden,
        // The gateway's credentials, carrying the verified caller; subgraphs accept nothing else.
        willSendRequest({ request, context }) {
          request.http?.headers.set(GATEWAY_ASSERTION_HEADER, signGatewayAssertion(options.gatewaySecret, context.caller ?? ANONYMOUS_CALLER));
          if (context.requestId) request.http?.headers.set(REQUEST_ID_HEADER, context.requestId);
        },
      });
    },
  });
  const limits: QueryLimits = { ...defaultLimits(options.developmentTools), ...options.limits };
  const armor = armorProtection(limits);
  const persisted = persistedOperationsSetup(options.persistedOperations);
  const app = express();
  app.disable('x-powered-by');
  const httpServer = http.createServer(app);
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    introspection: options.developmentTools,
    includeStacktraceInErrorResponses: false,
    // One operation per request: a batch would multiply every limit below by its length.
    allowBatchedHttpRequests: false,
    validationRules: armor.validationRules,
    parseOptions: armor.parseOptions,
    persistedQueries: persisted.persistedQueries,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: options.shutdownGraceMilliseconds ?? 10_000 }),
      ApolloServerPluginLandingPageDisabled(),
      ...armor.plugins,
      ...persisted.plugins,
      metrics.plugin,
      signInPlugin,
    ],
    formatError(formatted) {
      // No stack traces, and no subgraph responses (they name internal addresses).
      const { stacktrace: _stacktrace, response: _response, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
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
    response
      .status(ready ? 200 : 503)
      .json({ status: stopping ? 'stopping' : ready ? 'ready' : 'degraded', subgraphs: Object.fromEntries(checks) });
  });
  // Prometheus metrics (observability.ts); not rate limited, like /health.
  app.get('/metrics', async (_request, response) => {
    response.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  if (options.developmentTools) app.use(explorerRouter('/graphql'));
  // CSV exports run their operation through this same gateway as the caller: same permissions, same limits.
  app.use('/exports', callerRateLimit(limits.rateLimit, options.userTokenSecret));
  app.use(exportsRouter(apollo, (authorization) => callerFromRequest(authorization, options.userTokenSecret)));
  app.use(
    '/graphql',
    callerRateLimit(limits.rateLimit, options.userTokenSecret),
    express.json({ limit: limits.requestSize }),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => ({ caller: callerFromRequest(req.headers.authorization, options.userTokenSecret), requestId: res.locals.requestId as string }),
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
      if (httpServer.listening) await new Promise<void>((resolve) => httpServer.close(() => resolve()));
    },
  };
}
