import { Client } from 'pg';
import { type Journey } from './journeys';
import { CONNECTIONS, isCachedMode, isGatewayMode, Mode, MODE_LABEL, databaseUrl } from './settings';
import { requestFor, post, canonical, comparablePart } from './requests';
import { Instrumented, countThrough, isCountedMode } from './proxies';
import { Row } from './load';
import { fmt } from './report';

/** Checks: every path answers each journey the same, and the measured rows meet the targets in bench/README.md. */

export interface JourneyCheck {
  statements: Partial<Record<Mode, number>>;
  fetches: Partial<Record<Mode, Record<string, number>>>;
  bytes: Partial<Record<Mode, number>>;
  matches: Partial<Record<Mode, boolean>>;
  problems: string[];
}

export async function checkJourney(journey: Journey, instrumented: Instrumented, modes: Mode[]): Promise<JourneyCheck> {
  const check: JourneyCheck = { statements: {}, fetches: {}, bytes: {}, matches: {}, problems: [] };
  let reference: string | undefined;
  // Apollo's (uncached) gateway always runs: its answer is the reference, measured or not.
  for (const mode of ['apollo' as const, ...modes.filter((m) => m !== 'apollo')]) {
    if (mode === 'sql') {
      const client = new Client({ connectionString: databaseUrl });
      await client.connect();
      try {
        const result = await client.query(journey.sql.text, journey.sql.values);
        check.statements.sql = 1;
        check.bytes.sql = Buffer.byteLength(JSON.stringify(result.rows));
        if (result.rowCount === 0) check.problems.push('the SQL limit returned no rows');
      } finally {
        await client.end();
      }
      continue;
    }
    if (mode === 'direct' && !journey.direct) continue;
    const { url, headers, body } = requestFor(journey, mode);
    let answer = await postOrSay(url, headers, body);
    // A gateway that has just started may still be loading its supergraph: give it a few tries.
    for (let attempt = 0; attempt < 10 && (answer.status !== 200 || answer.json.errors) && mode !== 'direct'; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      answer = await postOrSay(url, headers, body);
    }
    check.bytes[mode] = answer.bytes;
    if (answer.status !== 200 || answer.json.errors) {
      check.problems.push(`${mode}: HTTP ${answer.status} ${JSON.stringify(answer.json.errors ?? '').slice(0, 300)}`);
    }
    const part = canonical(comparablePart(journey, answer.json.data, mode === 'direct' ? 'direct' : 'gateway'));
    if (mode === 'apollo') reference = part;
    else if (reference !== undefined) {
      check.matches[mode] = part === reference;
      if (!check.matches[mode]) check.problems.push(`${mode}: the answer differs from Apollo's (${describeDifference(reference, part)})`);
    }
    if (isCachedMode(mode)) {
      // The load mostly measures answers from the cache: the second answer (a hit, once the cache works) must be the same too.
      const again = await postOrSay(url, headers, body);
      const againPart = canonical(comparablePart(journey, again.json.data, 'gateway'));
      if (reference !== undefined && againPart !== reference) {
        check.matches[mode] = false;
        check.problems.push(`${mode}: the repeated answer (x-response-cache: ${again.headers.get('x-response-cache') ?? 'none'}) differs from Apollo's`);
      }
    }
    if (mode === 'direct') check.statements.direct = Number(answer.headers.get('x-sql-statements') ?? NaN);
    const countedUrl = isCountedMode(mode) ? instrumented.urls[mode] : undefined;
    if (countedUrl && modes.includes(mode)) {
      const counted = await countThrough(instrumented, countedUrl, journey);
      if (counted.statements !== null) check.statements[mode] = counted.statements;
      check.fetches[mode] = counted.fetches;
    }
  }
  return check;
}

/** A request that cannot be sent (the process is gone, the port refused) is an answer with an error, not the end of the run. */
async function postOrSay(url: string, headers: Record<string, string>, body: string): ReturnType<typeof post> {
  try {
    return await post(url, headers, body);
  } catch (error) {
    const cause = (error as Error & { cause?: Error }).cause?.message ?? (error as Error).message;
    return { status: 0, json: { errors: [{ message: `no answer from ${url}: ${cause}` }] }, headers: new Headers(), bytes: 0 };
  }
}

/** Where two canonical answers first differ, with a little of each around it: enough to tell why. */
function describeDifference(expected: string, actual: string): string {
  let at = 0;
  while (at < expected.length && at < actual.length && expected[at] === actual[at]) at++;
  const around = (text: string) => text.slice(Math.max(0, at - 60), at + 60);
  return `from character ${at}: Apollo …${around(expected)}… vs …${around(actual)}…`;
}

export interface TargetCheck {
  target: string;
  measured: string;
  met: boolean | null;
}

export function find(rows: Row[], scale: number, journey: string, mode: Mode): Row | undefined {
  return rows.find((row) => row.scale === scale && row.journey === journey && row.mode === mode);
}

/** Issue 19's targets, from the rows of one run (ratios side by side; p99 at 20 clients). */
export function targets(rows: Row[], journeys: Journey[], scale: number, scalingRows: Row[]): TargetCheck[] {
  const checks: TargetCheck[] = [];
  for (const journey of journeys.filter((j) => j.singleSubgraph)) {
    const apollo = find(rows, scale, journey.name, 'apollo');
    const direct = find(rows, scale, journey.name, 'direct');
    if (apollo && direct) {
      const ratio = direct.requestsPerSecond / apollo.requestsPerSecond;
      checks.push({
        target: `${journey.name}: gateway overhead ≤ 1.2× the subgraph direct, uncached (throughput ratio at ${CONNECTIONS} clients, N=${scale})`,
        measured: `${ratio.toFixed(2)}× (direct ${fmt(direct.requestsPerSecond)} vs Apollo ${fmt(apollo.requestsPerSecond)} req/s; p50 ${fmt(direct.p50, 1)} vs ${fmt(apollo.p50, 1)} ms)`,
        met: ratio <= 1.2,
      });
    }
  }
  for (const [rowsOf, label] of [
    [rows, 'main run'],
    [scalingRows, 'scaling run'],
  ] as const) {
    for (const at of [...new Set(rowsOf.map((row) => row.scale))]) {
      const comparisonApollo = find(rowsOf, at, 'comparison', 'apollo');
      const comparisonSql = find(rowsOf, at, 'comparison', 'sql');
      if (!comparisonApollo || !comparisonSql) continue;
      const ratio = comparisonSql.requestsPerSecond / comparisonApollo.requestsPerSecond;
      checks.push({
        target: `comparison ≤ 3× the hand-written SQL limit, uncached, N=${at} (throughput ratio, ${label})`,
        measured: `${ratio.toFixed(1)}× (SQL ${fmt(comparisonSql.requestsPerSecond)} vs Apollo ${fmt(comparisonApollo.requestsPerSecond)} req/s)`,
        met: ratio <= 3,
      });
    }
  }
  const structure = find(rows, scale, 'structure', 'apollo');
  if (structure) checks.push({ target: `structure p99 ≤ 1 s uncached, N=${scale}`, measured: `${fmt(structure.p99, 1)} ms`, met: structure.p99 <= 1000 });
  for (const row of rows.filter((r) => isCachedMode(r.mode) && r.scale === scale)) {
    checks.push({
      target: `p99 ≤ 250 ms with the response cache warm, ${CONNECTIONS} clients, N=${row.scale}: ${row.journey} via ${MODE_LABEL[row.mode]}`,
      measured: `${fmt(row.p99, 1)} ms (cache hits ${row.cacheHitFraction === null ? '-' : `${(row.cacheHitFraction * 100).toFixed(1)} %`})`,
      met: row.p99 <= 250,
    });
  }
  const gatewayRows = rows.filter((r) => isGatewayMode(r.mode) && r.gatewayPeakMb !== null && r.mode.startsWith('apollo'));
  if (gatewayRows.length) {
    const peak = gatewayRows.reduce((highest, row) => (row.gatewayPeakMb! > highest.gatewayPeakMb! ? row : highest));
    checks.push({
      target: 'Apollo gateway RSS ≤ 350 MB under load (peak over every journey and Apollo path)',
      measured: `${fmt(peak.gatewayPeakMb)} MB peak (${peak.journey}, ${MODE_LABEL[peak.mode]})`,
      met: peak.gatewayPeakMb! <= 350,
    });
  }
  if (scalingRows.length) {
    const scales = [...new Set(scalingRows.map((r) => r.scale))].sort((a, b) => a - b);
    const low = scales[0]!;
    const high = scales[scales.length - 1]!;
    for (const journey of [...new Set(scalingRows.map((r) => r.journey))]) {
      const series = scales.map((s) => find(scalingRows, s, journey, 'apollo'));
      const counts = series.map((r) => r?.statements ?? null);
      checks.push({
        target: `${journey}: SQL statements per request constant from N=${low} to N=${high}`,
        measured: counts.map((c, k) => `N=${scales[k]}: ${c ?? '-'}`).join(', '),
        met: counts.every((c) => c !== null && c === counts[0]),
      });
      if (journey === 'comparison') {
        const a = find(scalingRows, low, journey, 'apollo');
        const b = find(scalingRows, high, journey, 'apollo');
        if (a && b) {
          checks.push({
            target: `comparison: p99 at N=${high} ≤ 2× p99 at N=${low}`,
            measured: `${fmt(b.p99, 1)} ms vs ${fmt(a.p99, 1)} ms (${(b.p99 / a.p99).toFixed(2)}×)`,
            met: b.p99 <= 2 * a.p99,
          });
        }
      }
    }
  }
  return checks;
}
