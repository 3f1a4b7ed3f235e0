import { GATEWAY_ASSERTION_HEADER, signGatewayAssertion } from '@safeguarding/auth';
import { loadConfig } from '@safeguarding/config';
import { THEMES } from '@safeguarding/vocabulary';
import { grant, startTestFederation, type TestFederation } from '@safeguarding/testkit';
import { reviewReferenceFromPacks } from '../seed/load';
import { generateSyntheticReviews } from '../seed/synthetic-reviews';

/**
 * Reading reviews through the gateway with the synthetic seed: what each caller may see, the
 * vocabulary, the kinds and clocks. The generator (fixed seed) is the oracle for the counts.
 */
let federation: TestFederation;
beforeAll(async () => {
  federation = await startTestFederation({ only: ['arrangements', 'reviews'] });
});
afterAll(async () => {
  await federation?.stop();
});

const synthetic = generateSyntheticReviews(reviewReferenceFromPacks());
const ofPartnership = (slug: string) => synthetic.filter((review) => review.partnershipId === slug);
const member = (slug: string) => [grant('member', slug)];

const LIST = `query ($slug: String!, $filter: ReviewFilter) {
  partnership(slug: $slug) { name reviews(filter: $filter) { id code status isSynthetic kind { id } } }
}`;

describe('the synthetic seed', () => {
  it('holds a labelled synthetic set for all three partnerships, large enough to compare', () => {
    expect(synthetic).toHaveLength(104);
    for (const slug of ['shropshire', 'telford-and-wrekin', 'solihull']) expect(ofPartnership(slug).length).toBeGreaterThanOrEqual(30);
    expect(synthetic.every((review) => /^(Child|Adult|Case|Audit) [A-Z]{1,2}$/.test(review.code))).toBe(true);
    expect(synthetic.flatMap((review) => review.learningPoints).every((point) => point.text.startsWith('Synthetic example:'))).toBe(true);
  });

  it('is the same set on every run (fixed seed)', () => {
    expect(generateSyntheticReviews(reviewReferenceFromPacks())).toEqual(synthetic);
  });

  it("shows a partnership's members all its reviews, flagged synthetic", async () => {
    const { data, errors } = await federation.query(LIST, { variables: { slug: 'shropshire' }, as: member('shropshire') });
    expect(errors).toBeUndefined();
    expect(data!.partnership.name).toBe('Shropshire Safeguarding Community Partnership');
    const reviews = data!.partnership.reviews as { code: string; isSynthetic: boolean; status: string }[];
    expect(reviews.map((review) => review.code).sort()).toEqual(
      ofPartnership('shropshire')
        .map((review) => review.code)
        .sort(),
    );
    expect(reviews.every((review) => review.isSynthetic)).toBe(true);
    expect(reviews.some((review) => review.status !== 'PUBLISHED')).toBe(true);
  });
});

describe('visibility: unpublished reviews stay inside their partnership', () => {
  const published = ofPartnership('shropshire').filter((review) => review.status === 'PUBLISHED');
  const unpublished = ofPartnership('shropshire').find((review) => review.status !== 'PUBLISHED')!;

  it.each([
    ['an analyst', [grant('analyst')]],
    ['the anonymous public', undefined],
    ["another partnership's member", member('solihull')],
    ["another partnership's admin", [grant('partnership-admin', 'solihull')]],
    ['the forum secretariat', [grant('forum-secretariat')]],
  ])('lists only published reviews to %s', async (_who, as) => {
    const { data, errors } = await federation.query(LIST, { variables: { slug: 'shropshire' }, as });
    expect(errors).toBeUndefined();
    expect(published.length).toBeGreaterThan(0);
    expect(data!.partnership.reviews.map((review: { code: string }) => review.code).sort()).toEqual(published.map((review) => review.code).sort());
  });

  it('answers review(id) for an unpublished review only to its own partnership', async () => {
    const query = `query ($id: ID!) { review(id: $id) { code status learningPoints { text } } }`;
    const own = await federation.query(query, { variables: { id: unpublished.id }, as: [grant('partnership-admin', 'shropshire')] });
    expect(own.data!.review.code).toBe(unpublished.code);
    for (const as of [[grant('analyst')], member('telford-and-wrekin'), undefined]) {
      const outside = await federation.query(query, { variables: { id: unpublished.id }, as });
      expect(outside.errors).toBeUndefined();
      expect(outside.data!.review).toBeNull();
    }
    const publicOne = await federation.query(query, { variables: { id: published[0]!.id } });
    expect(publicOne.data!.review.code).toBe(published[0]!.code);
  });

  it('resolves references from other subgraphs (a forum agenda item) with the same visibility', async () => {
    const secret = loadConfig({ ...process.env, NODE_ENV: 'test' }).secrets.gateway;
    const entities = async (grants: ReturnType<typeof grant>[]) => {
      const response = await fetch(federation.subgraphUrls.reviews!, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [GATEWAY_ASSERTION_HEADER]: signGatewayAssertion(secret, { subject: 'test', grants }) },
        body: JSON.stringify({
          query: 'query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Review { code } } }',
          variables: {
            representations: [
              { __typename: 'Review', id: unpublished.id },
              { __typename: 'Review', id: published[0]!.id },
            ],
          },
        }),
      });
      return ((await response.json()) as { data: { _entities: ({ code: string } | null)[] } }).data._entities;
    };
    expect(await entities([grant('analyst')])).toEqual([null, { code: published[0]!.code }]);
    expect(await entities(member('shropshire'))).toEqual([{ code: unpublished.code }, { code: published[0]!.code }]);
  });

  it("shows a theme's unpublished reviews only to their partnership, but the same aggregate count to all", async () => {
    const query = `{ theme(id: "neglect") { name reviewCount reviews { code status partnership { id } } } }`;
    const analyst = await federation.query(query, { as: [grant('analyst')] });
    const shropshireMember = await federation.query(query, { as: member('shropshire') });
    const withNeglect = synthetic.filter((review) => review.themeIds.includes('neglect'));
    expect(analyst.data!.theme.reviewCount).toBe(withNeglect.length);
    expect(shropshireMember.data!.theme.reviewCount).toBe(withNeglect.length);
    expect(analyst.data!.theme.reviews.every((review: { status: string }) => review.status === 'PUBLISHED')).toBe(true);
    expect(analyst.data!.theme.reviews).toHaveLength(withNeglect.filter((review) => review.status === 'PUBLISHED').length);
    expect(shropshireMember.data!.theme.reviews).toHaveLength(
      withNeglect.filter((review) => review.status === 'PUBLISHED' || review.partnershipId === 'shropshire').length,
    );
  });

  it('gives analysts and members the same timeliness aggregates', async () => {
    const query = `{ partnership(slug: "shropshire") { reviewTimeliness(from: "2023-01-01", to: "2026-09-30", asOf: "2026-09-30") {
      reviewKind { id } completed completedOnTime completedLate medianWorkingDaysToSignOff openNow overdueNow
    } } }`;
    const analyst = await federation.query(query, { as: [grant('analyst')] });
    const own = await federation.query(query, { as: member('shropshire') });
    expect(analyst.errors).toBeUndefined();
    expect(analyst.data).toEqual(own.data);
    const rows = analyst.data!.partnership.reviewTimeliness as { reviewKind: { id: string }; completed: number; openNow: number }[];
    const rapid = rows.find((row) => row.reviewKind.id === 'rapid-review')!;
    const seeded = ofPartnership('shropshire').filter((review) => review.reviewKindId === 'rapid-review');
    expect(rapid.completed + rapid.openNow).toBe(seeded.length);
    expect(rapid.completed).toBe(seeded.filter((review) => review.signedOffOn).length);
  });
});

describe('filters', () => {
  it('filters by kind, status, theme and sign-off dates (what was signed off since the forum last met)', async () => {
    const as = member('telford-and-wrekin');
    const own = ofPartnership('telford-and-wrekin');
    const codes = async (filter: Record<string, unknown>) =>
      ((await federation.query(LIST, { variables: { slug: 'telford-and-wrekin', filter }, as })).data!.partnership.reviews as { code: string }[])
        .map((review) => review.code)
        .sort();
    expect(await codes({ kindIds: ['safeguarding-adult-review'] })).toEqual(
      own
        .filter((r) => r.reviewKindId === 'safeguarding-adult-review')
        .map((r) => r.code)
        .sort(),
    );
    expect(await codes({ statuses: ['PUBLISHED'] })).toEqual(
      own
        .filter((r) => r.status === 'PUBLISHED')
        .map((r) => r.code)
        .sort(),
    );
    expect(await codes({ themeIds: ['self-neglect'] })).toEqual(
      own
        .filter((r) => r.themeIds.includes('self-neglect'))
        .map((r) => r.code)
        .sort(),
    );
    expect(await codes({ signedOffFrom: '2025-10-01', signedOffTo: '2026-03-31' })).toEqual(
      own
        .filter((r) => r.signedOffOn && r.signedOffOn >= '2025-10-01' && r.signedOffOn <= '2026-03-31')
        .map((r) => r.code)
        .sort(),
    );
  });

  it('refuses a backwards date range with BAD_USER_INPUT', async () => {
    const { errors } = await federation.query(LIST, { variables: { slug: 'solihull', filter: { notifiedFrom: '2025-01-01', notifiedTo: '2024-01-01' } } });
    expect(errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(errors![0]!.message).toMatch(/runs forwards/);
  });

  it('refuses an impossible date with BAD_USER_INPUT', async () => {
    const { errors } = await federation.query(`{ partnership(slug: "solihull") { reviewTimeliness(from: "2024-02-30", to: "2024-12-31") { completed } } }`);
    expect(errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
  });
});

describe('vocabulary, kinds and clocks', () => {
  it('serves the shared theme vocabulary as Theme entities, with stable ids', async () => {
    const { data } = await federation.query(`{ themes { id name appliesTo source { document synthetic } } }`);
    expect(data!.themes.map((theme: { id: string }) => theme.id).sort()).toEqual(THEMES.map((theme) => theme.id).sort());
    expect(data!.themes.find((theme: { id: string }) => theme.id === 'self-neglect')).toMatchObject({
      name: 'Self-neglect',
      appliesTo: 'ADULTS',
      source: { synthetic: false },
    });
  });

  it("gives each partnership's clocks as data: stated where its own document states them, inferred elsewhere", async () => {
    const CLOCK = `milestone length unit startsFrom description source { kind document quote inferredFrom { document quote } reasoning }`;
    const { data, errors } = await federation.query(`{
      reviewKinds { id name category defaultClocks { length } source { kind document quote } }
      shropshire: partnership(slug: "shropshire") { reviewClocks { reviewKind { id } ${CLOCK} } }
      solihull: partnership(slug: "solihull") { reviewClocks { reviewKind { id } ${CLOCK} } }
    }`);
    expect(errors).toBeUndefined();
    const kinds = Object.fromEntries(data!.reviewKinds.map((kind: { id: string }) => [kind.id, kind]));
    expect(data!.reviewKinds).toHaveLength(9);
    // No document states a timescale for the whole region: every clock is a partnership's own.
    expect(data!.reviewKinds.every((kind: { defaultClocks: unknown[] }) => kind.defaultClocks.length === 0)).toBe(true);
    expect(kinds['serious-incident-review']).toMatchObject({
      category: 'CASE_REVIEW',
      source: { kind: 'STATED', document: '001_129f8b945aaf429a.txt', quote: 'arranges Rapid Review and Serious Incident Review meetings when required' },
    });
    type Clock = { reviewKind: { id: string }; milestone: string; source: { kind: string } };
    const clockOf = (clocks: Clock[], kind: string, milestone: string) => clocks.find((c) => c.reviewKind.id === kind && c.milestone === milestone);
    const shropshire = data!.shropshire.reviewClocks as Clock[];
    expect(clockOf(shropshire, 'rapid-review', 'REVIEW_COMPLETION')).toMatchObject({
      length: 15,
      unit: 'WORKING_DAYS',
      description: '15 working days from notification',
      source: { kind: 'STATED', document: '002_93334ed95075e6c4.txt', quote: 'The Completion of Rapid Reviews within 15 working days', inferredFrom: null },
    });
    expect(clockOf(shropshire, 'local-child-safeguarding-practice-review', 'REVIEW_COMPLETION')).toMatchObject({ length: 6, unit: 'MONTHS' });
    expect(clockOf(shropshire, 'safeguarding-adult-review', 'REVIEW_COMPLETION')).toMatchObject({ length: 10, unit: 'MONTHS' });
    expect(clockOf(shropshire, 'domestic-homicide-review', 'REVIEW_COMPLETION')).toMatchObject({ length: 6, unit: 'MONTHS' });
    expect(clockOf(shropshire, 'safeguarding-adult-review', 'ACTION_PLAN_COMPLETION')).toMatchObject({ length: 3, unit: 'MONTHS', startsFrom: 'SIGN_OFF' });
    expect(clockOf(shropshire, 'rapid-review', 'LEARNING_BRIEFING_PUBLICATION')).toMatchObject({ length: 10, unit: 'WORKING_DAYS', startsFrom: 'SIGN_OFF' });
    // 002 gives the Community Safety Partnership's reviews no clock of their own: assumed, and said so.
    expect(clockOf(shropshire, 'anti-social-behaviour-case-review', 'ACTION_PLAN_COMPLETION')!.source.kind).toBe('INFERRED');
    expect(shropshire.some((c) => c.reviewKind.id === 'multi-agency-case-file-audit')).toBe(false);

    // Solihull's page states no clock: Shropshire's is assumed, never shown as stated.
    const solihull = data!.solihull.reviewClocks as Clock[];
    expect(clockOf(solihull, 'rapid-review', 'REVIEW_COMPLETION')).toMatchObject({
      length: 15,
      source: {
        kind: 'INFERRED',
        quote: null,
        inferredFrom: [
          { document: '002_93334ed95075e6c4.txt', quote: 'The Completion of Rapid Reviews within 15 working days' },
          { document: '004_b6751091e751e5aa.txt', quote: 'In December 2023, Working Together to Safeguard Children 2023 was published' },
        ],
        reasoning: expect.stringContaining("Solihull's page (004) states none"),
      },
    });
    expect(solihull.every((c) => c.source.kind === 'INFERRED')).toBe(true);
    // A children's partnership: no adult review clocks are assumed for it.
    expect(solihull.some((c) => c.reviewKind.id === 'safeguarding-adult-review')).toBe(false);
  });

  it("computes a seeded review's due date and lateness from its clock", async () => {
    const review = ofPartnership('solihull').find((r) => r.reviewKindId === 'rapid-review' && r.signedOffOn && r.status === 'SIGNED_OFF')!;
    const { data } = await federation.query(`query ($id: ID!) { review(id: $id) { notifiedOn signedOffOn dueDate isOverdue daysLate clock { length } } }`, {
      variables: { id: review.id },
      as: member('solihull'),
    });
    expect(data!.review).toMatchObject({ notifiedOn: review.notifiedOn, signedOffOn: review.signedOffOn, isOverdue: false, clock: { length: 15 } });
    expect(typeof data!.review.dueDate).toBe('string');
    expect(data!.review.daysLate).toBe(
      review.signedOffOn! > data!.review.dueDate ? Math.round((Date.parse(review.signedOffOn!) - Date.parse(data!.review.dueDate)) / 86_400_000) : 0,
    );
  });
});
