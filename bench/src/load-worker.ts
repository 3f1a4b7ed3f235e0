import autocannon from 'autocannon';
import { Pool } from 'pg';

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
}

export interface LoadResult {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  mean: number;
  requests: number;
  errors: number;
  non2xx: number;
}

async function http(spec: LoadSpec, seconds: number): Promise<LoadResult> {
  const result = await autocannon({
    url: spec.url!,
    method: 'POST',
    headers: spec.headers,
    body: spec.body,
    connections: spec.connections,
    duration: seconds,
    timeout: 30,
  });
  return {
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
  const deadline = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: spec.connections }, async () => {
      while (performance.now() < deadline) {
        const t0 = performance.now();
        try {
          await pool.query(spec.sql!.text, spec.sql!.values);
          latencies.push(performance.now() - t0);
        } catch {
          errors++;
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
  };
}

async function run(spec: LoadSpec): Promise<LoadResult> {
  if (spec.kind === 'http') {
    if (spec.warmupSeconds > 0) await http(spec, spec.warmupSeconds);
    return http(spec, spec.durationSeconds);
  }
  const pool = new Pool({ connectionString: spec.databaseUrl, max: spec.connections, application_name: 'bench-sql-limit' });
  try {
    if (spec.warmupSeconds > 0) await sql(spec, pool, spec.warmupSeconds);
    return await sql(spec, pool, spec.durationSeconds);
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
