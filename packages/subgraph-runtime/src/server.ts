import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import express from 'express';
import { type DocumentNode, GraphQLError, visit } from 'graphql';
import { applyMiddleware } from 'graphql-middleware';
import type { IRules } from 'graphql-shield';
import pino from 'pino';
import type { DataSource, MigrationInterface } from 'typeorm';
import { AuthenticationError, type Caller, GATEWAY_ASSERTION_HEADER, verifyGatewayAssertion } from '@safeguarding/auth';
import { partnershipScope, statementCounter } from '@safeguarding/database';
import { hasPartnershipEntity, readSchemaFolder, servedTypeDefs } from '@safeguarding/federation-contract';
import { createAuditMiddleware } from './audit-trail';
import type { SubgraphContext } from './context';
import { createErrorFormatter, unauthenticated } from './errors';
import { auditTrailRules, createPermissions } from './permissions';
import { createSubgraphMetrics, REQUEST_ID_HEADER, requestIdFrom } from './observability';
import { servedResolvers } from './served-resolvers';

/** The partnerships a verified caller belongs to (member, partnership-admin): its row-level security scope. */
export function partnershipsOf(caller: Caller): string[] {
  return [...new Set(caller.grants.map((grant) => grant.partnershipSlug).filter((slug): slug is string => slug !== null))];
}

/** Everything a subgraph declares; `createSubgraphServer` turns it into a running server. */
export interface SubgraphModule<Loaders> {
  name: string;
  /** The subgraph's PostgreSQL schema. */
  databaseSchema: string;
  typeDefs: DocumentNode;
  resolvers: GraphQLResolverMap<SubgraphContext<Loaders>>;
  permissions: IRules;
  /** The entity classes. */
  entities: (abstract new (...args: never[]) => object)[];
  /** The migration classes, oldest first. */
  migrations: (new () => MigrationInterface)[];
  /** Fresh DataLoaders for one request. */
  createLoaders(dataSource: DataSource): Loaders;
  /** Loads the seed data into an empty database; does nothing when data is there. */
  seed(dataSource: DataSource): Promise<void>;
}

/** Reads a subgraph's schema/ folder (the SDL is the source of truth; one file per area). */
export function loadTypeDefs(schemaFolder: string): DocumentNode {
  return readSchemaFolder(schemaFolder);
}

export interface SubgraphServerOptions {
  dataSource: DataSource;
  gatewaySecret: string;
  developmentTools: boolean;
  logger?: pino.Logger;
  /** Longest time `stop()` waits for in-flight requests before closing connections. */
  shutdownGraceMilliseconds?: number;
  /** Largest request body accepted, e.g. "1mb" (default). */
  requestSizeLimit?: string;
}

export interface RunningSubgraph {
  httpServer: http.Server;
  /** Starts listening; returns the GraphQL URL. */
  listen(port: number, host?: string): Promise<string>;
  /** Drains in-flight requests, then closes the server and the database pool. */
  stop(): Promise<void>;
}

/**
 * Socket timeouts towards the gateway. Node's default keep-alive timeout (5 s) closed idle sockets
 * while the gateway's agent still held them as reusable, so a call sent at that moment failed
 * with a reset between two healthy processes. Idle sockets now live longer than the gateway keeps
 * them (subgraph-calls.ts: at most this hint less 2 s, and 10 s), and the headers timeout exceeds
 * the keep-alive timeout, as Node requires for the keep-alive timeout to hold.
 */
export const SUBGRAPH_HTTP_TIMEOUTS = { keepAliveTimeout: 15_000, headersTimeout: 20_000, requestTimeout: 120_000 } as const;

/** Puts the request's SQL statement count in a response header, for the benchmark. */
const statementCountPlugin: ApolloServerPlugin<SubgraphContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        response.http.headers.set('x-sql-statements', String(statementCounter.current()));
      },
    };
  },
};

/** True when any string in a JSON value (variables) contains a NUL character. */
function containsNul(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (depth > 50 || value === null || typeof value !== 'object') return false;
  return Object.values(value as Record<string, unknown>).some((item) => containsNul(item, depth + 1));
}

/**
 * PostgreSQL text cannot hold the NUL character: a query with one fails deep in the driver. Refuse
 * it up front, in variables and in literals alike, for every field of every subgraph.
 */
const nulCharacterGuard: ApolloServerPlugin<SubgraphContext> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ request, document }) {
        let found = containsNul(request.variables);
        if (!found) {
          visit(document, {
            StringValue(node) {
              if (node.value.includes('\u0000')) found = true;
            },
          });
        }
        if (found) {
          throw new GraphQLError('Text in the request contains the NUL character (\\u0000), which cannot be stored; remove it and send again.', {
            extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
          });
        }
      },
    };
  },
};

export async function createSubgraphServer<Loaders>(module: SubgraphModule<Loaders>, options: SubgraphServerOptions): Promise<RunningSubgraph> {
  const logger = options.logger ?? pino({ level: 'silent' });
  // Served: the subgraph's schema/ SDL, the federation contract's shared types it uses and, with
  // the Partnership entity, the audit trail (the same servedTypeDefs compose and codegen read).
  // The audit trail (audit-trail/): a table in the subgraph's schema (the CreateAuditTrail migration
  // each subgraph lists), every Mutation field wrapped outside the shield, and its reader.
  const auditOptions = { subgraph: module.name, schema: module.databaseSchema, dataSource: options.dataSource, logger };
  const withAuditTrail = hasPartnershipEntity(module.typeDefs);
  const typeDefs = servedTypeDefs(module.name, module.typeDefs);
  const built = buildSubgraphSchema({ typeDefs, resolvers: servedResolvers(module, auditOptions) });
  const permissions = createPermissions(module.permissions, withAuditTrail ? auditTrailRules(module.name) : {});
  const audit = createAuditMiddleware(built, auditOptions);
  // The audit middleware is outermost, so refusals by the shield are recorded too.
  const schema = audit ? applyMiddleware(built, audit, permissions) : applyMiddleware(built, permissions);
  const metrics = createSubgraphMetrics(module.name, logger);
  const app = express();
  app.disable('x-powered-by');
  const httpServer = http.createServer(app);
  Object.assign(httpServer, SUBGRAPH_HTTP_TIMEOUTS);
  const apollo = new ApolloServer<SubgraphContext<Loaders>>({
    schema,
    introspection: options.developmentTools,
    includeStacktraceInErrorResponses: false,
    formatError: createErrorFormatter(logger),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: options.shutdownGraceMilliseconds ?? 10_000 }),
      // No Apollo Studio here: traces would only cost time.
      ApolloServerPluginInlineTraceDisabled(),
      // No HTTP caching of subgraph answers: computing cache hints per field cost 7% of CPU in the bench.
      ApolloServerPluginCacheControlDisabled(),
      statementCountPlugin,
      nulCharacterGuard,
      metrics.plugin,
    ],
  });
  await apollo.start();

  let stopping = false;
  // Bounded: while PostgreSQL restarts a connection attempt can hang for the pool's whole
  // connection timeout, and a readiness probe must answer promptly either way.
  const databaseIsUp = async () => {
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        options.dataSource.query('SELECT 1'),
        new Promise((_resolve, reject) => {
          timer = setTimeout(() => reject(new Error('database check timed out')), 2000);
        }),
      ]);
      return true;
    } catch {
      return false;
    } finally {
      clearTimeout(timer);
    }
  };
  app.get('/health', (_request, response) => {
    response.json({ status: 'ok', subgraph: module.name });
  });
  // Prometheus metrics: per operation count, errors and latency (observability.ts).
  app.get('/metrics', async (_request, response) => {
    response.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  // 503 while the database does not answer (the pool reconnects by itself once it does) and
  // while draining for shutdown.
  app.get('/ready', async (_request, response) => {
    const database = !stopping && (await databaseIsUp());
    const status = stopping ? 'stopping' : database ? 'ready' : 'unavailable';
    response.status(database ? 200 : 503).json({ status, subgraph: module.name, database: database ? 'up' : stopping ? 'closing' : 'down' });
  });
  app.use(
    '/graphql',
    // One request id per call, from the gateway (x-request-id), echoed back and in the logs.
    (request, response, next) => {
      const requestId = requestIdFrom(request.headers[REQUEST_ID_HEADER]);
      response.locals.requestId = requestId;
      response.setHeader(REQUEST_ID_HEADER, requestId);
      next();
    },
    express.json({ limit: options.requestSizeLimit ?? '1mb' }),
    // The caller's partnership scope goes to PostgreSQL with every connection this request uses
    // (row-level security); empty until the caller is verified below.
    (_request, _response, next) => statementCounter.run(() => partnershipScope.run({ partnerships: [] }, next)),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const assertion = req.headers[GATEWAY_ASSERTION_HEADER];
        if (typeof assertion !== 'string') {
          throw unauthenticated(`The ${module.name} subgraph answers only the gateway; send your query to the gateway instead.`);
        }
        try {
          const caller = verifyGatewayAssertion(assertion, options.gatewaySecret);
          const scope = partnershipScope.current();
          if (scope) scope.partnerships = partnershipsOf(caller);
          return {
            caller,
            loaders: module.createLoaders(options.dataSource),
            dataSource: options.dataSource,
            requestId: res.locals.requestId as string,
            auditPartnershipSlugs: new Set<string>(),
          };
        } catch (error) {
          if (error instanceof AuthenticationError) throw unauthenticated(`The gateway's credentials were refused: ${error.message}`);
          throw error;
        }
      },
    }),
  );

  let stopped = false;
  return {
    httpServer,
    listen(port, host = '127.0.0.1') {
      return new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => {
          const address = httpServer.address() as AddressInfo;
          logger.info({ subgraph: module.name, port: address.port }, 'subgraph listening');
          resolve(`http://${host}:${address.port}/graphql`);
        });
      });
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      stopping = true;
      // Drains: new connections are refused, in-flight requests finish (up to the grace period).
      await apollo.stop();
      if (httpServer.listening) await new Promise<void>((resolve) => httpServer.close(() => resolve()));
      if (options.dataSource.isInitialized) await options.dataSource.destroy();
      logger.info({ subgraph: module.name }, 'requests drained and database pool closed');
    },
  };
}
