import pino from 'pino';
import { loadConfig } from '@safeguarding/config';
import { presentSubgraphs } from './compose';
import { createGateway } from './gateway';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = pino({ level: config.logLevel, base: { service: 'gateway' } });
  const subgraphUrls = Object.fromEntries(
    presentSubgraphs().map(({ name }) => [name, process.env[`${name.toUpperCase()}_URL`] ?? `http://${config.subgraphHost}:${config.subgraphPorts[name]}/graphql`]),
  );
  const gateway = await createGateway({
    subgraphUrls,
    userTokenSecret: config.secrets.userToken,
    gatewaySecret: config.secrets.gateway,
    developmentTools: config.developmentTools,
    logger,
  });
  const url = await gateway.listen(config.gateway.port, config.gateway.host);
  logger.info({ url }, 'gateway ready');
  const shutdown = () => gateway.stop().then(() => process.exit(0), () => process.exit(1));
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
