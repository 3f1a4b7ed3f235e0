import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import autocannon from 'autocannon';
import { Pool } from 'pg';
import { cpuTicks, waitUntilIdle } from './cpu';

/**
 * The load generator, in its own process (forked by run.ts, spec over IPC) so it does not share
 * a CPU event loop with anything it measures. HTTP: autocannon at fixed concurrency for a fixed
 * time, after a warm-up. SQL: the same number of concurrent pg connections running the statement
 * in a loop for the same time.
 */
export interface LoadSpec {
  kind: 'http' | 'sql';
  connections: number;
  durationSeconds: number;
  warmupSeconds: number;
  /** http */
  url?: string;
  headers?: Record<string, string>;
  body?: string;
  /** sql */
  databaseUrl?: string;
  sql?: { text: string; values: unknown[] };
  /** Count the `x-response-cache` header of every measured answer (the cached Apollo paths). */
  countCacheHeader?: boolean;
  /** Read the CPU time of these processes (label to pid) just before and after the measured period. */
  cpuOf?: Record<string, number>;
  /** Also of the PostgreSQL server's backends connected to this database (label `postgres`). */
  postgresDatabase?: string;
}

export interface LoadResult {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  mean: number;
  requests: number;
  errors: number;
  non2xx: number;
  /** Measured answers with `x-response-cache: hit` and `miss` (when counted). */
  cacheHits?: number;
  cacheMisses?: number;
  /** CPU milliseconds (user + system) each process spent during the measured period. */
  cpuMilliseconds?: Record<string, number>;
  /** SQL limit: the first failed statement's message, to say why. */
  firstError?: string;
}

// ---------- CPU time from /proc ----------

const CLOCK_TICKS_PER_SECOND = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** The pids of the PostgreSQL backends serving `database` ("postgres: <cluster>: <user> <database> <client> <state>"). */
function postgresBackends(database: string): number[] {
  const pids: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const command = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').replace(/\0/g, ' ');
      if (command.startsWith('postgres: ') && command.includes(` ${database} `)) pids.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return pids;
}

interface CpuSnapshot {
  processes: Record<string, number | null>;
  postgres: Map<number, number>;
}

function snapshot(spec: LoadSpec): CpuSnapshot {
  const processes = Object.fromEntries(Object.entries(spec.cpuOf ?? {}).map(([label, pid]) => [label, cpuTicks(pid)]));
  const postgres = new Map<number, number>();
  if (spec.postgresDatabase) {
    for (const pid of postgresBackends(spec.postgresDatabase)) {
      const ticks = cpuTicks(pid);
      if (ticks !== null) postgres.set(pid, ticks);
    }
  }
  return { processes, postgres };
}

/**
 * CPU milliseconds per process between two snapshots. PostgreSQL: the backends alive at the end,
 * each from its first reading (or from zero if it connected meanwhile); a backend that ended
 * during the period is missed, which the bench's pooled connections make rare.
 */
function cpuBetween(before: CpuSnapshot, after: CpuSnapshot, spec: LoadSpec): Record<string, number> {
  const milliseconds = (ticks: number) => (ticks * 1000) / CLOCK_TICKS_PER_SECOND;
  const result: Record<string, number> = {};
  for (const [label, ticks] of Object.entries(after.processes)) {
    const start = before.processes[label];
    if (ticks !== null && start !== null && start !== undefined) result[label] = milliseconds(ticks - start);
  }
  if (spec.postgresDatabase) {
    let ticks = 0;
    for (const [pid, end] of after.postgres) ticks += end - (before.postgres.get(pid) ?? 0);
    result.postgres = milliseconds(ticks);
  }
  return result;
}

/** What autocannon's client hands its 'headers' listeners (http-parser-js): the raw header list, name then value. */
interface ParsedHead {
  headers?: string[];
}

async function http(spec: LoadSpec, seconds: number, count = false): Promise<LoadResult> {
  let cacheHits = 0;
  let cacheMisses = 0;
  const result = await autocannon({
    url: spec.url!,
    method: 'POST',
    headers: spec.headers,
    body: spec.body,
    connections: spec.connections,
    duration: seconds,
    timeout: 30,
    // Reading one header of each answer as the parser hands it over: no extra parsing or copying.
    ...(count
      ? {
          setupClient(client: autocannon.Client) {
            // Typed as parsed headers, handed over as the parser's head (http-parser-js): read it as such.
            client.on('headers', (head) => {
              const raw = (head as unknown as ParsedHead).headers ?? [];
              for (let k = 0; k < raw.length; k += 2) {
                if (raw[k]!.toLowerCase() !== 'x-response-cache') continue;
                if (raw[k + 1] === 'hit') cacheHits++;
                else cacheMisses++;
              }
            });
          },
        }
      : {}),
  });
  return {
    ...(count ? { cacheHits, cacheMisses } : {}),
    requestsPerSecond: result.requests.total / (result.duration || seconds),
    p50: result.latency.p50,
    p99: result.latency.p99,
    mean: result.latency.mean,
    requests: result.requests.total,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function sql(spec: LoadSpec, pool: Pool, seconds: number): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  const deadline = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: spec.connections }, async () => {
      while (performance.now() < deadline) {
        const t0 = performance.now();
        try {
          await pool.query(spec.sql!.text, spec.sql!.values);
          latencies.push(performance.now() - t0);
        } catch (error) {
          errors++;
          firstError ??= (error as Error).message;
        }
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    requestsPerSecond: latencies.length / elapsed,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    mean: latencies.reduce((sum, x) => sum + x, 0) / (latencies.length || 1),
    requests: latencies.length,
    errors,
    non2xx: 0,
    ...(firstError ? { firstError } : {}),
  };
}

/** Runs the measured period between two CPU snapshots (taken here, so the warm-up and the pool's set-up are outside them). */
async function measured(spec: LoadSpec, load: () => Promise<LoadResult>): Promise<LoadResult> {
  const before = snapshot(spec);
  const result = await load();
  return { ...result, cpuMilliseconds: cpuBetween(before, snapshot(spec), spec) };
}

async function run(spec: LoadSpec): Promise<LoadResult> {
  if (spec.kind === 'http') {
    if (spec.warmupSeconds > 0) {
      await http(spec, spec.warmupSeconds);
      // The warm-up's answers still in flight would be worked on, and counted, in the measured period.
      await waitUntilIdle(Object.values(spec.cpuOf ?? {}));
    }
    return measured(spec, () => http(spec, spec.durationSeconds, spec.countCacheHeader));
  }
  const pool = new Pool({ connectionString: spec.databaseUrl, max: spec.connections, application_name: 'bench-sql-limit' });
  try {
    if (spec.warmupSeconds > 0) await sql(spec, pool, spec.warmupSeconds);
    return await measured(spec, () => sql(spec, pool, spec.durationSeconds));
  } finally {
    await pool.end();
  }
}

process.once('message', (spec: LoadSpec) => {
  run(spec).then(
    (result) => process.send!({ ok: true, result }, () => process.exit(0)),
    (error: Error) => process.send!({ ok: false, error: error.message }, () => process.exit(1)),
  );
});
