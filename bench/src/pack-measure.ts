import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { applyMutation, checkPack, GatewayClient, type PackChange, sectionsOfScope } from '@safeguarding/pack-command';
import {
  BODY_KINDS,
  packFileText,
  packFolders,
  packsDirectory,
  readPack,
  REGIONAL,
  sectionFile,
  synthetic,
  type PackBody,
  type PartnershipArrangements,
  type RegionalMembershipValue,
  type SubgraphSection,
  validatePack,
} from '@safeguarding/packs';
import { grant, startTestFederation, tokenFor } from '@safeguarding/testkit';
import { REPOSITORY_ROOT } from '@safeguarding/config';
import { BENCH_ROOT, LARGE_PARTNERSHIP_BODIES, parseArgs, Random, RESULTS_DIR } from './common';

/**
 * `npm run bench:packs`: measures partnership packs against issue 17's targets, on a pack the size
 * of bench:data's large partnership (100 bodies with reporting lines, 2,200 seats on them; the
 * reviews section holds the clocks the partnership works to, not reviews, which are synthetic
 * history and stay generated). Every value in the pack is labelled synthetic.
 *
 * (a) validate: validatePack in this process, and `node apps/pack/dist/main.js validate` as a
 *     user runs it (wall time, process start included);
 * (b) import through a real federation (tools/testkit's startTestFederation, so DATABASE_URL must
 *     name the PostgreSQL server): each run imports a new partnership (its own slug, so every run
 *     adds everything), section by section as `pack import` does, then one re-import of the same
 *     pack (idempotent: nothing changes);
 * (c) with --copy-database <url>, runs bench:data --scale 1 there first (same machine, same
 *     session) and sets COPY's rows per second beside the records per second the import wrote.
 *
 * Options: --validate-runs (default 7), --import-runs (default 3), --copy-database <url>, --keep
 * (leaves the generated packs in the temporary folder it names, to read or validate by hand).
 * Prints a markdown report and writes bench/results/packs-<timestamp>.json.
 */

const args = parseArgs(process.argv.slice(2));
const VALIDATE_RUNS = Number(args['validate-runs'] ?? 7);
const IMPORT_RUNS = Number(args['import-runs'] ?? 3);
const SEATS_PER_BODY = 22; // 100 bodies x 22 = 2,200 seats, bench:data's large partnership's mean (12 to 32 a body)
const SEED = 20251202;
const PROVENANCE = synthetic('bench/src/pack-measure.ts (fixed seed); a bench partnership, not from any document');
const FREQUENCIES = [
  { meetingsPerYear: 4, description: 'quarterly', period: 'FINANCIAL_YEAR' as const },
  { meetingsPerYear: 6, description: 'bi-monthly', period: 'FINANCIAL_YEAR' as const },
  { meetingsPerYear: 12, description: 'monthly', period: 'CALENDAR_YEAR' as const },
];
/** The kinds of the large partnership's groups, as bench:data draws them: every body kind but the top-level ones. */
const GROUP_KINDS = BODY_KINDS.filter((kind) => !['PARTNERSHIP_BOARD', 'EXECUTIVE', 'LEAD_PARTNERS_FORUM', 'WIDER_PARTNERSHIP'].includes(kind));

// ---------- The pack ----------

interface WrittenPack {
  folder: string;
  slug: string;
  bytes: Record<string, number>;
  records: Record<string, number>;
}

/** Writes a large partnership as a pack, with the same shape as bench:data's (see planPartnership there). */
function writeLargePack(root: string, slug: string): WrittenPack {
  const random = new Random(SEED);
  const regional = readPack(path.join(packsDirectory(), REGIONAL));
  const registry = regional.pack?.sections.membership as RegionalMembershipValue | undefined;
  if (!registry)
    throw new Error(`The regional pack (${packsDirectory()}/regional) has no readable membership section: ${JSON.stringify(regional.problems[0])}`);
  // The regional registry's agencies: a pack draws its seats from it, as a new partnership's would.
  const organisations = registry.organizations.map((organisation) => organisation.id);
  if (organisations.length < SEATS_PER_BODY)
    throw new Error(`The regional registry has ${organisations.length} organisations; ${SEATS_PER_BODY} seats a body need as many.`);

  const bodies = Array.from({ length: LARGE_PARTNERSHIP_BODIES }, (_, index): PackBody => {
    const k = index + 1;
    const kind: PackBody['kind'] = k === 1 ? 'PARTNERSHIP_BOARD' : k === 2 ? 'EXECUTIVE' : random.pick(GROUP_KINDS);
    const parent = k === 1 ? null : k <= 6 ? 1 : random.int(2, Math.min(k - 1, 12));
    return {
      id: `${slug}.body-${String(k).padStart(3, '0')}`,
      name: `${kind.toLowerCase().replace(/_/g, ' ')} ${k}`,
      kind,
      purpose: `Synthetic ${kind.toLowerCase().replace(/_/g, ' ')} of ${slug}, generated for the pack benchmark.`,
      ...(parent ? { reportingLines: [{ to: `${slug}.body-${String(parent).padStart(3, '0')}`, kind: 'REPORTS_TO' as const }] } : {}),
      meetingFrequency: random.pick(FREQUENCIES),
      startDate: '2020-04-01',
      provenance: PROVENANCE,
    };
  });
  const arrangements: PartnershipArrangements = {
    partnership: {
      name: `Bench Safeguarding Partnership ${slug} (large)`,
      shortName: slug.toUpperCase(),
      policeForce: 'West Mercia Police',
      statutoryFunctions: [
        { kind: 'CHILDREN_SAFEGUARDING_PARTNERSHIP', description: 'Children safeguarding partnership (synthetic).', provenance: PROVENANCE },
        { kind: 'SAFEGUARDING_ADULTS_BOARD', description: 'Safeguarding adults board (synthetic).', provenance: PROVENANCE },
      ],
      provenance: PROVENANCE,
    },
    leadSafeguardingPartners: organisations.slice(0, 3).map((organisation) => ({ organisation, leadPost: 'Chief Executive', provenance: PROVENANCE })),
    arrangementDocuments: [],
    budgets: [],
    bodies,
  };
  const memberships = bodies.flatMap((body) =>
    random.sample(organisations, SEATS_PER_BODY).map((organization, k) => ({
      body: body.id,
      organization,
      role: k === 0 ? 'CHAIR' : k === 1 ? 'VICE_CHAIR' : random.chance(0.1) ? 'VIRTUAL_MEMBER' : 'MEMBER',
      startDate: '2024-04-01',
      provenance: PROVENANCE,
    })),
  );
  // A partnership's reviews section holds the clocks it works to; bench:data gives each bench
  // partnership Shropshire's, and so does this pack (labelled synthetic here too).
  const shropshire = readPack(path.join(packsDirectory(), 'shropshire'));
  const shropshireClocks = (
    shropshire.pack?.sections.reviews as { clocks: { reviewKind: string; milestone: string; length: number; unit: string }[] } | undefined
  )?.clocks;
  if (!shropshireClocks) throw new Error("Shropshire's pack has no readable reviews section to take the clocks from.");
  const reviews = {
    clocks: shropshireClocks.map(({ reviewKind, milestone, length, unit }) => ({ reviewKind, milestone, length, unit, provenance: PROVENANCE })),
  };

  const folder = path.join(root, slug);
  fs.mkdirSync(folder, { recursive: true });
  const files: Record<string, string> = {
    'pack.yaml': `# yaml-language-server: $schema=../schema/pack.schema.json\nscope: ${slug}\n`,
    'arrangements.yaml': packFileText(arrangements, 'partnership-arrangements'),
    'membership.yaml': packFileText({ memberships }, 'partnership-membership'),
    'reviews.yaml': packFileText(reviews, 'partnership-reviews'),
  };
  for (const [file, text] of Object.entries(files)) fs.writeFileSync(path.join(folder, file), text);
  return {
    folder,
    slug,
    bytes: Object.fromEntries(Object.entries(files).map(([file, text]) => [file, Buffer.byteLength(text)])),
    records: { bodies: bodies.length, reportingLines: bodies.length - 1, seats: memberships.length, clocks: reviews.clocks.length },
  };
}

// ---------- Statistics ----------

interface Summary {
  runs: number;
  median: number;
  min: number;
  max: number;
  samples: number[];
}

function summary(samples: number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return { runs: samples.length, median, min: sorted[0]!, max: sorted.at(-1)!, samples };
}

const ms = (value: number) => `${Math.round(value).toLocaleString('en-GB')} ms`;
const spread = (s: Summary) => `${ms(s.median)} (${ms(s.min)} to ${ms(s.max)}, ${s.runs} runs)`;

// ---------- (a) validate ----------

function measureValidateInProcess(folder: string): Summary {
  const samples: number[] = [];
  for (let run = 0; run < VALIDATE_RUNS; run++) {
    const started = performance.now();
    const { problems } = validatePack(folder, { platformPacks: packFolders() });
    samples.push(performance.now() - started);
    if (problems.length)
      throw new Error(
        `The generated pack does not validate: ${problems
          .slice(0, 5)
          .map((p) => `${p.file}:${p.line}:${p.column} ${p.field}: ${p.message}`)
          .join('; ')}`,
      );
  }
  return summary(samples);
}

function measureValidateCommand(folder: string): Summary {
  const command = path.join(REPOSITORY_ROOT, 'apps', 'pack', 'dist', 'main.js');
  const samples: number[] = [];
  for (let run = 0; run < VALIDATE_RUNS; run++) {
    const started = performance.now();
    const result = spawnSync(process.execPath, [command, 'validate', folder], { encoding: 'utf8', env: { ...process.env, INIT_CWD: REPOSITORY_ROOT } });
    samples.push(performance.now() - started);
    if (result.status !== 0) throw new Error(`pack validate exited ${result.status}:\n${result.stdout}${result.stderr}`);
  }
  return summary(samples);
}

// ---------- (b) import ----------

interface ImportRun {
  slug: string;
  checkMilliseconds: number;
  sections: { section: SubgraphSection; milliseconds: number; added: number; changed: number; ended: number }[];
  totalMilliseconds: number;
  recordsWritten: number;
}

/** What `pack import` does (checkPack with the gateway's ids, then each section in order), timed per step. */
async function importTimed(folder: string, slug: string, gateway: GatewayClient): Promise<ImportRun> {
  const started = performance.now();
  const { problems } = await checkPack(folder, gateway);
  if (problems.length)
    throw new Error(
      `import refused the pack before sending it: ${problems
        .slice(0, 3)
        .map((p) => `${p.file} ${p.field}: ${p.message}`)
        .join('; ')}`,
    );
  const checkMilliseconds = performance.now() - started;
  const sections: ImportRun['sections'] = [];
  for (const section of sectionsOfScope(slug)) {
    const file = path.join(folder, sectionFile(section));
    if (!fs.existsSync(file)) continue;
    const sectionStarted = performance.now();
    const answer = await gateway.request<Record<string, { changes: PackChange[] }>>(applyMutation(section), {
      scope: slug,
      text: fs.readFileSync(file, 'utf8'),
      dryRun: false,
    });
    const changes = Object.values(answer)[0]!.changes;
    const count = (change: string) => changes.filter((item) => item.change === change).length;
    sections.push({ section, milliseconds: performance.now() - sectionStarted, added: count('ADDED'), changed: count('CHANGED'), ended: count('ENDED') });
  }
  const totalMilliseconds = performance.now() - started;
  return { slug, checkMilliseconds, sections, totalMilliseconds, recordsWritten: sections.reduce((sum, s) => sum + s.added + s.changed + s.ended, 0) };
}

// ---------- (c) COPY, from bench:data on the same machine ----------

interface CopyTimings {
  scale: number;
  timings: { table: string; rows: number; milliseconds: number }[];
}

function runBenchData(url: string, timingsFile: string): Promise<CopyTimings> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(BENCH_ROOT, 'dist', 'generate-data.js'), '--scale', '1', '--timings-json', timingsFile], {
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, DATABASE_URL: url },
    });
    child.once('exit', (code) =>
      code === 0 ? resolve(JSON.parse(fs.readFileSync(timingsFile, 'utf8')) as CopyTimings) : reject(new Error(`bench:data --scale 1 failed (${code})`)),
    );
  });
}

// ---------- Main ----------

async function main(): Promise<void> {
  if (!process.env.DATABASE_URL)
    throw new Error(
      'The import is measured on the PostgreSQL server: set DATABASE_URL, e.g. DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run bench:packs',
    );
  const loadBefore = os.loadavg();
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-packs-'));
  const report: string[] = [];
  const line = (text = '') => {
    report.push(text);
    console.log(text);
  };
  try {
    let copy: CopyTimings | undefined;
    if (typeof args['copy-database'] === 'string') {
      console.log(`== COPY: bench:data --scale 1 into ${new URL(args['copy-database']).pathname.slice(1)}`);
      copy = await runBenchData(args['copy-database'], path.join(root, 'copy-timings.json'));
    }

    const first = writeLargePack(root, 'bench-pack-large-1');
    line(`# Packs measured ${new Date().toISOString()} (${os.cpus().length} cores, load average before ${loadBefore.map((n) => n.toFixed(2)).join(' ')})`);
    line();
    line(
      `Pack: ${Object.entries(first.records)
        .map(([kind, n]) => `${n.toLocaleString('en-GB')} ${kind}`)
        .join(', ')}; ${Object.entries(first.bytes)
        .map(([file, n]) => `${file} ${(n / 1024).toFixed(0)} KB`)
        .join(', ')}.`,
    );
    line();
    const inProcess = measureValidateInProcess(first.folder);
    const command = measureValidateCommand(first.folder);
    line('| validate | median (min to max, runs) |\n| --- | --- |');
    line(`| validatePack in process (first run includes loading the platform's packs cold) | ${spread(inProcess)} |`);
    line(`| \`pack validate\` command, wall time (node start, module load, validate) | ${spread(command)} |`);
    line();

    const federationStarted = performance.now();
    const federation = await startTestFederation();
    console.log(`Federation on ${new URL(federation.database.url).pathname.slice(1)} started in ${ms(performance.now() - federationStarted)}`);
    const runs: ImportRun[] = [];
    let again: ImportRun | undefined;
    try {
      const gateway = new GatewayClient({
        url: federation.gatewayUrl,
        token: tokenFor([grant('regional-admin')], 'bench-packs'),
        timeoutMilliseconds: 300_000,
      });
      for (let run = 1; run <= IMPORT_RUNS; run++) {
        const pack = run === 1 ? first : writeLargePack(root, `bench-pack-large-${run}`);
        runs.push(await importTimed(pack.folder, pack.slug, gateway));
      }
      again = await importTimed(first.folder, first.slug, gateway);
    } finally {
      await federation.stop();
    }
    const total = summary(runs.map((run) => run.totalMilliseconds));
    const check = summary(runs.map((run) => run.checkMilliseconds));
    line('| import (new partnership each run; real PostgreSQL) | median (min to max, runs) | records written |\n| --- | --- | ---: |');
    line(`| whole import, as \`pack import\` | ${spread(total)} | ${runs[0]!.recordsWritten.toLocaleString('en-GB')} |`);
    line(`| validation with the gateway's ids (before anything is sent) | ${spread(check)} | - |`);
    for (const section of runs[0]!.sections.map((s) => s.section)) {
      const of = runs.map((run) => run.sections.find((s) => s.section === section)!);
      line(`| apply ${section} | ${spread(summary(of.map((s) => s.milliseconds)))} | ${of[0]!.added + of[0]!.changed + of[0]!.ended} |`);
    }
    line(`| import the same pack again (idempotent: ${again.recordsWritten} changes) | ${ms(again.totalMilliseconds)} | ${again.recordsWritten} |`);
    line();
    const packRate = (runs[0]!.recordsWritten / total.median) * 1000;
    line(
      `Through packs: ${Math.round(packRate).toLocaleString('en-GB')} records a second (records the sections reported added, over the median whole import).`,
    );
    if (copy) {
      const rows = copy.timings.reduce((sum, t) => sum + t.rows, 0);
      const time = copy.timings.reduce((sum, t) => sum + t.milliseconds, 0);
      const copyRate = (rows / time) * 1000;
      line(
        `COPY (bench:data --scale 1, this session): ${rows.toLocaleString('en-GB')} rows in ${ms(time)}, ${Math.round(copyRate).toLocaleString('en-GB')} rows a second; ` +
          `COPY is ${(copyRate / packRate).toFixed(0)} times as fast per row.`,
      );
      const byTable = (table: string) => copy.timings.find((t) => t.table === table);
      for (const table of ['arrangements.body', 'membership.body_membership', 'reviews.review']) {
        const t = byTable(table);
        if (t && t.milliseconds) line(`  ${table}: ${t.rows.toLocaleString('en-GB')} rows in ${ms(t.milliseconds)}`);
      }
    }
    line();
    line(
      `Load average after: ${os
        .loadavg()
        .map((n) => n.toFixed(2))
        .join(' ')} (other work runs on this machine).`,
    );
    fs.mkdirSync(RESULTS_DIR, { recursive: true });
    const file = path.join(RESULTS_DIR, `packs-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
    fs.writeFileSync(
      file,
      `${JSON.stringify({ loadBefore, loadAfter: os.loadavg(), pack: first, validate: { inProcess, command }, import: { runs, again, total }, copy }, null, 2)}\n`,
    );
    console.log(`\nWritten ${path.relative(REPOSITORY_ROOT, file)}`);
  } finally {
    if (args.keep) console.log(`The packs are kept in ${root} (--keep).`);
    else fs.rmSync(root, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
