import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { NODE_PROCESS_FLAGS, REPOSITORY_ROOT } from '@safeguarding/config';
import { BENCH_ROOT } from './common';
import {
  BENCH_CACHE_NAMESPACE,
  BENCH_REDIS_URL,
  databaseUrl,
  type GatewayMode,
  type Mode,
  isGatewayMode,
  PRODUCTION_ENVIRONMENT,
  subgraphs,
  ports,
  subgraphUrl,
} from './settings';

/** Child processes (subgraphs, both gateways, the load worker): started, awaited until ready, every one stopped on the way out. */

export const children = new Set<ChildProcess>();

/** `env` is laid over the bench's own environment; a variable set to undefined is removed. */
export function startChild(name: string, script: string, env: Record<string, string | undefined>): ChildProcess {
  const childEnv: Record<string, string | undefined> = { ...process.env, ...env };
  for (const key of Object.keys(childEnv)) if (childEnv[key] === undefined) delete childEnv[key];
  // The same flags as npm start and the Dockerfile: the bench measures the processes as they run.
  const child = spawn(process.execPath, [...NODE_PROCESS_FLAGS, script], { env: childEnv, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  child.once('exit', (code, signal) => {
    children.delete(child);
    if (code && code !== 0 && !stopping) console.error(`${name} exited with ${code ?? signal}:\n${stderr}`);
  });
  children.add(child);
  return child;
}

let stopping = false;

/** Stops every child for good: their exits are expected from here on, so none is reported as a failure. */
export function stopEveryChild(): Promise<void> {
  stopping = true;
  return stopChildren();
}

export async function stopChildren(): Promise<void> {
  const running = [...children];
  await Promise.all(
    running.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          const timer = setTimeout(() => child.kill('SIGKILL'), 8000);
          child.once('exit', () => {
            clearTimeout(timer);
            resolve();
          });
          child.kill('SIGTERM');
        }),
    ),
  );
}

process.on('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    stopping = true;
    console.error(`\n${signal}: stopping every process the bench started`);
    void stopChildren().finally(() => process.exit(130));
  });
}

export async function waitFor(url: string, what: string, seconds = 90, anyAnswer = false): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (response.ok || (anyAnswer && response.status < 500)) return;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`${what} did not become ready at ${url} within ${seconds} s`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

export interface Federation {
  /** The gateway process of each gateway path started (Apollo's always: it is the reference answer). */
  gateways: Partial<Record<GatewayMode, ChildProcess>>;
  /** Each subgraph's process, by name. */
  subgraphs: Record<string, ChildProcess>;
}

/**
 * Each gateway path's process: its script and what its environment adds to the common one. The
 * Apollo paths differ only by the whole-answer response cache (RESPONSE_CACHE_TTL_SECONDS: 0 is
 * off; REDIS_URL: the shared store, unset is in memory); the Hive paths only by the planner.
 */
/** The platform's gateway on its own port, with the response cache as `env` sets it. */
function apolloGateway(mode: GatewayMode, name: string, env: Record<string, string | undefined>) {
  const port = ports[mode as keyof typeof ports] as number;
  return {
    name,
    script: path.join(REPOSITORY_ROOT, 'gateway', 'dist', 'main.js'),
    env: { GATEWAY_PORT: String(port), ...env },
    ready: `http://127.0.0.1:${port}/ready`,
    anyAnswer: false,
  };
}

const CACHED = { RESPONSE_CACHE_TTL_SECONDS: '300', RESPONSE_CACHE_NAMESPACE: BENCH_CACHE_NAMESPACE };

const GATEWAY_PROCESSES: Record<GatewayMode, { name: string; script: string; env: Record<string, string | undefined>; ready: string; anyAnswer: boolean }> = {
  apollo: apolloGateway('apollo', 'Apollo gateway', { RESPONSE_CACHE_TTL_SECONDS: '0' }),
  // Its own store: no REDIS_URL, whatever the bench was started with.
  'apollo-cached': apolloGateway('apollo-cached', 'Apollo gateway (cached in memory)', { ...CACHED, REDIS_URL: undefined }),
  'apollo-cached-redis': apolloGateway('apollo-cached-redis', 'Apollo gateway (cached in Redis)', { ...CACHED, REDIS_URL: BENCH_REDIS_URL }),
  // Listening is enough for the Hive gateways: the same-answer check retries until they have built their schema.
  hive: {
    name: 'Hive gateway',
    script: path.join(BENCH_ROOT, 'dist', 'hive-gateway.js'),
    env: { HIVE_PORT: String(ports.hive), HIVE_PLANNER: 'stitching' },
    ready: `http://127.0.0.1:${ports.hive}/healthcheck`,
    anyAnswer: true,
  },
  'hive-router': {
    name: 'Hive gateway (Rust planner)',
    script: path.join(BENCH_ROOT, 'dist', 'hive-gateway.js'),
    env: { HIVE_PORT: String(ports['hive-router']), HIVE_PLANNER: 'rust' },
    ready: `http://127.0.0.1:${ports['hive-router']}/healthcheck`,
    anyAnswer: true,
  },
};

/** Starts every subgraph, then Apollo's gateway (the reference answer) and the gateway of each gateway path in `modes`. */
export async function startFederation(modes: Mode[]): Promise<Federation> {
  const env: Record<string, string> = {
    ...PRODUCTION_ENVIRONMENT,
    DATABASE_URL: databaseUrl,
    SEED_ON_START: 'false',
    LOG_LEVEL: 'warn',
    // The bench is one caller sending thousands of requests a second: lift the per-caller rate limit.
    RATE_LIMIT_MAX_REQUESTS: '1000000000',
    ...Object.fromEntries(subgraphs.map((s) => [`${s.name.toUpperCase()}_PORT`, String(ports.subgraph[s.name])])),
  };
  const started: Record<string, ChildProcess> = {};
  for (const { name } of subgraphs) started[name] = startChild(name, path.join(REPOSITORY_ROOT, 'services', name, 'dist', 'main.js'), env);
  await Promise.all(subgraphs.map(({ name }) => waitFor(subgraphUrl(name).replace(/\/graphql$/, '/ready'), `subgraph ${name}`)));
  const wanted = [...new Set<GatewayMode>(['apollo', ...modes.filter(isGatewayMode)])];
  const gateways: Partial<Record<GatewayMode, ChildProcess>> = {};
  for (const mode of wanted) {
    const spec = GATEWAY_PROCESSES[mode];
    gateways[mode] = startChild(spec.name, spec.script, { ...env, ...spec.env });
  }
  await Promise.all(wanted.map((mode) => waitFor(GATEWAY_PROCESSES[mode].ready, GATEWAY_PROCESSES[mode].name, 90, GATEWAY_PROCESSES[mode].anyAnswer)));
  return { gateways, subgraphs: started };
}

export function memoryOf(pid: number | undefined): { rssMb: number; peakMb: number } | null {
  if (!pid) return null;
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? 0);
    return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
  } catch {
    return null;
  }
}
