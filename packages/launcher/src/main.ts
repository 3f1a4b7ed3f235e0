/**
 * `npm start`: the whole federation on one machine. Starts the embedded PostgreSQL (unless
 * DATABASE_URL names a server), then every subgraph as its own process (each migrates its schema
 * and loads the seed data when empty), then the gateway, and prints the gateway URL.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { loadConfig, NODE_PROCESS_FLAGS, REPOSITORY_ROOT } from '@safeguarding/config';
import { type EmbeddedPostgres, startEmbeddedPostgres } from '@safeguarding/database';
import { presentSubgraphs } from '@safeguarding/gateway';

const children: ChildProcess[] = [];
// Each process drains for its grace period and exits by itself 5 s after at the latest; SIGKILL is the last resort.
let killAfterMilliseconds = 15_000;
let embedded: EmbeddedPostgres | undefined;

async function waitUntilReady(name: string, url: string, child: ChildProcess, timeoutMilliseconds = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMilliseconds;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited with code ${child.exitCode} while starting; see its messages above.`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(1000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${name} did not become ready within ${timeoutMilliseconds / 1000} s (${url}).`);
}

function startProcess(name: string, script: string, environment: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(process.execPath, [...NODE_PROCESS_FLAGS, script], { env: environment, stdio: ['ignore', 'inherit', 'inherit'] });
  child.on('exit', (code, signal) => {
    if (!shuttingDown) {
      console.error(`${name} stopped unexpectedly (${signal ?? `exit code ${code}`}); stopping the platform.`);
      void shutdown(1);
    }
  });
  children.push(child);
  return child;
}

let shuttingDown = false;
async function shutdown(exitCode: number): Promise<void> {
  if (shuttingDown) return;
  shuttingDown = true;
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          const timer = setTimeout(() => child.kill('SIGKILL'), killAfterMilliseconds);
          child.once('exit', () => {
            clearTimeout(timer);
            resolve();
          });
          child.kill('SIGTERM');
        }),
    ),
  );
  await embedded?.stop();
  process.exit(exitCode);
}

async function main(): Promise<void> {
  const config = loadConfig();
  killAfterMilliseconds = config.shutdownGraceMilliseconds + 10_000;
  const subgraphs = presentSubgraphs();
  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    // One embedded server for all subgraphs: PGlite is a single session, so each gets a pool of 1.
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
    const child = startProcess(name, path.join(REPOSITORY_ROOT, 'services', name, 'dist', 'main.js'), environment);
    await waitUntilReady(`the ${name} subgraph`, `http://${config.subgraphHost}:${config.subgraphPorts[name]}/ready`, child);
    console.log(`  ${name} subgraph ready on port ${config.subgraphPorts[name]}`);
  }
  const gateway = startProcess('the gateway', path.join(REPOSITORY_ROOT, 'gateway', 'dist', 'main.js'), environment);
  const host = config.gateway.host === '0.0.0.0' ? 'localhost' : config.gateway.host;
  await waitUntilReady('the gateway', `http://${host}:${config.gateway.port}/health`, gateway);
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
