import { fork } from 'node:child_process';
import path from 'node:path';
import { BENCH_ROOT, databaseName } from './common';
import { type Journey } from './journeys';
import type { LoadResult, LoadSpec } from './load-worker';
import { WARMUP, CONNECTIONS, Mode, MODE_LABEL, databaseUrl, isCachedMode, isGatewayMode } from './settings';
import { children, Federation, memoryOf } from './processes';
import { waitUntilIdle } from './cpu';
import { Instrumented } from './proxies';
import { checkJourney } from './checks';
import { requestFor } from './requests';

/** Load: each path driven by the load generator (a child process), one result row per journey and path. */

export function runLoad(spec: LoadSpec): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const worker = fork(path.join(BENCH_ROOT, 'dist', 'load-worker.js'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    children.add(worker);
    let settled = false;
    worker.once('message', (message: { ok: boolean; result?: LoadResult; error?: string }) => {
      settled = true;
      if (message.ok) resolve(message.result!);
      else reject(new Error(message.error));
    });
    worker.once('exit', (code) => {
      children.delete(worker);
      if (!settled) reject(new Error(`load worker exited with ${code}`));
    });
    worker.send(spec);
  });
}

export interface Row {
  scale: number;
  journey: string;
  mode: Mode;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  mean: number;
  requests: number;
  errors: number;
  statements: number | null;
  fetches: Record<string, number> | null;
  gatewayRssMb: number | null;
  gatewayPeakMb: number | null;
  responseBytes: number | null;
  answerMatchesApollo: boolean | null;
  /** CPU milliseconds per measured request of each process that did work: `gateway`, each subgraph by name, `postgres` (this database's backends). */
  cpuMsPerRequest: Record<string, number> | null;
  /** Cached paths: the fraction of measured answers with `x-response-cache: hit` (null when no answer carried the header). */
  cacheHitFraction: number | null;
  /** Growth run: the partnership asked about and the seats in its answer. */
  partnership?: string;
  seats?: number;
  note?: string;
  /** The path's label when it is not MODE_LABEL[mode] (the earlier build's paths, before.ts). */
  label?: string;
}

export async function measureJourney(
  scale: number,
  journey: Journey,
  modes: Mode[],
  federation: Federation,
  instrumented: Instrumented,
  duration: number,
): Promise<Row[]> {
  const check = await checkJourney(journey, instrumented, modes);
  for (const problem of check.problems) console.error(`  ! ${journey.name}: ${problem}`);
  const rows: Row[] = [];
  for (const mode of modes) {
    if (mode === 'direct' && !journey.direct) continue;
    const gatewayPid = isGatewayMode(mode) ? federation.gateways[mode]?.pid : undefined;
    // Every process the path may make work: its gateway (if any) and every subgraph; PostgreSQL's backends on this database.
    const cpuOf: Record<string, number> = {};
    if (gatewayPid) cpuOf.gateway = gatewayPid;
    for (const [name, child] of Object.entries(federation.subgraphs)) if (child.pid) cpuOf[name] = child.pid;
    const common = { connections: CONNECTIONS, durationSeconds: duration, warmupSeconds: WARMUP, cpuOf, postgresDatabase: databaseName(databaseUrl) };
    const spec: LoadSpec =
      mode === 'sql'
        ? { kind: 'sql', ...common, databaseUrl, sql: journey.sql }
        : { kind: 'http', ...common, ...requestFor(journey, mode), countCacheHeader: isCachedMode(mode) };
    if (!(await waitUntilIdle(Object.values(cpuOf))))
      console.error(`  ! ${journey.name} ${mode}: the bench's processes were still busy after 30 s; measuring anyway`);
    const result = await runLoad(spec);
    if (result.firstError) console.error(`  ! ${journey.name} ${mode}: ${result.errors} failed statements, the first: ${result.firstError}`);
    const memory = memoryOf(gatewayPid);
    const { cpuMilliseconds, cacheHits, cacheMisses, firstError, ...load } = result;
    const counted = (cacheHits ?? 0) + (cacheMisses ?? 0);
    const row: Row = {
      scale,
      journey: journey.name,
      mode,
      ...load,
      errors: result.errors + result.non2xx,
      statements: check.statements[mode] ?? null,
      fetches: check.fetches[mode] ?? null,
      gatewayRssMb: memory?.rssMb ?? null,
      gatewayPeakMb: memory?.peakMb ?? null,
      responseBytes: check.bytes[mode] ?? null,
      answerMatchesApollo: mode === 'apollo' ? true : (check.matches[mode] ?? null),
      cpuMsPerRequest: cpuPerRequest(cpuMilliseconds, result.requests),
      cacheHitFraction: counted ? (cacheHits ?? 0) / counted : null,
    };
    const problems = check.problems.filter((problem) => problem.startsWith(`${mode}:`));
    if (problems.some((problem) => problem.includes('differs'))) row.note = 'answer differs';
    else if (problems.length) row.note = 'answer had errors';
    // Fewer completed requests than clients: the work in flight at the period's end weighs on the CPU per request.
    if (row.requests < CONNECTIONS && row.cpuMsPerRequest) row.note = `${row.note ? `${row.note}; ` : ''}${row.requests} requests: CPU per request rough`;
    if (firstError) row.note = `${row.note ? `${row.note}; ` : ''}first failure: ${firstError.slice(0, 120)}`;
    rows.push(row);
    console.log(
      `  ${journey.name.padEnd(11)} ${MODE_LABEL[mode].padEnd(31)} ${result.requestsPerSecond.toFixed(0).padStart(6)} req/s  p50 ${result.p50.toFixed(1).padStart(6)} ms  p99 ${result.p99.toFixed(1).padStart(6)} ms  statements ${row.statements ?? '-'}  CPU ms/req ${cpuSummary(row.cpuMsPerRequest)}${row.cacheHitFraction !== null ? `  cache hits ${(row.cacheHitFraction * 100).toFixed(1)} %` : ''}${row.errors ? `  ERRORS ${row.errors}` : ''}`,
    );
  }
  return rows;
}

/** CPU milliseconds per request of each process that did work in the period (a process with no clock tick is left out). */
export function cpuPerRequest(milliseconds: Record<string, number> | undefined, requests: number): Record<string, number> | null {
  if (!milliseconds || !requests) return null;
  return Object.fromEntries(
    Object.entries(milliseconds)
      .filter(([, ms]) => ms > 0)
      .map(([label, ms]) => [label, ms / requests]),
  );
}

/** "gw 2.1, arrangements 1.3, membership 8.0, pg 3.0" */
export function cpuSummary(perRequest: Record<string, number> | null): string {
  if (!perRequest || Object.keys(perRequest).length === 0) return '-';
  const short = (label: string) => (label === 'gateway' ? 'gw' : label === 'postgres' ? 'pg' : label);
  const digits = (value: number) => (value >= 10 ? 1 : value >= 0.1 ? 2 : 3);
  return Object.entries(perRequest)
    .map(([label, ms]) => `${short(label)} ${ms.toFixed(digits(ms))}`)
    .join(', ');
}
