import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import express from 'express';
import { type DocumentNode, parse } from 'graphql';
import { applyMiddleware } from 'graphql-middleware';
import type { IRules } from 'graphql-shield';
import pino from 'pino';
import type { DataSource } from 'typeorm';
import { AuthenticationError, GATEWAY_ASSERTION_HEADER, verifyGatewayAssertion } from '@safeguarding/auth';
import { statementCounter } from '@safeguarding/database';
import type { SubgraphContext } from './context';
import { createErrorFormatter, unauthenticated } from './errors';
import { createPermissions } from './permissions';

/** Everything a subgraph declares; `createSubgraphServer` turns it into a running server. */
export interface SubgraphModule<Loaders> {
  name: string;
  /** The subgraph's PostgreSQL schema. */
  databaseSchema: string;
  typeDefs: DocumentNode;
  resolvers: GraphQLResolverMap<SubgraphContext<Loaders>>;
  permissions: IRules;
  entities: Function[];
  migrations: Function[];
  /** Fresh DataLoaders for one request. */
  createLoaders(dataSource: DataSource): Loaders;
  /** Loads the seed data into an empty database; does nothing when data is there. */
  seed(dataSource: DataSource): Promise<void>;
}

/** Reads a subgraph's schema.graphql (the SDL is the source of truth). */
export function loadTypeDefs(schemaFile: string): DocumentNode {
  return parse(fs.readFileSync(schemaFile, 'utf8'));
}

export interface SubgraphServerOptions {
  dataSource: DataSource;
  gatewaySecret: string;
  developmentTools: boolean;
  logger?: pino.Logger;
  /** Longest time `stop()` waits for in-flight requests before closing connections. */
  shutdownGraceMilliseconds?: number;
}

export interface RunningSubgraph {
  httpServer: http.Server;
  /** Starts listening; returns the GraphQL URL. */
  listen(port: number, host?: string): Promise<string>;
  /** Drains in-flight requests, then closes the server and the database pool. */
  stop(): Promise<void>;
}

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

export async function createSubgraphServer<Loaders>(
  module: SubgraphModule<Loaders>,
  options: SubgraphServerOptions,
): Promise<RunningSubgraph> {
  const logger = options.logger ?? pino({ level: 'silent' });
  const schema = applyMiddleware(
    buildSubgraphSchema({ typeDefs: module.typeDefs, resolvers: module.resolvers as GraphQLResolverMap<unknown> }),
    createPermissions(module.permissions),
  );
  const app = express();
  app.disable('x-powered-by');
  const httpServer = http.createServer(app);
  const apollo = new ApolloServer<SubgraphContext<Loaders>>({
    schema,
    introspection: options.developmentTools,
    includeStacktraceInErrorResponses: false,
    formatError: createErrorFormatter(logger),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: options.shutdownGraceMilliseconds ?? 10_000 }),
      // No Apollo Studio here: traces would only cost time.
      ApolloServerPluginInlineTraceDisabled(),
      statementCountPlugin,
    ],
  });
  await apollo.start();

  const databaseIsUp = async () => {
    try {
      await options.dataSource.query('SELECT 1');
      return true;
    } catch {
      return false;
    }
  };
  app.get('/health', (_request, response) => {
    response.json({ status: 'ok', subgraph: module.name });
  });
  app.get('/ready', async (_request, response) => {
    const database = await databaseIsUp();
    response.status(database ? 200 : 503).json({ status: database ? 'ready' : 'unavailable', subgraph: module.name, database: database ? 'up' : 'down' });
  });
  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    (_request, _response, next) => statementCounter.run(next),
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        const assertion = req.headers[GATEWAY_ASSERTION_HEADER];
        if (typeof assertion !== 'string') {
          throw unauthenticated(`The ${module.name} subgraph answers only the gateway; send your query to the gateway instead.`);
        }
        try {
          const caller = verifyGatewayAssertion(assertion, options.gatewaySecret);
          return { caller, loaders: module.createLoaders(options.dataSource), dataSource: options.dataSource };
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
      await apollo.stop();
      if (httpServer.listening) await new Promise<void>((resolve) => httpServer.close(() => resolve()));
      if (options.dataSource.isInitialized) await options.dataSource.destroy();
    },
  };
}
