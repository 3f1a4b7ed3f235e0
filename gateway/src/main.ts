// First: tracing patches http and pg as they load (off unless OTEL_EXPORTER_OTLP_ENDPOINT is set).
import '@safeguarding/tracing/register';
import pino from 'pino';
import { loadConfig } from '@safeguarding/config';
import { currentTracing, traceLogFields } from '@safeguarding/tracing';
import { presentSubgraphs } from './compose';
import { createGateway } from './gateway';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = pino({ level: config.logLevel, base: { service: 'gateway' }, mixin: traceLogFields });
  const subgraphUrls = Object.fromEntries(
    presentSubgraphs().map(({ name }) => [
      name,
      process.env[`${name.toUpperCase()}_URL`] ?? `http://${config.subgraphHost}:${config.subgraphPorts[name]}/graphql`,
    ]),
  );
  const gateway = await createGateway({
    subgraphUrls,
    // Development tokens in production only when USER_TOKEN_SECRET is set on purpose (packages/config).
    userTokenSecret: config.signIn.developmentTokens ? config.secrets.userToken : undefined,
    oidcIssuers: config.signIn.oidcIssuers,
    gatewaySecret: config.secrets.gateway,
    developmentTools: config.developmentTools,
    logger,
    limits: config.limits,
    persistedOperations: { mode: config.persistedOperations.mode, manifestFile: config.persistedOperations.manifestFile },
    shutdownGraceMilliseconds: config.shutdownGraceMilliseconds,
    redisUrl: config.redisUrl,
    subgraphCalls: config.subgraphCalls,
    crossOrigin: config.crossOrigin,
    httpCaching: config.httpCaching,
    responseCache: config.responseCache,
  });
  const url = await gateway.listen(config.gateway.port, config.gateway.host);
  logger.info({ url }, 'gateway ready');
  const shutdown = (signal: string) => {
    logger.info({ signal }, 'shutting down: draining requests');
    // The drain is bounded by the grace period; this backstop covers anything that still hangs.
    setTimeout(() => {
      logger.error('shutdown did not finish in time; exiting');
      process.exit(1);
    }, config.shutdownGraceMilliseconds + 5000).unref();
    gateway
      .stop()
      .then(() => currentTracing()?.shutdown())
      .then(
        () => {
          logger.info('stopped');
          process.exit(0);
        },
        (error) => {
          logger.error({ err: error }, 'shutdown failed');
          process.exit(1);
        },
      );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
