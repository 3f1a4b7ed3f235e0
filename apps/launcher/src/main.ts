/**
 * `npm start`: the whole federation on one machine. Starts the embedded PostgreSQL (unless
 * DATABASE_URL names a server), then every subgraph as its own process (each migrates its schema
 * and loads the seed data when empty), then the gateway, and prints the gateway URL.
 *
 * Every process is supervised (supervisor.ts): one that exits is started again with backoff, and
 * one that keeps failing as it starts is given up on while the rest serve. Ctrl+C stops them all.
 */
import path from 'node:path';
import { loadConfig, NODE_PROCESS_FLAGS, REPOSITORY_ROOT } from '@safeguarding/config';
import { type EmbeddedPostgres, startEmbeddedPostgres } from '@safeguarding/database';
import { presentSubgraphs } from '@safeguarding/gateway';
import { SupervisedProcess } from './supervisor';

const supervised: SupervisedProcess[] = [];
// Each process drains for its grace period and exits by itself 5 s after at the latest; SIGKILL is the last resort.
let killAfterMilliseconds = 15_000;
let embedded: EmbeddedPostgres | undefined;

let shuttingDown = false;

function supervise(name: string, script: string, environment: NodeJS.ProcessEnv, readyUrl: string): SupervisedProcess {
  // Ctrl+C while starting: start nothing more (shutdown() stops what is already supervised).
  if (shuttingDown) throw new Error('Stopped while starting.');
  const supervisedProcess = new SupervisedProcess(
    name,
    { executable: process.execPath, args: [...NODE_PROCESS_FLAGS, script], environment },
    readyUrl,
    (message) => console.error(message),
  );
  supervised.push(supervisedProcess);
  supervisedProcess.start();
  return supervisedProcess;
}

async function shutdown(exitCode: number): Promise<void> {
  if (shuttingDown) return;
  shuttingDown = true;
  await Promise.all(supervised.map((process_) => process_.stop(killAfterMilliseconds)));
  await embedded?.stop();
  process.exit(exitCode);
}

async function main(): Promise<void> {
  const config = loadConfig();
  killAfterMilliseconds = config.shutdownGraceMilliseconds + 10_000;
  const subgraphs = presentSubgraphs();
  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    // One embedded server for all subgraphs: PGlite is a single session, so each gets a pool of 1
    // (and one more connection while it holds its start-up lock).
    embedded = await startEmbeddedPostgres({
      dataDirectory: config.embedded.dataDirectory,
      port: config.embedded.port,
      maxConnections: subgraphs.length + 4,
    });
    databaseUrl = embedded.url;
    console.log(`Embedded PostgreSQL on ${embedded.url} (data in ${path.relative(process.cwd(), config.embedded.dataDirectory) || '.'})`);
  } else {
    console.log(`Using the PostgreSQL server in DATABASE_URL`);
  }
  const environment = { ...process.env, DATABASE_URL: databaseUrl, DATABASE_POOL_SIZE: String(config.databasePoolSize) };
  // Started one after another: each migrates and seeds its own schema before the next begins.
  for (const { name } of subgraphs) {
    const readyUrl = `http://${config.subgraphHost}:${config.subgraphPorts[name]}/ready`;
    const subgraph = supervise(name, path.join(REPOSITORY_ROOT, 'services', name, 'dist', 'main.js'), environment, readyUrl);
    // Waits until it serves, or is given up on (then the others start anyway and serve without it).
    if (await subgraph.whenReady()) {
      console.log(`  ${name} subgraph ready on port ${config.subgraphPorts[name]} (pid ${subgraph.child?.pid})`);
    }
  }
  const host = config.gateway.host === '0.0.0.0' ? 'localhost' : config.gateway.host;
  const healthUrl = `http://${host}:${config.gateway.port}/health`;
  const gateway = supervise('the gateway', path.join(REPOSITORY_ROOT, 'gateway', 'dist', 'main.js'), environment, healthUrl);
  if (!(await gateway.whenReady())) throw new Error('The gateway could not start; see its messages above.');
  console.log(`\nGateway ready: http://localhost:${config.gateway.port}/graphql`);
  if (config.developmentTools) console.log(`Explorer:      http://localhost:${config.gateway.port}/explorer`);
  console.log('Stop with Ctrl+C.');
}

process.once('SIGINT', () => void shutdown(0));
process.once('SIGTERM', () => void shutdown(0));
main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  void shutdown(1);
});
