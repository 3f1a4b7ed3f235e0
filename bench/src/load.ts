import { fork } from 'node:child_process';
import path from 'node:path';
import { BENCH_ROOT } from './common';
import { type Journey } from './journeys';
import type { LoadResult, LoadSpec } from './load-worker';
import { WARMUP, CONNECTIONS, Mode, MODE_LABEL, databaseUrl } from './settings';
import { children, Federation, memoryOf } from './processes';
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
    const spec: LoadSpec =
      mode === 'sql'
        ? { kind: 'sql', connections: CONNECTIONS, durationSeconds: duration, warmupSeconds: WARMUP, databaseUrl, sql: journey.sql }
        : { kind: 'http', connections: CONNECTIONS, durationSeconds: duration, warmupSeconds: WARMUP, ...requestFor(journey, mode) };
    const result = await runLoad(spec);
    const gatewayPid = mode === 'apollo' ? federation.apollo.pid : mode === 'hive' ? federation.hive.pid : undefined;
    const memory = memoryOf(gatewayPid);
    const row: Row = {
      scale,
      journey: journey.name,
      mode,
      ...result,
      errors: result.errors + result.non2xx,
      statements: check.statements[mode] ?? null,
      fetches: check.fetches[mode] ?? null,
      gatewayRssMb: memory?.rssMb ?? null,
      gatewayPeakMb: memory?.peakMb ?? null,
      responseBytes: check.bytes[mode] ?? null,
      answerMatchesApollo: mode === 'apollo' ? true : (check.matches[mode] ?? null),
    };
    if (check.problems.some((problem) => problem.startsWith(mode))) row.note = 'answer had errors';
    rows.push(row);
    console.log(
      `  ${journey.name.padEnd(11)} ${MODE_LABEL[mode].padEnd(16)} ${result.requestsPerSecond.toFixed(0).padStart(6)} req/s  p50 ${result.p50.toFixed(1).padStart(6)} ms  p99 ${result.p99.toFixed(1).padStart(6)} ms  statements ${row.statements ?? '-'}${row.errors ? `  ERRORS ${row.errors}` : ''}`,
    );
  }
  return rows;
}
