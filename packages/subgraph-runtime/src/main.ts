import pino from 'pino';
import { loadConfig, type SubgraphName } from '@safeguarding/config';
import { openSubgraphDatabaseWithRoles } from '@safeguarding/database';
import { currentTracing, traceLogFields } from '@safeguarding/tracing';
import { createSubgraphServer, type SubgraphModule } from './server';

/**
 * A subgraph process: validated config, migrations, seed data when empty, then listen.
 * The launcher (`npm start`) sets DATABASE_URL to the embedded server; docker-compose to its own.
 */
export async function runSubgraph<Loaders>(module: SubgraphModule<Loaders>): Promise<void> {
  const config = loadConfig();
  const logger = pino({ level: config.logLevel, base: { subgraph: module.name }, mixin: traceLogFields });
  if (!config.databaseUrl) {
    throw new Error(`The ${module.name} subgraph needs DATABASE_URL; start the whole platform with "npm start", which provides one.`);
  }
  // On a real server: roles set up, migrations and seed as the schema's owner, requests as its runtime role.
  const { dataSource } = await openSubgraphDatabaseWithRoles({
    url: config.databaseUrl,
    schema: module.databaseSchema,
    entities: module.entities,
    migrations: module.migrations,
    poolSize: config.databasePoolSize,
    applicationName: `subgraph-${module.name}`,
    logger,
    // Seeded under the same start-up lock as the migrations: replicas started together seed once.
    seed: config.seedOnStart ? (owner) => module.seed(owner) : undefined,
  });
  // `main.js migrate`: the deployment's migrate step (a Kubernetes init container) stops here.
  if (process.argv.includes('migrate')) {
    await dataSource.destroy();
    logger.info(`${module.name} database migrated${config.seedOnStart ? ' and seeded' : ''}; exiting (migrate step)`);
    await currentTracing()?.shutdown();
    process.exit(0);
  }
  const server = await createSubgraphServer(module, {
    dataSource,
    gatewaySecret: config.secrets.gateway,
    developmentTools: config.developmentTools,
    logger,
    shutdownGraceMilliseconds: config.shutdownGraceMilliseconds,
    requestSizeLimit: config.limits.requestSize,
  });
  const url = await server.listen(config.subgraphPorts[module.name as SubgraphName], config.subgraphHost);
  logger.info({ url }, `${module.name} subgraph ready`);
  const shutdown = (signal: string) => {
    logger.info({ signal }, 'shutting down: draining requests');
    // stop() is bounded by the grace period; this backstop covers a pool that will not close.
    setTimeout(() => {
      logger.error('shutdown did not finish in time; exiting');
      process.exit(1);
    }, config.shutdownGraceMilliseconds + 5000).unref();
    server
      .stop()
      .then(() => currentTracing()?.shutdown())
      .then(
        () => process.exit(0),
        (error) => {
          logger.error({ err: error }, 'shutdown failed');
          process.exit(1);
        },
      );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}
