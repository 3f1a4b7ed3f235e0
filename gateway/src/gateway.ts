import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
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
import { SUPERGRAPH_FILE } from './compose';
import { explorerRouter } from './explorer';

/**
 * A subgraph refuses bad input in a variable or literal (an impossible Date, say) before any
 * resolver runs, answering 400. The gateway passes such refusals on as BAD_USER_INPUT with the
 * subgraph's message, instead of a generic failure that names internal URLs.
 */
class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
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
        extensions: { code: 'INTERNAL_SERVER_ERROR' },
      });
    }
    return new GraphQLError(`A part of the platform answered ${response.status}; try again shortly.`, { extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  }
}

export interface GatewayContext {
  caller: Caller;
}

export interface GatewayOptions {
  /** GraphQL URL of each subgraph, by name. */
  subgraphUrls: Record<string, string>;
  userTokenSecret: string;
  gatewaySecret: string;
  developmentTools: boolean;
  supergraphSdl?: string;
  logger?: pino.Logger;
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

export async function createGateway(options: GatewayOptions): Promise<RunningGateway> {
  const logger = options.logger ?? pino({ level: 'silent' });
  const supergraphSdl = options.supergraphSdl ?? fs.readFileSync(SUPERGRAPH_FILE, 'utf8');
  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService({ name, url }) {
      const overridden = options.subgraphUrls[name] ?? url;
      return new SubgraphDataSource({
        url: overridden,
        // The gateway's credentials, carrying the verified caller; subgraphs accept nothing else.
        willSendRequest({ request, context }) {
          request.http?.headers.set(GATEWAY_ASSERTION_HEADER, signGatewayAssertion(options.gatewaySecret, context.caller ?? ANONYMOUS_CALLER));
        },
      });
    },
  });
  const app = express();
  app.disable('x-powered-by');
  const httpServer = http.createServer(app);
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    introspection: options.developmentTools,
    includeStacktraceInErrorResponses: false,
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: 10_000 }), ApolloServerPluginLandingPageDisabled()],
    formatError(formatted) {
      // No stack traces, and no subgraph responses (they name internal addresses).
      const { stacktrace: _stacktrace, response: _response, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    },
  });
  await apollo.start();

  app.get('/health', (_request, response) => {
    response.json({ status: 'ok', service: 'gateway' });
  });
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
    const ready = checks.every(([, state]) => state === 'ready');
    response.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'degraded', subgraphs: Object.fromEntries(checks) });
  });
  if (options.developmentTools) app.use(explorerRouter('/graphql'));
  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, {
      context: async ({ req }) => ({ caller: callerFromRequest(req.headers.authorization, options.userTokenSecret) }),
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
          logger.info({ port: address.port }, 'gateway listening');
          resolve(`http://${host === '0.0.0.0' ? 'localhost' : host}:${address.port}/graphql`);
        });
      });
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      await apollo.stop();
      if (httpServer.listening) await new Promise<void>((resolve) => httpServer.close(() => resolve()));
    },
  };
}
