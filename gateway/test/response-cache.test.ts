/**
 * The response cache (src/response-cache.ts): whole answers kept per operation, variables and
 * visibility scope, invalidated by every mutation through the subgraphs it called.
 *
 * Correctness first: an answer made for one scope is never served to another, unpublished material
 * never reaches an entry a lesser scope reads, a mutation's caller reads its own write at once
 * (through another gateway sharing Redis too), an answer computed while a mutation commits is not
 * served after it, and answers with errors are never kept.
 */
import { randomUUID } from 'node:crypto';
import { ApolloServer } from '@apollo/server';
import { Registry } from 'prom-client';
import { ANONYMOUS_CALLER, type Caller } from '@safeguarding/auth';
import { grant, startAnotherGateway, startTestFederation, type TestFederation, tokenFor } from '@safeguarding/testkit';
import { createResponseCache, RESPONSE_CACHE_HEADER, type ResponseCacheContext, visibilityScope } from '../src/response-cache';

const MACHINE_REDIS = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const SHROPSHIRE = 'shropshire';
const TELFORD_EXECUTIVE = 'telford-and-wrekin.executive';
const telfordAdmin = [grant('partnership-admin', 'telford-and-wrekin')];
const shropshireMember = [grant('member', SHROPSHIRE)];
const solihullMember = [grant('member', 'solihull')];
const analyst = [grant('analyst')];

const REVIEWS = `query ($slug: String!) { partnership(slug: $slug) { id reviews { id status } } }`;
const PURPOSE = `query ($id: ID!) { body(id: $id) { id purpose version } }`;
const THRESHOLDS = `query ($slug: String!) { thresholdModels(partnershipSlug: $slug) { id } }`;

const isPublished = (status: string) => status === 'PUBLISHED' || status === 'LEARNING_BRIEFING_PUBLISHED';

describe('visibility scope', () => {
  it('is the grants, not who holds them, in any order', () => {
    const one: Caller = { subject: 'a', grants: [grant('member', SHROPSHIRE), grant('analyst')] };
    const other: Caller = { subject: 'b', grants: [grant('analyst'), grant('member', SHROPSHIRE)] };
    expect(visibilityScope(one)).toBe(visibilityScope(other));
    expect(visibilityScope(ANONYMOUS_CALLER)).toBe('public');
    expect(visibilityScope({ subject: 'a', grants: [grant('member', 'solihull')] })).not.toBe(visibilityScope(one));
    expect(visibilityScope({ subject: 'a', grants: [grant('partnership-admin', SHROPSHIRE)] })).not.toBe(
      visibilityScope({ subject: 'a', grants: [grant('member', SHROPSHIRE)] }),
    );
  });
});

describe('an answer computed while a mutation commits', () => {
  it('is not served after the mutation (its entry holds the generation from before)', async () => {
    const cache = createResponseCache({
      subgraphs: ['local'],
      settings: { ttlSeconds: 60, memoryMegabytes: 1, namespace: 'race' },
      shared: undefined,
      registry: new Registry(),
    });
    let value = 'before';
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let holdReads = true;
    const server = new ApolloServer<ResponseCacheContext>({
      typeDefs: 'type Query { value: String } type Mutation { setValue(to: String!): String }',
      resolvers: {
        Query: {
          async value(_parent: unknown, _args: unknown, context: ResponseCacheContext) {
            context.subgraphsCalled?.add('local');
            const read = value;
            if (holdReads) await gate;
            return read;
          },
        },
        Mutation: {
          setValue(_parent: unknown, { to }: { to: string }, context: ResponseCacheContext) {
            context.subgraphsCalled?.add('local');
            value = to;
            return to;
          },
        },
      },
      plugins: [cache.plugin],
    });
    await server.start();
    const ask = (query: string) => server.executeOperation({ query }, { contextValue: { caller: ANONYMOUS_CALLER } });
    const valueOf = (response: Awaited<ReturnType<typeof ask>>) => (response.body.kind === 'single' ? response.body.singleResult.data : undefined);
    try {
      const slowRead = ask('{ value }');
      // The read has looked up the cache and read "before"; the mutation commits meanwhile.
      await new Promise((resolve) => setTimeout(resolve, 50));
      await ask('mutation { setValue(to: "after") }');
      release();
      expect(valueOf(await slowRead)).toEqual({ value: 'before' });
      holdReads = false;
      const next = await ask('{ value }');
      expect(valueOf(next)).toEqual({ value: 'after' });
      expect(next.http.headers.get(RESPONSE_CACHE_HEADER)).toBe('miss');
      expect((await ask('{ value }')).http.headers.get(RESPONSE_CACHE_HEADER)).toBe('hit');
    } finally {
      await server.stop();
    }
  });
});

describe.each([
  ['in memory', undefined],
  ['in Redis', MACHINE_REDIS],
])('the response cache %s', (_where, redisUrl) => {
  const settings = { ttlSeconds: 300, memoryMegabytes: 16, namespace: `test-${randomUUID()}` };
  let federation: TestFederation;

  beforeAll(async () => {
    federation = await startTestFederation({ only: ['arrangements', 'reviews', 'thresholds'], gateway: { responseCache: settings, redisUrl } });
  });
  afterAll(async () => {
    await federation?.stop();
  });

  it('serves the same answer again, marked as a hit, to another caller with the same grants', async () => {
    const first = await federation.query(THRESHOLDS, { variables: { slug: 'solihull' }, as: analyst });
    expect(first.errors).toBeUndefined();
    expect(first.headers.get(RESPONSE_CACHE_HEADER)).toBe('miss');
    expect(first.data!.thresholdModels.length).toBeGreaterThan(0);
    const again = await federation.query(THRESHOLDS, { variables: { slug: 'solihull' }, authorization: `Bearer ${tokenFor(analyst, 'another-analyst')}` });
    expect(again.headers.get(RESPONSE_CACHE_HEADER)).toBe('hit');
    expect(again.data).toEqual(first.data);
    const otherVariables = await federation.query(THRESHOLDS, { variables: { slug: 'shropshire' }, as: analyst });
    expect(otherVariables.headers.get(RESPONSE_CACHE_HEADER)).toBe('miss');
  });

  it("never serves a member's answer, with its unpublished reviews, to anybody who may not see them", async () => {
    const member = await federation.query(REVIEWS, { variables: { slug: SHROPSHIRE }, as: shropshireMember });
    expect(member.errors).toBeUndefined();
    const memberReviews = member.data!.partnership.reviews as { id: string; status: string }[];
    const unpublished = memberReviews.filter((review) => !isPublished(review.status)).map((review) => review.id);
    expect(unpublished.length).toBeGreaterThan(0);
    expect((await federation.query(REVIEWS, { variables: { slug: SHROPSHIRE }, as: shropshireMember })).headers.get(RESPONSE_CACHE_HEADER)).toBe('hit');

    for (const as of [undefined, analyst, solihullMember, [grant('member', 'telford-and-wrekin')]]) {
      for (const attempt of ['miss', 'hit']) {
        const answer = await federation.query(REVIEWS, { variables: { slug: SHROPSHIRE }, as });
        expect(answer.errors).toBeUndefined();
        // The first ask of each scope computes its own answer; the second is that scope's own entry.
        expect(answer.headers.get(RESPONSE_CACHE_HEADER)).toBe(attempt);
        const seen = (answer.data!.partnership.reviews as { id: string; status: string }[]).map((review) => review.id);
        expect(seen.filter((id) => unpublished.includes(id))).toEqual([]);
        expect(seen.length).toBe(memberReviews.length - unpublished.length);
      }
    }
  });

  it('shows a mutation to its caller on the next read, and keeps answers of the subgraphs it did not touch', async () => {
    const before = await federation.query(PURPOSE, { variables: { id: TELFORD_EXECUTIVE } });
    await federation.query(THRESHOLDS, { variables: { slug: 'telford-and-wrekin' } });
    expect((await federation.query(PURPOSE, { variables: { id: TELFORD_EXECUTIVE } })).headers.get(RESPONSE_CACHE_HEADER)).toBe('hit');

    const purpose = `Purpose ${randomUUID()}`;
    const changed = await federation.query(
      `mutation ($id: ID!, $v: Int!, $purpose: String) { updateBody(id: $id, expectedVersion: $v, input: { purpose: $purpose }) { id } }`,
      {
        variables: { id: TELFORD_EXECUTIVE, v: before.data!.body.version, purpose },
        as: telfordAdmin,
      },
    );
    expect(changed.errors).toBeUndefined();

    const after = await federation.query(PURPOSE, { variables: { id: TELFORD_EXECUTIVE } });
    expect(after.headers.get(RESPONSE_CACHE_HEADER)).toBe('miss');
    expect(after.data!.body.purpose).toBe(purpose);
    // Thresholds answered nothing of the mutation: its entry stands.
    expect((await federation.query(THRESHOLDS, { variables: { slug: 'telford-and-wrekin' } })).headers.get(RESPONSE_CACHE_HEADER)).toBe('hit');
  });

  it('invalidates on a refused mutation too (a refusal is cheap to recompute; a partial write must not be missed)', async () => {
    await federation.query(PURPOSE, { variables: { id: TELFORD_EXECUTIVE } });
    expect((await federation.query(PURPOSE, { variables: { id: TELFORD_EXECUTIVE } })).headers.get(RESPONSE_CACHE_HEADER)).toBe('hit');
    const refused = await federation.query(`mutation { updateBody(id: "${TELFORD_EXECUTIVE}", expectedVersion: -5, input: { purpose: "stale" }) { id } }`, {
      as: telfordAdmin,
    });
    expect(refused.errors?.[0]?.extensions?.code).toBeDefined();
    expect((await federation.query(PURPOSE, { variables: { id: TELFORD_EXECUTIVE } })).headers.get(RESPONSE_CACHE_HEADER)).toBe('miss');
  });

  it('never keeps an answer with an error', async () => {
    const trail = `{ partnership(slug: "telford-and-wrekin") { id arrangementsAuditTrail { id } } }`;
    for (let attempt = 0; attempt < 2; attempt++) {
      const refused = await federation.query(trail, { as: solihullMember });
      expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(refused.headers.get(RESPONSE_CACHE_HEADER)).toBe('miss');
    }
  });

  it('keeps no mutation answer', async () => {
    const version = (await federation.query(PURPOSE, { variables: { id: TELFORD_EXECUTIVE } })).data!.body.version as number;
    const changed = await federation.query(
      `mutation ($v: Int!) { updateBody(id: "${TELFORD_EXECUTIVE}", expectedVersion: $v, input: { purpose: "Kept no answer" }) { id version } }`,
      {
        variables: { v: version },
        as: telfordAdmin,
      },
    );
    expect(changed.errors).toBeUndefined();
    expect(changed.headers.get(RESPONSE_CACHE_HEADER)).toBeNull();
  });
});

describe('two gateways sharing Redis', () => {
  const settings = { ttlSeconds: 300, memoryMegabytes: 16, namespace: `test-${randomUUID()}` };
  let federation: TestFederation;
  let second: Awaited<ReturnType<typeof startAnotherGateway>>;

  beforeAll(async () => {
    federation = await startTestFederation({ only: ['arrangements'], gateway: { responseCache: settings, redisUrl: MACHINE_REDIS } });
    second = await startAnotherGateway(federation, { responseCache: settings, redisUrl: MACHINE_REDIS });
  });
  afterAll(async () => {
    await second?.stop();
    await federation?.stop();
  });

  it('share entries, and a write through one is read through the other at once', async () => {
    const first = await federation.query(PURPOSE, { variables: { id: TELFORD_EXECUTIVE } });
    expect(first.headers.get(RESPONSE_CACHE_HEADER)).toBe('miss');
    const shared = await second.query(PURPOSE, { variables: { id: TELFORD_EXECUTIVE } });
    expect(shared.headers.get(RESPONSE_CACHE_HEADER)).toBe('hit');
    expect(shared.data).toEqual(first.data);

    const purpose = `Written through the first gateway ${randomUUID()}`;
    const changed = await federation.query(
      `mutation ($v: Int!, $purpose: String) { updateBody(id: "${TELFORD_EXECUTIVE}", expectedVersion: $v, input: { purpose: $purpose }) { id } }`,
      {
        variables: { v: first.data!.body.version, purpose },
        as: telfordAdmin,
      },
    );
    expect(changed.errors).toBeUndefined();
    const read = await second.query(PURPOSE, { variables: { id: TELFORD_EXECUTIVE } });
    expect(read.headers.get(RESPONSE_CACHE_HEADER)).toBe('miss');
    expect(read.data!.body.purpose).toBe(purpose);
  });
});

describe('a response cache whose Redis is unreachable', () => {
  let federation: TestFederation;
  beforeAll(async () => {
    federation = await startTestFederation({
      only: ['arrangements'],
      gateway: { responseCache: { ttlSeconds: 300, memoryMegabytes: 16, namespace: 'unreachable' }, redisUrl: 'redis://127.0.0.1:1' },
    });
  });
  afterAll(async () => {
    await federation?.stop();
  });

  it('answers every query from the subgraphs, and keeps nothing', async () => {
    for (let attempt = 0; attempt < 2; attempt++) {
      const answer = await federation.query(PURPOSE, { variables: { id: TELFORD_EXECUTIVE } });
      expect(answer.errors).toBeUndefined();
      expect(answer.data!.body.id).toBe(TELFORD_EXECUTIVE);
      expect(answer.headers.get(RESPONSE_CACHE_HEADER)).toBeNull();
    }
  });
});
