import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { NODE_PROCESS_FLAGS, REPOSITORY_ROOT } from '@safeguarding/config';
import { BENCH_ROOT } from './common';
import { databaseUrl, PRODUCTION_ENVIRONMENT, subgraphs, ports, subgraphUrl } from './settings';

/** Child processes (subgraphs, both gateways, the load worker): started, awaited until ready, every one stopped on the way out. */

export const children = new Set<ChildProcess>();

export function startChild(name: string, script: string, env: Record<string, string>): ChildProcess {
  // The same flags as npm start and the Dockerfile: the bench measures the processes as they run.
  const child = spawn(process.execPath, [...NODE_PROCESS_FLAGS, script], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
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
  apollo: ChildProcess;
  hive: ChildProcess;
}

export async function startFederation(): Promise<Federation> {
  const env: Record<string, string> = {
    ...PRODUCTION_ENVIRONMENT,
    DATABASE_URL: databaseUrl,
    SEED_ON_START: 'false',
    LOG_LEVEL: 'warn',
    GATEWAY_PORT: String(ports.apollo),
    HIVE_PORT: String(ports.hive),
    // The bench is one caller sending thousands of requests a second: lift the per-caller rate limit.
    RATE_LIMIT_MAX_REQUESTS: '1000000000',
    ...Object.fromEntries(subgraphs.map((s) => [`${s.name.toUpperCase()}_PORT`, String(ports.subgraph[s.name])])),
  };
  for (const { name } of subgraphs) startChild(name, path.join(REPOSITORY_ROOT, 'services', name, 'dist', 'main.js'), env);
  await Promise.all(subgraphs.map(({ name }) => waitFor(subgraphUrl(name).replace(/\/graphql$/, '/ready'), `subgraph ${name}`)));
  const apollo = startChild('Apollo gateway', path.join(REPOSITORY_ROOT, 'gateway', 'dist', 'main.js'), env);
  const hive = startChild('Hive gateway', path.join(BENCH_ROOT, 'dist', 'hive-gateway.js'), env);
  await waitFor(`http://127.0.0.1:${ports.apollo}/ready`, 'Apollo gateway');
  // Listening is enough here: the same-answer check retries until Hive has built its schema.
  await waitFor(`http://127.0.0.1:${ports.hive}/healthcheck`, 'Hive gateway', 90, true);
  return { apollo, hive };
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
