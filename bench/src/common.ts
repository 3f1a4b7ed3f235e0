import fs from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { REPOSITORY_ROOT, SUBGRAPHS } from '@safeguarding/config';

/** Shared by the data generator and the runner. */
export const BENCH_ROOT = path.join(REPOSITORY_ROOT, 'bench');
export const RESULTS_DIR = path.join(BENCH_ROOT, 'results');

/** The slug of the i-th synthetic partnership (1-based): bench-0001 ... */
export const benchSlug = (index: number) => `bench-${String(index).padStart(4, '0')}`;

/** Synthetic partnerships per unit of scale: the region has three partnerships. */
export const PARTNERSHIPS_PER_SCALE = 3;

/** One in this many synthetic partnerships is very large (bench-0001, bench-0051, ...). */
export const LARGE_EVERY = 50;
export const isLarge = (index: number) => index % LARGE_EVERY === 1;
/** Every large partnership has exactly this many bodies, so a batch of its bodies is 100 entity references. */
export const LARGE_PARTNERSHIP_BODIES = 100;

/**
 * The growth run's partnerships (`npm run bench -- --growth`): the structure journey's answer holds
 * bodies x seats per body seats, 100 to 10,000, so the cost per seat can be fitted. Loaded at every
 * scale, apart from the scale's bench-NNNN partnerships (the scale counts only those).
 */
export const GROWTH_PARTNERSHIPS = [
  { slug: 'bench-seats-100', bodies: 5, seatsPerBody: 20 },
  { slug: 'bench-seats-1000', bodies: 50, seatsPerBody: 20 },
  { slug: 'bench-seats-10000', bodies: 250, seatsPerBody: 40 },
] as const;
/** Organisations of each growth partnership's own registry: more than a body's seats, as each seat is a distinct organisation. */
export const GROWTH_ORGANISATIONS = 60;

/** The date every bench query asks "as of", so results do not drift with the calendar. */
export const BENCH_AS_OF = '2026-11-01';

/** The subgraphs present in this checkout that are built (services/<name>/dist/index.js). */
export function builtSubgraphs(): { name: string; port: number }[] {
  return SUBGRAPHS.filter(({ name }) => fs.existsSync(path.join(REPOSITORY_ROOT, 'services', name, 'dist', 'index.js'))).map((s) => ({ ...s }));
}

/**
 * DATABASE_URL, checked: the bench never runs on the embedded default (PGlite is one session and
 * would measure nothing useful) nor on the `test` database other engineers' suites use.
 */
export function benchDatabaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) {
    throw new Error(
      'The benchmark needs a real PostgreSQL: set DATABASE_URL, e.g.\n' +
        '  DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench npm run bench:data -- --scale 1\n' +
        'It refuses the embedded PGlite default (one session, statements run one at a time: nothing to measure).',
    );
  }
  const name = databaseName(url);
  if (name === 'test' || name === 'postgres' || name === 'template1') {
    throw new Error(
      `DATABASE_URL names the "${name}" database; the benchmark truncates what it loads, so give it its own, e.g. .../bench (created if missing).`,
    );
  }
  return url;
}

export function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, '')) || 'postgres';
}

/** Creates the bench database when it does not exist yet. */
export async function ensureDatabase(url: string): Promise<void> {
  const name = databaseName(url);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) {
      await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
      console.log(`Created database ${name}`);
    }
  } finally {
    await client.end();
  }
}

/** A small, fast, seedable PRNG (mulberry32), so every run generates the same data. */
export class Random {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  chance(probability: number): boolean {
    return this.next() < probability;
  }
  /** A version-4-shaped UUID from this generator. */
  uuid(): string {
    const hex = (n: number) =>
      Math.floor(this.next() * 16 ** n)
        .toString(16)
        .padStart(n, '0');
    return `${hex(8)}-${hex(4)}-4${hex(3)}-${(8 + Math.floor(this.next() * 4)).toString(16)}${hex(3)}-${hex(6)}${hex(6)}`;
  }
  /** k distinct items of `items` (k <= length). */
  sample<T>(items: readonly T[], k: number): T[] {
    const copy = [...items];
    for (let i = 0; i < k && i < copy.length; i++) {
      const j = i + Math.floor(this.next() * (copy.length - i));
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    }
    return copy.slice(0, k);
  }
}

/** Adds days to an ISO date. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function parseArgs(argv: string[]): Record<string, string | true> {
  const result: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) continue;
    const [key, inline] = arg.slice(2).split('=', 2) as [string, string | undefined];
    if (inline !== undefined) result[key] = inline;
    else if (argv[i + 1] !== undefined && !argv[i + 1]!.startsWith('--')) result[key] = argv[++i]!;
    else result[key] = true;
  }
  return result;
}
