import { isCachedMode, MODE_LABEL } from './settings';
import { cpuSummary, Row } from './load';
import { TargetCheck } from './checks';

/** The report: markdown tables of the rows and the targets. */

export const fmt = (value: number | null | undefined, digits = 0) =>
  value === null || value === undefined || Number.isNaN(value) ? '-' : value.toFixed(digits);

export function markdownTable(rows: Row[]): string {
  const lines = [
    '| N | journey | path | req/s | p50 ms | p99 ms | SQL stmts/req | subgraph fetches | CPU ms/req | cache hits | gateway RSS MB (peak) | same answer | errors |',
    '| ---: | --- | --- | ---: | ---: | ---: | ---: | --- | --- | ---: | ---: | :---: | ---: |',
  ];
  for (const row of rows) {
    const fetches = row.fetches
      ? Object.entries(row.fetches)
          .map(([name, count]) => `${name} ${count}`)
          .join(', ')
      : row.mode === 'direct'
        ? '1 (direct)'
        : '-';
    const memory = row.gatewayRssMb === null ? '-' : `${fmt(row.gatewayRssMb)} (${fmt(row.gatewayPeakMb)})`;
    const same = row.answerMatchesApollo === null ? '-' : row.answerMatchesApollo ? 'yes' : 'NO';
    lines.push(
      `| ${row.scale} | ${row.journey} | ${row.label ?? MODE_LABEL[row.mode]} | ${fmt(row.requestsPerSecond)} | ${fmt(row.p50, 1)} | ${fmt(row.p99, 1)} | ${row.statements ?? '-'} | ${fetches} | ${cpuSummary(row.cpuMsPerRequest)} | ${cacheColumn(row)} | ${memory} | ${same} | ${row.errors}${row.note ? ` (${row.note})` : ''} |`,
    );
  }
  return lines.join('\n');
}

export function targetTable(checks: TargetCheck[]): string {
  return [
    '| target | measured | met |',
    '| --- | --- | :---: |',
    ...checks.map((c) => `| ${c.target} | ${c.measured} | ${c.met === null ? '-' : c.met ? 'yes' : '**no**'} |`),
  ].join('\n');
}

/** Cached paths: the share of measured answers that were hits; "no header" until the gateway sends `x-response-cache`. */
export function cacheColumn(row: Row): string {
  if (!isCachedMode(row.mode)) return '-';
  return row.cacheHitFraction === null ? 'no header' : `${(row.cacheHitFraction * 100).toFixed(1)} %`;
}
