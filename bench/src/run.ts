import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { BENCH_ROOT, PARTNERSHIPS_PER_SCALE, RESULTS_DIR } from './common';
import { buildJourneys, type Journey, LARGE_SLUG } from './journeys';
import {
  args,
  DURATION,
  WARMUP,
  CONNECTIONS,
  SCALING_DURATION,
  SCALES,
  ONLY,
  MODES,
  SCALING_MODES,
  GROWTH_DURATION,
  GROWTH_MODES,
  Mode,
  databaseUrl,
  subgraphs,
} from './settings';
import { fitGrowth, fitTable, growthRows, growthTable, type GrowthFit } from './growth';
import { children, stopChildren, stopEveryChild, Federation, startFederation } from './processes';
import { Instrumented, startInstrumented, stopInstrumented } from './proxies';
import { Row, measureJourney } from './load';
import { targets } from './checks';
import { markdownTable, targetTable } from './report';
import { beforeResults, beforeSection, measureBefore, startBefore, withBeforeRows } from './before';

/**
 * `npm run bench`: starts every built subgraph and both gateways as child processes on the bench
 * database, checks each journey answers the same through every path, counts SQL statements per
 * request on one instrumented request, then drives each path with the load generator (another
 * child process) at fixed concurrency for a fixed time. Prints a markdown table and writes
 * bench/results/<timestamp>.json. With --scaling, regenerates the data at N = 1, 10, 50 and runs
 * the scaling journeys at each.
 */

async function databaseFacts(): Promise<{ scale: number; forumMeetingId: string; largeBodyIds: string[]; counts: Record<string, number> }> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const count = async (sql: string) => Number((await client.query<{ n: string }>(sql).catch(() => ({ rows: [{ n: 'NaN' }] }))).rows[0]!.n);
    // The growth run's partnerships (bench-seats-...) are loaded at every scale: they are not part of it.
    const synthetic = await count(`SELECT count(*) AS n FROM arrangements.partnership WHERE id LIKE 'bench-%' AND id NOT LIKE 'bench-seats-%'`);
    if (!synthetic) throw new Error('No bench data in this database: run `npm run bench:data -- --scale 1` with the same DATABASE_URL first.');
    const meeting = await client.query<{ id: string }>(
      `SELECT m.id FROM arrangements.agenda a JOIN arrangements.meeting m ON m.id = a.meeting_id WHERE m.body_id = 'joint.lsp-forum' ORDER BY m.meeting_date LIMIT 1`,
    );
    if (!meeting.rows[0]) throw new Error('The bench data has no forum agenda; regenerate it with npm run bench:data.');
    const bodies = await client.query<{ body_id: string }>(`SELECT body_id FROM arrangements.body_partnership WHERE partnership_id = $1 ORDER BY body_id`, [
      LARGE_SLUG,
    ]);
    const counts = {
      partnerships: await count('SELECT count(*) AS n FROM arrangements.partnership'),
      bodies: await count('SELECT count(*) AS n FROM arrangements.body'),
      meetings: await count('SELECT count(*) AS n FROM arrangements.meeting'),
      memberships: await count('SELECT count(*) AS n FROM membership.body_membership'),
      reviews: await count('SELECT count(*) AS n FROM reviews.review'),
      bookings: await count('SELECT count(*) AS n FROM training.training_booking'),
    };
    return { scale: synthetic / PARTNERSHIPS_PER_SCALE, forumMeetingId: meeting.rows[0].id, largeBodyIds: bodies.rows.map((r) => r.body_id), counts };
  } finally {
    await client.end();
  }
}

function regenerate(scale: number): Promise<void> {
  return new Promise((resolve, reject) => {
    console.log(`\n== Regenerating bench data at N=${scale}`);
    const child = spawn(process.execPath, [path.join(BENCH_ROOT, 'dist', 'generate-data.js'), '--scale', String(scale)], {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: process.env,
    });
    children.add(child);
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      children.delete(child);
      const summary = output.trim().split('\n').pop();
      if (summary) console.log(`  ${summary}`);
      if (code === 0) resolve();
      else reject(new Error(`bench:data --scale ${scale} failed (${code}):\n${output}`));
    });
  });
}

async function runAt(scale: number, journeys: Journey[], modes: Mode[], duration: number, withBefore = false): Promise<Row[]> {
  let federation: Federation | undefined;
  let instrumented: Instrumented | undefined;
  try {
    federation = await startFederation(modes);
    instrumented = await startInstrumented(modes);
    if (withBefore) await startBefore();
    const rows: Row[] = [];
    for (const journey of journeys) {
      rows.push(...(await measureJourney(scale, journey, modes, federation, instrumented, duration)));
      if (withBefore) await measureBefore(scale, journey, modes, duration, rows);
    }
    return rows;
  } finally {
    await stopInstrumented(instrumented);
    await stopChildren();
  }
}

async function main(): Promise<void> {
  const started = Date.now();
  const facts = await databaseFacts();
  const journeys = buildJourneys(facts).filter((journey) => !ONLY || ONLY.includes(journey.name));
  const environment = {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model,
    node: process.version,
    connections: CONNECTIONS,
    durationSeconds: DURATION,
    warmupSeconds: WARMUP,
    subgraphs: subgraphs.map((s) => s.name),
    note: 'Shared machine: other engineers run test suites against the same PostgreSQL during the run, so figures are noisy.',
  };
  console.log(
    `Bench on ${new URL(databaseUrl).pathname.slice(1)} at N=${facts.scale} (${JSON.stringify(facts.counts)}); ${CONNECTIONS} clients, ${DURATION} s per path after ${WARMUP} s warm-up`,
  );

  const rows = await runAt(facts.scale, journeys, MODES, DURATION, true);

  const scalingRows: Row[] = [];
  const scalingErrors: string[] = [];
  let growth: { rows: Row[]; fits: GrowthFit[]; error?: string } | undefined;
  const write = () => {
    const checks = targets(rows, journeys, facts.scale, scalingRows);
    const report = [
      `## Journeys at N=${facts.scale} (${Object.entries(facts.counts)
        .map(([k, v]) => `${v.toLocaleString('en-GB')} ${k}`)
        .join(', ')})`,
      '',
      markdownTable(withBeforeRows(rows)),
      ...beforeSection(),
      ...(growth
        ? [
            '',
            `## Growth (structure journey; ${GROWTH_DURATION} s per path)`,
            '',
            growthTable(growth.rows),
            '',
            'CPU per request against seats, least squares (fixed cost + cost per seat):',
            '',
            fitTable(growth.fits),
            ...(growth.error ? ['', `Growth run failed: ${growth.error}`] : []),
          ]
        : []),
      ...(scalingRows.length ? ['', `## Scaling (N = ${SCALES.join(', ')}; ${SCALING_DURATION} s per path)`, '', markdownTable(scalingRows)] : []),
      ...(scalingErrors.length ? ['', ...scalingErrors.map((e) => `Scaling run failed: ${e}`)] : []),
      '',
      '## Targets',
      '',
      targetTable(checks),
    ].join('\n');
    fs.mkdirSync(RESULTS_DIR, { recursive: true });
    fs.writeFileSync(
      file,
      JSON.stringify(
        {
          startedAt: new Date(started).toISOString(),
          seconds: (Date.now() - started) / 1000,
          environment,
          scale: facts.scale,
          counts: facts.counts,
          journeys: journeys.map(({ name, description, singleSubgraph }) => ({ name, description, singleSubgraph })),
          rows,
          scalingRows,
          scalingErrors,
          before: beforeResults(),
          growth: growth && { durationSeconds: GROWTH_DURATION, modes: GROWTH_MODES, ...growth },
          targets: checks,
          markdown: report,
        },
        null,
        2,
      ),
    );
    return report;
  };
  const file = path.join(RESULTS_DIR, `${new Date(started).toISOString().replace(/[:.]/g, '-')}.json`);
  write();
  if (args.growth) {
    console.log(`\n== Growth run: structure journey at 100, 1,000 and 10,000 seats (${GROWTH_MODES.join(', ')}; ${GROWTH_DURATION} s each)`);
    try {
      const measured = await growthRows(facts.scale, buildJourneys(facts), GROWTH_MODES, GROWTH_DURATION);
      growth = { rows: measured, fits: fitGrowth(measured) };
    } catch (error) {
      growth = { rows: [], fits: [], error: (error as Error).message };
      console.error(`  growth run failed: ${(error as Error).message}`);
    }
    write();
  }
  if (args.scaling) {
    const scalingJourneys = buildJourneys(facts).filter((journey) => journey.scaling);
    for (const scale of SCALES) {
      await regenerate(scale);
      const scaledFacts = await databaseFacts();
      const scaled = buildJourneys(scaledFacts).filter((journey) => scalingJourneys.some((j) => j.name === journey.name));
      console.log(`== Scaling run at N=${scale} (${JSON.stringify(scaledFacts.counts)})`);
      try {
        scalingRows.push(...(await runAt(scale, scaled, SCALING_MODES, SCALING_DURATION)));
      } catch (error) {
        scalingErrors.push(`N=${scale}: ${(error as Error).message}`);
        console.error(`  scaling run at N=${scale} failed: ${(error as Error).message}`);
      }
      write();
    }
  }
  const report = write();
  console.log(`\n${report}\n`);
  console.log(`Wrote ${path.relative(process.cwd(), file)} (${((Date.now() - started) / 1000).toFixed(0)} s in all)`);
}

main()
  .catch(async (error) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exitCode = 1;
  })
  .finally(async () => {
    await stopEveryChild();
  });
