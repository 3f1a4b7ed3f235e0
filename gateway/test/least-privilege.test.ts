/**
 * Least privilege and row-level security in PostgreSQL (packages/database/src/roles.ts,
 * partnership-scope.ts; services/reviews/migrations/*-review-row-level-security.ts).
 *
 * On a real server (DATABASE_URL set): each subgraph serves requests as its runtime role, which
 * cannot read another subgraph's schema nor change any table's shape; and an unpublished review
 * stays inside its partnership even when the data layer is called without the resolver's check.
 * On the embedded server (PGlite, one session shared by every connection) there is one superuser
 * role, which row-level security does not bind: the last test says so.
 */
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import {
  ensureSubgraphRoles,
  openSubgraphDatabaseWithRoles,
  type OpenedSubgraphDatabase,
  partnershipScope,
  subgraphRoles,
  urlAsRole,
} from '@safeguarding/database';
import { presentSubgraphs } from '@safeguarding/gateway';
import { createTestDatabase, loadSubgraphModule, type TestDatabase } from '@safeguarding/testkit';

const onServer = Boolean(process.env.DATABASE_URL);
const describeOnServer: (name: string, body: () => void) => void = onServer ? describe : () => undefined;
const subgraphNames = presentSubgraphs().map((subgraph) => subgraph.name);

let database: TestDatabase;
const opened: Record<string, OpenedSubgraphDatabase> = {};

beforeAll(async () => {
  database = await createTestDatabase();
  // All at once, as `npm start` opens them: the role setup must not trip over itself.
  await Promise.all(
    subgraphNames.map(async (name) => {
      const module = loadSubgraphModule(name);
      opened[name] = await openSubgraphDatabaseWithRoles({
        url: database.url,
        schema: module.databaseSchema,
        entities: module.entities,
        migrations: module.migrations,
        poolSize: 2,
        applicationName: `least-privilege-${name}`,
        seed: name === 'reviews' ? (owner) => module.seed(owner) : undefined,
      });
    }),
  );
}, 120_000);

afterAll(async () => {
  for (const { dataSource } of Object.values(opened)) if (dataSource.isInitialized) await dataSource.destroy();
  await database?.drop();
});

async function asRuntimeRole<T>(name: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: urlAsRole(database.url, subgraphRoles(name).runtime) });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

describeOnServer('database roles on a real server', () => {
  it('gives every subgraph its own runtime role, not a superuser, and an owner role for its schema', async () => {
    for (const name of subgraphNames) {
      expect(opened[name]!.roles).toEqual({ owner: `safeguarding_${name}_owner`, runtime: `safeguarding_${name}_runtime` });
      const [row] = await opened[name]!.dataSource.query(
        `SELECT current_user AS "user", r.rolsuper AS superuser, r.rolbypassrls AS "bypassesRowSecurity", n.nspowner::regrole::text AS "schemaOwner"
           FROM pg_roles r, pg_namespace n WHERE r.rolname = current_user AND n.nspname = $1`,
        [name],
      );
      expect(row).toEqual({ user: `safeguarding_${name}_runtime`, superuser: false, bypassesRowSecurity: false, schemaOwner: `safeguarding_${name}_owner` });
    }
  });

  it("refuses arrangements' runtime connection the reviews tables", async () => {
    await asRuntimeRole('arrangements', async (client) => {
      await expect(client.query('SELECT count(*) FROM "reviews"."review"')).rejects.toMatchObject({
        code: '42501',
        message: 'permission denied for schema reviews',
      });
      // Its own schema is readable: the refusal is about the other schema, not the connection.
      expect((await client.query('SELECT count(*)::int AS n FROM "arrangements"."migrations"')).rows[0].n).toBeGreaterThan(0);
    });
  });

  it('lets no runtime role drop, alter, truncate or create a table', async () => {
    for (const name of subgraphNames) {
      await asRuntimeRole(name, async (client) => {
        await expect(client.query(`DROP TABLE "${name}"."audit_event"`)).rejects.toMatchObject({ code: '42501' });
        await expect(client.query(`ALTER TABLE "${name}"."audit_event" ADD COLUMN extra text`)).rejects.toMatchObject({ code: '42501' });
        await expect(client.query(`TRUNCATE "${name}"."audit_event"`)).rejects.toMatchObject({ code: '42501' });
        await expect(client.query(`CREATE TABLE "${name}"."intruder" (id int)`)).rejects.toMatchObject({ code: '42501' });
        await expect(client.query(`CREATE TABLE public.intruder (id int)`)).rejects.toMatchObject({ code: '42501' });
      });
    }
    // Still there, and still only the owner's.
    const [table] = await opened.reviews!.dataSource.query(`SELECT tableowner FROM pg_tables WHERE schemaname = 'reviews' AND tablename = 'review'`);
    expect(table).toEqual({ tableowner: 'safeguarding_reviews_owner' });
  });

  it('sets up the roles again without error, also several at once (idempotent, race-safe)', async () => {
    const again = await Promise.all(['reviews', 'reviews', 'training'].map((schema) => ensureSubgraphRoles(database.url, schema)));
    expect(again.map((roles) => roles.runtime)).toEqual(['safeguarding_reviews_runtime', 'safeguarding_reviews_runtime', 'safeguarding_training_runtime']);
  });
});

describeOnServer('row-level security for unpublished reviews on a real server', () => {
  let reviews: DataSource;
  let unpublished: { id: string; partnershipId: string; code: string };
  const loaders = () =>
    loadSubgraphModule('reviews').createLoaders(reviews) as {
      review: { load(id: string): Promise<{ id: string } | null> };
      reviewsByPartnershipNotified(from?: string | null, to?: string | null): { load(slug: string): Promise<{ id: string; status: string }[]> };
      learningPoints: { load(id: string): Promise<unknown[]> };
      reviewsByPartnership: { load(slug: string): Promise<{ id: string }[]> };
    };

  beforeAll(async () => {
    reviews = opened.reviews!.dataSource;
    const admin = new Client({ connectionString: database.url });
    await admin.connect();
    try {
      // Seeded: an unpublished review with learning points, of Shropshire.
      unpublished = (
        await admin.query(
          `SELECT r.id, r.partnership_id AS "partnershipId", r.code FROM reviews.review r
            WHERE r.status <> 'PUBLISHED' AND r.partnership_id = 'shropshire' ORDER BY r.code LIMIT 1`,
        )
      ).rows[0];
      await admin.query(
        `INSERT INTO reviews.learning_point (review_id, theme_id, text, position) SELECT $1, id, 'Row-level security test point', 99 FROM reviews.theme ORDER BY id LIMIT 1`,
        [unpublished.id],
      );
    } finally {
      await admin.end();
    }
    expect(unpublished).toMatchObject({ partnershipId: 'shropshire' });
  });

  it('gives the data layer, called without the resolver check, no unpublished review of another partnership', async () => {
    for (const partnerships of [[], ['solihull'], ['telford-and-wrekin', 'solihull']]) {
      await partnershipScope.run({ partnerships }, async () => {
        const direct = loaders();
        expect(await direct.review.load(unpublished.id)).toBeNull();
        const listed = await direct.reviewsByPartnershipNotified(null, null).load('shropshire');
        expect(listed.length).toBeGreaterThan(0);
        expect(listed.filter((review) => review.status !== 'PUBLISHED')).toEqual([]);
        expect(await direct.learningPoints.load(unpublished.id)).toEqual([]);
        // Plain SQL through the same pool, as a careless resolver might write it.
        expect(await reviews.query(`SELECT id FROM reviews.review WHERE id = $1`, [unpublished.id])).toEqual([]);
        await expect(reviews.query(`UPDATE reviews.review SET code = 'changed' WHERE id = $1`, [unpublished.id])).resolves.toEqual([[], 0]);
      });
    }
  });

  it('lets the caller of its own partnership see it, and counts still see every review', async () => {
    await partnershipScope.run({ partnerships: ['shropshire'] }, async () => {
      const inside = loaders();
      expect(await inside.review.load(unpublished.id)).toMatchObject({ id: unpublished.id, code: unpublished.code });
      expect((await inside.learningPoints.load(unpublished.id)).length).toBeGreaterThan(0);
    });
    // Outside any partnership, the counting view still has it (aggregates are over every review).
    await partnershipScope.run({ partnerships: [] }, async () => {
      expect((await loaders().reviewsByPartnership.load('shropshire')).map((review) => review.id)).toContain(unpublished.id);
    });
  });

  it('refuses to write an unpublished review into another partnership', async () => {
    await partnershipScope.run({ partnerships: ['solihull'] }, async () => {
      await expect(
        reviews.query(
          `INSERT INTO reviews.review (partnership_id, review_kind_id, code, status, notified_on) SELECT 'shropshire', id, 'RLS test', 'NOTIFIED', '2025-01-01' FROM reviews.review_kind LIMIT 1`,
        ),
      ).rejects.toMatchObject({ code: '42501', message: expect.stringContaining('row-level security') });
    });
  });
});

if (!onServer) {
  it('keeps one role on the embedded server, where row-level security does not bind it (see the file comment)', async () => {
    for (const name of subgraphNames) expect(opened[name]!.roles).toBeNull();
    const [row] = await opened.reviews!.dataSource.query(`SELECT r.rolsuper AS superuser FROM pg_roles r WHERE r.rolname = current_user`);
    expect(row).toEqual({ superuser: true });
  });
}
