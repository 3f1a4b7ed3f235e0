import fs from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { openSubgraphDatabase } from '@safeguarding/database';
import { BODY_KINDS, ORGANISATION_SECTORS } from '@safeguarding/packs';
import { loadSubgraphModule } from '@safeguarding/testkit';
import {
  addDays,
  BENCH_AS_OF,
  benchDatabaseUrl,
  benchSlug,
  builtSubgraphs,
  ensureDatabase,
  GROWTH_ORGANISATIONS,
  GROWTH_PARTNERSHIPS,
  isLarge,
  LARGE_PARTNERSHIP_BODIES,
  parseArgs,
  PARTNERSHIPS_PER_SCALE,
  Random,
} from './common';

/**
 * `npm run bench:data -- --scale N`: migrates every built subgraph's schema in the bench database,
 * empties it, loads the normal seed (the three real partnerships, so the README's queries still
 * work), then bulk-loads N x the regional size of synthetic data with COPY: 3N partnerships
 * bench-0001..., about 33 bodies, 20 seats per body, 330 reviews and 1,300 training bookings per
 * partnership on average, skewed: one partnership in 50 (bench-0001, bench-0051, ...) is very
 * large. Each partnership's content depends only on its index and the fixed seed, never on N, so
 * bench-0001 is the same partnership at every scale (the journeys query it).
 */

const SEED = 20251126;
const SYNTHETIC = { document: 'synthetic', section: 'bench/src/generate-data.ts (fixed seed); not from any document', synthetic: true };
const TODAY = '2026-11-26';

interface TableTiming {
  table: string;
  rows: number;
  milliseconds: number;
}
const timings: TableTiming[] = [];

// ---------- COPY ----------

const escapeCopy = (text: string) => text.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t');
const pgArray = (items: readonly string[]) => `{${items.map((item) => `"${item.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;

function copyValue(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  if (Array.isArray(value)) return escapeCopy(pgArray(value.map(String)));
  if (typeof value === 'object') return escapeCopy(JSON.stringify(value));
  if (typeof value === 'boolean') return value ? 't' : 'f';
  // What is left in a generated row: strings, numbers and bigints.
  const scalar = value as string | number | bigint;
  return escapeCopy(String(scalar));
}

/** COPY rows into a table, in chunks of text lines; records rows and time. */
async function copyRows(client: Client, table: string, columns: string[], rows: Iterable<unknown[]>): Promise<number> {
  const started = performance.now();
  let count = 0;
  function* chunks(): Generator<string> {
    let buffer: string[] = [];
    for (const row of rows) {
      buffer.push(`${row.map(copyValue).join('\t')}\n`);
      count++;
      if (buffer.length >= 2000) {
        yield buffer.join('');
        buffer = [];
      }
    }
    if (buffer.length) yield buffer.join('');
  }
  const stream = client.query(copyFrom(`COPY ${table} (${columns.map((c) => `"${c}"`).join(', ')}) FROM STDIN`));
  await pipeline(Readable.from(chunks()), stream);
  timings.push({ table, rows: count, milliseconds: performance.now() - started });
  return count;
}

// ---------- The synthetic plan (deterministic per partnership index) ----------

/** The registry's sectors a synthetic partnership's organisations are drawn from, in the registry's order (not the last three). */
const SECTORS = ORGANISATION_SECTORS.filter((sector) => !['INDEPENDENT', 'PARTNERSHIP_BUSINESS_UNIT', 'OTHER_PUBLIC_SERVICE'].includes(sector));
const ORG_NAMES = [
  'Council',
  'Police',
  'Integrated Care Board',
  'NHS Trust',
  'Probation Delivery Unit',
  'Youth Justice Service',
  'Fire and Rescue',
  'Academy Trust',
  'Housing Association',
  'Community Trust',
  'GP Federation',
];
/** The kinds of a synthetic partnership's groups: every body kind but the top-level ones (its board and executive are made apart). */
const GROUP_KINDS = BODY_KINDS.filter((kind) => !['PARTNERSHIP_BOARD', 'EXECUTIVE', 'LEAD_PARTNERS_FORUM', 'WIDER_PARTNERSHIP'].includes(kind));
const FREQUENCIES = [
  { meetingsPerYear: 4, description: 'quarterly', period: 'FINANCIAL_YEAR' },
  { meetingsPerYear: 6, description: 'bi-monthly', period: 'FINANCIAL_YEAR' },
  { meetingsPerYear: 12, description: 'monthly', period: 'CALENDAR_YEAR' },
];
const POLICE_FORCES = ['West Mercia Police', 'West Midlands Police', 'Staffordshire Police', 'Warwickshire Police', 'Metropolitan Police'];

interface Organisation {
  id: string;
  name: string;
  sector: string;
}
interface BodyPlan {
  id: string;
  name: string;
  kind: string;
  reportsTo: string | null;
  frequency: (typeof FREQUENCIES)[number];
}
interface PartnershipPlan {
  index: number;
  slug: string;
  /** Set for the growth partnerships; the others are named by their index. */
  name?: string;
  large: boolean;
  organisations: Organisation[];
  bodies: BodyPlan[];
  /** Exactly this many seats in every body (the growth partnerships); 12-32 otherwise. */
  seatsPerBody?: number;
}

/** A fixed shape instead of the index's: the growth partnerships. */
interface Shape {
  slug: string;
  bodies: number;
  organisations: number;
}

function planPartnership(index: number, shape?: Shape): PartnershipPlan {
  const random = new Random(SEED * 31 + index);
  const slug = shape?.slug ?? benchSlug(index);
  const large = shape ? false : isLarge(index);
  const organisations = Array.from({ length: shape?.organisations ?? (large ? 120 : 40) }, (_, k) => {
    const sector = k < SECTORS.length ? SECTORS[k]! : random.pick(SECTORS);
    return {
      id: `${slug}-org-${String(k + 1).padStart(3, '0')}`,
      name: `${ORG_NAMES[SECTORS.indexOf(sector)] ?? 'Agency'} ${slug.toUpperCase()} ${k + 1}`,
      sector,
    };
  });
  const bodyCount = shape?.bodies ?? (large ? LARGE_PARTNERSHIP_BODIES : random.int(15, 45));
  const bodies: BodyPlan[] = [];
  for (let k = 1; k <= bodyCount; k++) {
    const kind = k === 1 ? 'PARTNERSHIP_BOARD' : k === 2 ? 'EXECUTIVE' : random.pick(GROUP_KINDS);
    const id = `${slug}.body-${String(k).padStart(3, '0')}`;
    const reportsTo = k === 1 ? null : k <= 6 ? `${slug}.body-001` : `${slug}.body-${String(random.int(2, Math.min(k - 1, 12))).padStart(3, '0')}`;
    bodies.push({ id, name: `${kind.toLowerCase().replace(/_/g, ' ')} ${k} (${slug})`, kind, reportsTo, frequency: random.pick(FREQUENCIES) });
  }
  return { index, slug, large, organisations, bodies };
}

/**
 * The growth partnerships: indices after any scale's (so their seeded randomness never overlaps a
 * bench-NNNN partnership's), organisations from their own registry as the others, exactly
 * `seatsPerBody` seats in each body. Synthetic like the rest.
 */
function planGrowthPartnerships(): PartnershipPlan[] {
  return GROWTH_PARTNERSHIPS.map((growth, k) => ({
    ...planPartnership(9001 + k, { slug: growth.slug, bodies: growth.bodies, organisations: GROWTH_ORGANISATIONS }),
    name: `Bench Safeguarding Partnership of ${(growth.bodies * growth.seatsPerBody).toLocaleString('en-GB')} seats (growth)`,
    seatsPerBody: growth.seatsPerBody,
  }));
}

// ---------- Loaders per subgraph ----------

async function loadArrangements(client: Client, plans: PartnershipPlan[]): Promise<void> {
  const random = new Random(SEED + 1);
  await copyRows(
    client,
    'arrangements.partnership',
    [
      'id',
      'name',
      'short_name',
      'police_force',
      'population_value',
      'population_year',
      'population_description',
      'population_source',
      'independent_scrutiny',
      'independent_scrutiny_source',
      'source',
    ],
    plans.map((p) => [
      p.slug,
      p.name ?? `Bench Safeguarding Partnership ${p.index}${p.large ? ' (large)' : ''}`,
      `Bench ${p.index}`,
      POLICE_FORCES[p.index % POLICE_FORCES.length],
      p.large ? 1_400_000 : 120_000 + ((p.index * 7919) % 600_000),
      '2023',
      'Mid-year population estimate (synthetic)',
      SYNTHETIC,
      'An independent scrutineer reviews the arrangements yearly (synthetic).',
      SYNTHETIC,
      SYNTHETIC,
    ]),
  );
  const kinds = ['CHILDREN_SAFEGUARDING_PARTNERSHIP', 'SAFEGUARDING_ADULTS_BOARD', 'COMMUNITY_SAFETY_PARTNERSHIP'];
  await copyRows(
    client,
    'arrangements.statutory_function',
    ['id', 'partnership_id', 'kind', 'description', 'source'],
    plans.flatMap((p) =>
      kinds.slice(0, 1 + (p.index % 3)).map((kind) => [random.uuid(), p.slug, kind, `${kind.toLowerCase().replace(/_/g, ' ')} (synthetic)`, SYNTHETIC]),
    ),
  );
  await copyRows(
    client,
    'arrangements.lead_safeguarding_partner',
    ['id', 'partnership_id', 'organisation_id', 'lead_post', 'delegated_post', 'source'],
    plans.flatMap((p) => p.organisations.slice(0, 3).map((o) => [random.uuid(), p.slug, o.id, 'Chief Executive', 'Director', SYNTHETIC])),
  );
  const budgets = plans.map((p) => ({ id: random.uuid(), plan: p }));
  await copyRows(
    client,
    'arrangements.budget',
    ['id', 'partnership_id', 'financial_year', 'total_minor_units', 'accountable_body_organisation_id', 'description', 'source'],
    budgets.map(({ id, plan }) => [
      id,
      plan.slug,
      '2025-26',
      15_000_000 + plan.index * 10_000,
      plan.organisations[0]!.id,
      'Partnership budget (synthetic)',
      SYNTHETIC,
    ]),
  );
  await copyRows(
    client,
    'arrangements.budget_contribution',
    ['id', 'budget_id', 'organisation_id', 'amount_minor_units', 'description', 'source'],
    budgets.flatMap(({ id, plan }) =>
      plan.organisations.slice(0, 3).map((o, k) => [random.uuid(), id, o.id, [7_500_000, 4_500_000, 3_000_000][k], null, SYNTHETIC]),
    ),
  );
  await copyRows(
    client,
    'arrangements.body',
    ['id', 'name', 'kind', 'purpose', 'reports_to_body_id', 'meeting_frequency', 'valid_from', 'source'],
    plans.flatMap((p) =>
      p.bodies.map((b) => [
        b.id,
        b.name,
        b.kind,
        `Synthetic ${b.kind.toLowerCase().replace(/_/g, ' ')} of ${p.slug}`,
        b.reportsTo,
        b.frequency,
        '2020-04-01',
        SYNTHETIC,
      ]),
    ),
  );
  await copyRows(
    client,
    'arrangements.body_partnership',
    ['body_id', 'partnership_id'],
    plans.flatMap((p) => p.bodies.map((b) => [b.id, p.slug])),
  );
  // Body.reportsTo is read from the dated reporting lines since issue 16; the migration copied
  // reports_to_body_id into them once, before this load, so the synthetic bodies need theirs here.
  await copyRows(
    client,
    'arrangements.body_reporting_line',
    ['body_id', 'parent_body_id', 'kind'],
    plans.flatMap((p) => p.bodies.filter((b) => b.reportsTo !== null).map((b) => [b.id, b.reportsTo, 'REPORTS_TO'])),
  );
  // Meetings: evenly spread by each body's frequency, April 2025 to March 2027; held before the bench date, a few cancelled.
  function* meetings(): Generator<unknown[]> {
    for (const p of plans) {
      for (const b of p.bodies) {
        const every = Math.round(365 / b.frequency.meetingsPerYear);
        for (let date = addDays('2025-04-01', random.int(0, every - 1)); date <= '2027-03-31'; date = addDays(date, every)) {
          const past = date < BENCH_AS_OF;
          yield [random.uuid(), b.id, date, '10:00', null, random.chance(0.3), past ? (random.chance(0.08) ? 'CANCELLED' : 'HELD') : 'SCHEDULED', SYNTHETIC];
        }
      }
    }
  }
  await copyRows(client, 'arrangements.meeting', ['id', 'body_id', 'meeting_date', 'start_time', 'location', 'is_virtual', 'status', 'source'], meetings());

  // The forum's meeting gets a draft agenda of 12 items, so the agenda journey has items to read.
  const next = await client.query<{ id: string }>(
    // Its next meeting on or after the bench date, else its latest.
    `SELECT id FROM arrangements.meeting WHERE body_id = 'joint.lsp-forum' ORDER BY meeting_date >= $1 DESC, abs(meeting_date - $1::date) LIMIT 1`,
    [BENCH_AS_OF],
  );
  const meetingId = next.rows[0]?.id;
  if (meetingId) {
    const agendaId = random.uuid();
    await client.query(`INSERT INTO arrangements.agenda (id, meeting_id, status, version, published_version) VALUES ($1, $2, 'DRAFT', 13, 0)`, [
      agendaId,
      meetingId,
    ]);
    await copyRows(
      client,
      'arrangements.agenda_item',
      ['id', 'agenda_id', 'position', 'section', 'title', 'owner_partnership_id', 'minutes_allotted', 'added_by'],
      Array.from({ length: 12 }, (_, k) => [
        random.uuid(),
        agendaId,
        k + 1,
        k < 4 ? 'JOINT' : k < 8 ? 'CHILDREN' : 'ADULTS',
        `Bench agenda item ${k + 1}`,
        k % 2 ? 'shropshire' : 'telford-and-wrekin',
        10,
        'bench',
      ]),
    );
  }
}

async function loadMembership(client: Client, plans: PartnershipPlan[]): Promise<void> {
  const random = new Random(SEED + 2);
  await copyRows(
    client,
    'membership.organisation',
    ['id', 'name', 'sector', 'also_known_as', 'source'],
    plans.flatMap((p) => p.organisations.map((o) => [o.id, o.name, o.sector, [], SYNTHETIC])),
  );
  await copyRows(
    client,
    'membership.body_reference',
    ['body_id', 'kind', 'partnership_ids'],
    plans.flatMap((p) => p.bodies.map((b) => [b.id, b.kind, [p.slug]])),
  );
  function* seats(): Generator<unknown[]> {
    for (const p of plans) {
      for (const b of p.bodies) {
        const members = random.sample(p.organisations, Math.min(p.organisations.length, p.seatsPerBody ?? random.int(12, 32)));
        for (const [k, o] of members.entries()) {
          const role = k === 0 ? 'CHAIR' : k === 1 ? 'VICE_CHAIR' : random.chance(0.1) ? 'VIRTUAL_MEMBER' : 'MEMBER';
          yield [random.uuid(), b.id, o.id, role, '2024-04-01', SYNTHETIC];
        }
      }
    }
  }
  await copyRows(client, 'membership.body_membership', ['id', 'body_id', 'organisation_id', 'role', 'start_date', 'source'], seats());
}

async function loadReviews(client: Client, plans: PartnershipPlan[]): Promise<void> {
  const random = new Random(SEED + 3);
  const kinds = (await client.query<{ id: string; code_prefix: string }>('SELECT id, code_prefix FROM reviews.review_kind ORDER BY sort_order')).rows;
  const themes = (await client.query<{ id: string }>('SELECT id FROM reviews.theme ORDER BY id')).rows.map((row) => row.id);
  if (kinds.length === 0 || themes.length === 0) throw new Error('The reviews seed loaded no review kinds or themes; cannot generate reviews.');
  await copyRows(
    client,
    'reviews.partnership',
    ['id'],
    plans.map((p) => [p.slug]),
  );
  // The seed's partnerships take their clocks from their packs; no regional default exists, so each
  // bench partnership works to Shropshire's (labelled synthetic here), and due dates are computed as for the three.
  await client.query(
    `INSERT INTO reviews.review_clock (partnership_id, review_kind_id, milestone, length, unit, starts_from, source)
     SELECT bench.slug, clock.review_kind_id, clock.milestone, clock.length, clock.unit, clock.starts_from, $1::jsonb
       FROM reviews.review_clock clock CROSS JOIN unnest($2::text[]) AS bench(slug)
      WHERE clock.partnership_id = 'shropshire'`,
    [JSON.stringify(SYNTHETIC), plans.map((p) => p.slug)],
  );
  const links: unknown[][] = [];
  function* reviews(): Generator<unknown[]> {
    for (const p of plans) {
      const partnershipRandom = new Random(SEED * 17 + p.index);
      const count = p.large ? 1600 : partnershipRandom.int(150, 500);
      for (let k = 0; k < count; k++) {
        const kind = random.pick(kinds);
        const id = random.uuid();
        const code = `${kind.code_prefix} ${String.fromCharCode(65 + Math.floor(k / 1000))}${k % 1000}`;
        const notified = addDays('2016-01-01', random.int(0, 3950));
        let started: string | null = addDays(notified, random.int(5, 30));
        let signed: string | null = addDays(started, random.int(60, 400));
        let published: string | null = addDays(signed, random.int(10, 60));
        let briefing: string | null = random.chance(0.7) ? addDays(signed, random.int(5, 40)) : null;
        const roll = random.next();
        if (roll > 0.8 || published > TODAY) published = null;
        if (roll > 0.9 || signed > TODAY) {
          signed = null;
          published = null;
        }
        if (roll > 0.96 || started > TODAY) started = null;
        if (!signed || (briefing && briefing > TODAY)) briefing = null;
        const status = published ? 'PUBLISHED' : signed ? 'SIGNED_OFF' : started ? 'IN_PROGRESS' : 'NOTIFIED';
        for (const theme of random.sample(themes, random.int(1, 3))) links.push([id, theme]);
        yield [id, p.slug, kind.id, code, status, notified, started, signed, published, briefing, true];
      }
    }
  }
  await copyRows(
    client,
    'reviews.review',
    [
      'id',
      'partnership_id',
      'review_kind_id',
      'code',
      'status',
      'notified_on',
      'started_on',
      'signed_off_on',
      'published_on',
      'learning_briefing_published_on',
      'is_synthetic',
    ],
    reviews(),
  );
  await copyRows(client, 'reviews.review_theme', ['review_id', 'theme_id'], links);
}

async function loadThresholds(client: Client, plans: PartnershipPlan[]): Promise<void> {
  const regional = (await client.query<{ id: string }>('SELECT id FROM thresholds.regional_level ORDER BY rank')).rows.map((row) => row.id);
  await copyRows(
    client,
    'thresholds.threshold_model',
    ['id', 'partnership_id', 'title', 'effective_from', 'verified', 'provenance', 'source'],
    plans.map((p) => [`${p.slug}.2024`, p.slug, `Threshold of need guidance (${p.slug}, synthetic)`, '2024-04-01', false, 'Synthetic bench data', SYNTHETIC]),
  );
  const levels = plans.flatMap((p) => [1, 2, 3, 4].map((rank) => ({ id: `${p.slug}.2024.level-${rank}`, model: `${p.slug}.2024`, rank })));
  await copyRows(
    client,
    'thresholds.threshold_level',
    ['id', 'model_id', 'code', 'rank', 'name', 'responses', 'verified', 'provenance', 'source'],
    levels.map((l) => [l.id, l.model, `level-${l.rank}`, l.rank, `Level ${l.rank}`, ['UNIVERSAL_SERVICES'], false, 'Synthetic bench data', SYNTHETIC]),
  );
  await copyRows(
    client,
    'thresholds.threshold_indicator',
    ['id', 'level_id', 'position', 'text', 'source'],
    levels.flatMap((l) =>
      [1, 2, 3, 4, 5, 6].map((n) => [
        `${l.id}.${n}`,
        l.id,
        n,
        `Synthetic indicator ${n} of need at level ${l.rank}: missed health appointments and poor school attendance`,
        SYNTHETIC,
      ]),
    ),
  );
  if (regional.length) {
    await copyRows(
      client,
      'thresholds.crosswalk_mapping',
      ['level_id', 'regional_level_ids', 'rationale', 'confidence', 'source'],
      levels.map((l) => [l.id, [regional[Math.min(l.rank, regional.length) - 1]!], 'Synthetic mapping by rank', 'LOW', SYNTHETIC]),
    );
  }
}

async function loadTraining(client: Client, plans: PartnershipPlan[]): Promise<void> {
  const random = new Random(SEED + 5);
  const themes = (await client.query<{ id: string }>('SELECT id FROM reviews.theme ORDER BY id').catch(() => ({ rows: [] as { id: string }[] }))).rows.map(
    (r) => r.id,
  );
  const audiences = ['CHILDREN_AND_FAMILIES_WORKFORCE', 'ADULTS_WORKFORCE', 'WHOLE_WORKFORCE', 'MANAGERS_AND_SUPERVISORS'];
  const levels = ['AWARENESS', 'FOUNDATION', 'ADVANCED', 'SPECIALIST'];
  const methods = ['E_LEARNING', 'FACE_TO_FACE', 'VIRTUAL', 'CONFERENCE', 'CASE_STUDY', 'ACTION_LEARNING'];
  const courses = plans.flatMap((p) =>
    Array.from({ length: p.large ? 40 : 10 }, (_, k) => ({ id: `${p.slug}.course-${String(k + 1).padStart(2, '0')}`, plan: p })),
  );
  await copyRows(
    client,
    'training.course',
    ['id', 'title', 'summary', 'audience', 'level', 'informed_by', 'regional_procedure_chapters', 'source'],
    courses.map((c, k) => [c.id, `Bench course ${k + 1}`, 'Synthetic multi-agency course', audiences[k % 4], levels[k % 4], [], [], SYNTHETIC]),
  );
  await copyRows(
    client,
    'training.course_partnership',
    ['course_id', 'partnership_id'],
    courses.map((c) => [c.id, c.plan.slug]),
  );
  if (themes.length)
    await copyRows(
      client,
      'training.course_theme',
      ['course_id', 'theme_id'],
      courses.flatMap((c) => random.sample(themes, 2).map((t) => [c.id, t])),
    );
  const bookings: unknown[][] = [];
  const sessions: unknown[][] = [];
  for (const c of courses) {
    const perPartnership = new Random(SEED * 13 + c.plan.index);
    const targetBookings = c.plan.large ? 6000 : perPartnership.int(800, 1800);
    const sessionCount = 8;
    const perSession = Math.max(1, Math.round(targetBookings / ((c.plan.large ? 40 : 10) * sessionCount)));
    for (let s = 0; s < sessionCount; s++) {
      const sessionId = random.uuid();
      const heldOn = addDays('2024-04-01', random.int(0, 900));
      let booked = 0;
      for (const o of random.sample(c.plan.organisations, Math.min(perSession, c.plan.organisations.length))) {
        const places = random.int(1, 3);
        booked += places;
        bookings.push([random.uuid(), sessionId, o.id, o.sector, places, heldOn < TODAY ? random.int(0, places) : null, addDays(heldOn, -20), true]);
      }
      sessions.push([sessionId, c.id, heldOn, random.pick(methods), booked + random.int(0, 10), booked, SYNTHETIC]);
    }
  }
  await copyRows(client, 'training.training_session', ['id', 'course_id', 'held_on', 'delivery_method', 'capacity', 'booked_places', 'source'], sessions);
  await copyRows(
    client,
    'training.training_booking',
    ['id', 'session_id', 'organisation_id', 'organisation_sector', 'places', 'attended_places', 'booked_on', 'synthetic'],
    bookings,
  );
}

const LOADERS: Record<string, (client: Client, plans: PartnershipPlan[]) => Promise<void>> = {
  arrangements: loadArrangements,
  membership: loadMembership,
  reviews: loadReviews,
  thresholds: loadThresholds,
  training: loadTraining,
};

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const scale = Number(args.scale ?? 1);
  if (!Number.isInteger(scale) || scale < 1 || scale > 200) throw new Error('--scale must be a whole number from 1 to 200, e.g. --scale 50');
  const url = benchDatabaseUrl();
  await ensureDatabase(url);
  const started = performance.now();
  const subgraphs = builtSubgraphs();
  console.log(`Bench data at scale ${scale} into ${new URL(url).pathname.slice(1)}: subgraphs ${subgraphs.map((s) => s.name).join(', ')}`);

  // 1. Migrate, empty and seed each subgraph's schema (the real partnerships come from the seed).
  for (const { name } of subgraphs) {
    const module = loadSubgraphModule(name);
    const stepStarted = performance.now();
    const dataSource = await openSubgraphDatabase({
      url,
      schema: module.databaseSchema,
      entities: module.entities,
      migrations: module.migrations,
      poolSize: 2,
      applicationName: `bench-data-${name}`,
    });
    try {
      const tables = (
        await dataSource.query<{ table_name: string }[]>(
          `SELECT table_name FROM information_schema.tables WHERE table_schema = $1 AND table_type = 'BASE TABLE' AND table_name <> 'migrations'`,
          [module.databaseSchema],
        )
      ).map((row: { table_name: string }) => `"${module.databaseSchema}"."${row.table_name}"`);
      if (tables.length) await dataSource.query(`TRUNCATE ${tables.join(', ')} CASCADE`);
      await module.seed(dataSource);
    } finally {
      await dataSource.destroy();
    }
    console.log(`  ${name}: migrated, emptied and seeded in ${((performance.now() - stepStarted) / 1000).toFixed(1)} s`);
  }

  // 2. Bulk-load the synthetic partnerships.
  // The growth partnerships come last, so every bench-NNNN partnership draws the same numbers as before they existed.
  const plans = [...Array.from({ length: scale * PARTNERSHIPS_PER_SCALE }, (_, k) => planPartnership(k + 1)), ...planGrowthPartnerships()];
  const client = new Client({ connectionString: url, application_name: 'bench-data' });
  await client.connect();
  try {
    await client.query('SET synchronous_commit = off');
    for (const { name } of subgraphs) {
      const loader = LOADERS[name];
      if (!loader) {
        console.log(`  ${name}: no synthetic generator (seed only)`);
        continue;
      }
      try {
        await client.query('BEGIN');
        await loader(client, plans);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        // A subgraph whose tables are still changing (another engineer's work in progress) is left with its seed only.
        console.error(`  ${name}: synthetic load failed, left with its seed only: ${(error as Error).message}`);
        timings.push({ table: `${name} (FAILED: ${(error as Error).message.slice(0, 60)})`, rows: 0, milliseconds: 0 });
      }
      await client.query(`ANALYZE`);
    }
  } finally {
    await client.end();
  }

  console.log('\n| table | rows | seconds | rows/s |\n| --- | ---: | ---: | ---: |');
  for (const t of timings) {
    console.log(
      `| ${t.table} | ${t.rows.toLocaleString('en-GB')} | ${(t.milliseconds / 1000).toFixed(2)} | ${t.milliseconds ? Math.round((t.rows / t.milliseconds) * 1000).toLocaleString('en-GB') : '-'} |`,
    );
  }
  // For `npm run bench:packs`, which sets COPY's rows per second beside a pack import's.
  if (typeof args['timings-json'] === 'string') fs.writeFileSync(args['timings-json'], `${JSON.stringify({ scale, timings }, null, 2)}\n`);
  const rows = timings.reduce((sum, t) => sum + t.rows, 0);
  const bulk = timings.reduce((sum, t) => sum + t.milliseconds, 0);
  console.log(
    `\nScale ${scale}: ${plans.length - GROWTH_PARTNERSHIPS.length} synthetic partnerships (+3 seeded, +${GROWTH_PARTNERSHIPS.length} for the growth run), ${rows.toLocaleString('en-GB')} synthetic rows bulk-loaded in ${(bulk / 1000).toFixed(1)} s; ` +
      `${((performance.now() - started) / 1000).toFixed(1)} s in all (migrations, seed, COPY, ANALYZE).`,
  );
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
