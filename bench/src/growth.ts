import { Client } from 'pg';
import { BENCH_AS_OF, GROWTH_PARTNERSHIPS } from './common';
import { type Journey, structureJourneyFor } from './journeys';
import { measureJourney, cpuSummary, type Row } from './load';
import { startFederation, stopChildren, type Federation } from './processes';
import { startInstrumented, stopInstrumented, type Instrumented } from './proxies';
import { fmt } from './report';
import { CONNECTIONS, databaseUrl, MODE_LABEL, type Mode } from './settings';

/**
 * The growth run (`--growth`): the structure journey against partnerships whose answer holds about
 * 100, 1,000 and 10,000 seats, and a least-squares line through each process's CPU per request
 * against the seats: the cost per seat and the fixed cost per request.
 */

/** Seats in the structure answer of a partnership: the members, as of the bench date, of its bodies as of the bench date. */
async function seatsOf(slugs: readonly string[]): Promise<Record<string, number>> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const result = await client.query<{ partnership_id: string; seats: string }>(
      `SELECT bp.partnership_id, count(m.id) AS seats
         FROM arrangements.body_partnership bp JOIN arrangements.body b ON b.id = bp.body_id
         JOIN membership.body_membership m ON m.body_id = b.id
        WHERE bp.partnership_id = ANY($1) AND (b.valid_from IS NULL OR b.valid_from <= $2) AND (b.valid_to IS NULL OR b.valid_to >= $2)
          AND (m.start_date IS NULL OR m.start_date <= $2) AND (m.end_date IS NULL OR m.end_date >= $2)
        GROUP BY bp.partnership_id`,
      [slugs, BENCH_AS_OF],
    );
    return Object.fromEntries(result.rows.map((row) => [row.partnership_id, Number(row.seats)]));
  } finally {
    await client.end();
  }
}

export async function growthRows(scale: number, journeys: Journey[], modes: Mode[], duration: number): Promise<Row[]> {
  const slugs = GROWTH_PARTNERSHIPS.map((growth) => growth.slug);
  const seats = await seatsOf(slugs);
  const missing = slugs.filter((slug) => !seats[slug]);
  if (missing.length) throw new Error(`No seats for ${missing.join(', ')}: regenerate the bench data (npm run bench:data) to load the growth partnerships.`);
  let federation: Federation | undefined;
  let instrumented: Instrumented | undefined;
  try {
    federation = await startFederation(modes);
    instrumented = await startInstrumented(modes);
    const rows: Row[] = [];
    for (const slug of slugs) {
      console.log(`  ${slug}: ${seats[slug]} seats`);
      const journey = structureJourneyFor(journeys, slug);
      for (const row of await measureJourney(scale, journey, modes, federation, instrumented, duration)) {
        const grown: Row = { ...row, partnership: slug, seats: seats[slug] };
        // measureJourney has said the CPU figure is rough; here it is also left out of the fit.
        if (tooFewForCpu(grown)) grown.note = `${grown.note ? `${grown.note} ` : ''}(not fitted; lengthen --growth-duration)`;
        rows.push(grown);
      }
    }
    return rows;
  } finally {
    await stopInstrumented(instrumented);
    await stopChildren();
  }
}

export interface GrowthFit {
  mode: Mode;
  /** `gateway`, a subgraph's name, `postgres`, or `total` (their sum). */
  process: string;
  /** CPU milliseconds per request at no seats (the line's intercept). */
  fixedMs: number;
  /** CPU microseconds per seat per request (the line's slope). */
  microsecondsPerSeat: number;
  /** How well the line fits the points (1 is a perfect line). */
  rSquared: number | null;
  points: { seats: number; cpuMsPerRequest: number }[];
}

/** Ordinary least squares y = a + b·x over the points; r² null when y does not vary. */
export function leastSquares(points: { x: number; y: number }[]): { intercept: number; slope: number; rSquared: number | null } {
  const n = points.length;
  const meanX = points.reduce((sum, p) => sum + p.x, 0) / n;
  const meanY = points.reduce((sum, p) => sum + p.y, 0) / n;
  const sxx = points.reduce((sum, p) => sum + (p.x - meanX) ** 2, 0);
  const sxy = points.reduce((sum, p) => sum + (p.x - meanX) * (p.y - meanY), 0);
  const slope = sxx ? sxy / sxx : 0;
  const intercept = meanY - slope * meanX;
  const total = points.reduce((sum, p) => sum + (p.y - meanY) ** 2, 0);
  const residual = points.reduce((sum, p) => sum + (p.y - intercept - slope * p.x) ** 2, 0);
  return { intercept, slope, rSquared: total ? 1 - residual / total : null };
}

/**
 * A period that completed fewer requests than there are clients says little about CPU per request:
 * the requests in flight at its end were partly worked on and not counted. Such rows stay in the
 * table (flagged) and out of the fit.
 */
export const tooFewForCpu = (row: Row) => row.requests < CONNECTIONS;

/**
 * A line per path and process (and their total) through the rows that completed enough requests;
 * a process absent from a row did no work there (0); one that did next to none anywhere (under
 * 0.01 ms per request: a timer, not this request) is left out.
 */
export function fitGrowth(rows: Row[]): GrowthFit[] {
  const fits: GrowthFit[] = [];
  for (const mode of [...new Set(rows.map((row) => row.mode))]) {
    const measured = rows.filter((row) => row.mode === mode && row.cpuMsPerRequest && row.seats !== undefined && !tooFewForCpu(row));
    if (measured.length < 2) continue;
    const processes = [...new Set(measured.flatMap((row) => Object.keys(row.cpuMsPerRequest!)))].filter((process) =>
      measured.some((row) => (row.cpuMsPerRequest![process] ?? 0) >= 0.01),
    );
    for (const process of [...processes, 'total']) {
      const points = measured.map((row) => ({
        seats: row.seats!,
        cpuMsPerRequest: process === 'total' ? Object.values(row.cpuMsPerRequest!).reduce((sum, ms) => sum + ms, 0) : (row.cpuMsPerRequest![process] ?? 0),
      }));
      const line = leastSquares(points.map((p) => ({ x: p.seats, y: p.cpuMsPerRequest })));
      fits.push({ mode, process, fixedMs: line.intercept, microsecondsPerSeat: line.slope * 1000, rSquared: line.rSquared, points });
    }
  }
  return fits;
}

export function growthTable(rows: Row[]): string {
  return [
    '| partnership | seats | path | req/s | p50 ms | p99 ms | SQL stmts/req | CPU ms/req | same answer | errors |',
    '| --- | ---: | --- | ---: | ---: | ---: | ---: | --- | :---: | ---: |',
    ...rows.map(
      (row) =>
        `| ${row.partnership} | ${row.seats?.toLocaleString('en-GB') ?? '-'} | ${MODE_LABEL[row.mode]} | ${fmt(row.requestsPerSecond, 1)} | ${fmt(row.p50, 1)} | ${fmt(row.p99, 1)} | ${row.statements ?? '-'} | ${cpuSummary(row.cpuMsPerRequest)} | ${row.answerMatchesApollo === null ? '-' : row.answerMatchesApollo ? 'yes' : 'NO'} | ${row.errors}${row.note ? ` (${row.note})` : ''} |`,
    ),
  ].join('\n');
}

export function fitTable(fits: GrowthFit[]): string {
  return [
    '| path | process | fixed CPU ms/req | CPU µs per seat | r² | points (seats: ms/req) |',
    '| --- | --- | ---: | ---: | ---: | --- |',
    ...fits.map(
      (fit) =>
        `| ${MODE_LABEL[fit.mode]} | ${fit.process} | ${fmt(fit.fixedMs, 2)} | ${fmt(fit.microsecondsPerSeat, 1)} | ${fmt(fit.rSquared, 3)} | ${fit.points.map((p) => `${p.seats}: ${fmt(p.cpuMsPerRequest, 2)}`).join(', ')} |`,
    ),
  ].join('\n');
}
