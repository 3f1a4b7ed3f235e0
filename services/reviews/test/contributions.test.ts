import { grant, startTestFederation, type TestFederation } from '@safeguarding/testkit';

/** What reviews adds to entities owned elsewhere: comparison rows, agenda candidates, theme ids. */
let federation: TestFederation;
beforeAll(async () => {
  federation = await startTestFederation({ only: ['arrangements', 'membership', 'reviews'] });
});
afterAll(async () => {
  await federation?.stop();
});

const SLUGS = ['shropshire', 'telford-and-wrekin', 'solihull'];

it('adds review timeliness to the comparison, agreeing with each partnership’s own figures', async () => {
  const { data, errors } = await federation.query(`{
    comparePartnerships(slugs: ["shropshire", "telford-and-wrekin", "solihull"], asOf: "2026-06-30") { reviews { measure unit cells { partnershipSlug value missingReason source { synthetic } } } }
    shropshire: partnership(slug: "shropshire") { reviewTimeliness(from: "2025-07-01", to: "2026-06-30", asOf: "2026-06-30") { completed completedOnTime completedLate openNow overdueNow } }
    telford: partnership(slug: "telford-and-wrekin") { reviewTimeliness(from: "2025-07-01", to: "2026-06-30", asOf: "2026-06-30") { completed completedOnTime completedLate openNow overdueNow } }
    solihull: partnership(slug: "solihull") { reviewTimeliness(from: "2025-07-01", to: "2026-06-30", asOf: "2026-06-30") { completed completedOnTime completedLate openNow overdueNow } }
  }`);
  expect(errors).toBeUndefined();
  const rows = data!.comparePartnerships.reviews;
  const cell = (measure: string, slug: string) =>
    rows.find((r: { measure: string }) => r.measure.startsWith(measure)).cells.find((c: { partnershipSlug: string }) => c.partnershipSlug === slug);
  for (const [slug, key] of [
    ['shropshire', 'shropshire'],
    ['telford-and-wrekin', 'telford'],
    ['solihull', 'solihull'],
  ] as const) {
    const kinds = data![key].reviewTimeliness as { completed: number; completedOnTime: number; completedLate: number; openNow: number; overdueNow: number }[];
    const sum = (field: keyof (typeof kinds)[number]) => kinds.reduce((total, kind) => total + kind[field], 0);
    expect(cell('Reviews signed off (2025-07-01 to 2026-06-30)', slug).value).toBe(sum('completed'));
    expect(cell('Open reviews on 2026-06-30', slug).value).toBe(sum('openNow'));
    expect(cell('Reviews overdue on 2026-06-30', slug).value).toBe(sum('overdueNow'));
    const judged = sum('completedOnTime') + sum('completedLate');
    const onTime = cell('Reviews signed off on time', slug);
    // Nothing judged in the period is a reason, not 0 %.
    expect(onTime).toMatchObject(
      judged === 0 ? { value: null, missingReason: 'None completed in the period.' } : { value: expect.closeTo((100 * sum('completedOnTime')) / judged, 1) },
    );
    expect(cell('Reviews overdue', slug).source.synthetic).toBe(true);
  }
  expect(SLUGS.every((slug) => cell('Reviews signed off (', slug).value !== null)).toBe(true);
});

it('lists the themes each partnership’s reviews raise', async () => {
  const { data } = await federation.query(`{ partnership(slug: "telford-and-wrekin") { reviewThemeIds reviews { themes { id } } } }`);
  const visible = new Set<string>(data!.partnership.reviews.flatMap((r: { themes: { id: string }[] }) => r.themes.map((t) => t.id)));
  // The list covers every review, published or not; the public sees at least the published ones' themes in it.
  for (const theme of visible) expect(data!.partnership.reviewThemeIds).toContain(theme);
  expect([...data!.partnership.reviewThemeIds].sort()).toEqual(data!.partnership.reviewThemeIds);
});

it('puts reviews on a meeting’s agenda candidates, hiding unpublished ones from outsiders', async () => {
  const { data } = await federation.query(
    `{ body(id: "telford-and-wrekin.executive") { meetings(from: "2025-01-01", to: "2026-10-31") { id agendaCandidates { since until reviews { key title reason subjectType subjectId } } } } }`,
    {
      as: [grant('member', 'telford-and-wrekin')],
    },
  );
  const asMember = data!.body.meetings.flatMap((m: { agendaCandidates: { reviews: unknown[] } }) => m.agendaCandidates.reviews);
  expect(asMember.length).toBeGreaterThan(0);
  expect(asMember.every((c: { reason: string }) => /^(Signed off on|Not signed off by)/.test(c.reason))).toBe(true);
  const outsider = await federation.query(
    `{ body(id: "telford-and-wrekin.executive") { meetings(from: "2025-01-01", to: "2026-10-31") { agendaCandidates { reviews { key title subjectId } } } } }`,
    {
      as: [grant('forum-secretariat')],
    },
  );
  const asOutsider = outsider.data!.body.meetings.flatMap((m: { agendaCandidates: { reviews: unknown[] } }) => m.agendaCandidates.reviews);
  const memberReviewIds = new Set(asMember.map((c: { subjectId: string }) => c.subjectId).filter(Boolean));
  const published = await federation.query(`{ partnership(slug: "telford-and-wrekin") { reviews { id } } }`);
  const publishedIds = new Set(published.data!.partnership.reviews.map((r: { id: string }) => r.id));
  const outsiderNamed = (asOutsider as { subjectId: string | null; title: string }[]).filter((candidate) => candidate.subjectId);
  const outsiderCounted = (asOutsider as { subjectId: string | null; title: string }[]).filter((candidate) => !candidate.subjectId);
  // An outsider sees published reviews by name and unpublished ones only as counts.
  expect(outsiderNamed.every((candidate) => publishedIds.has(candidate.subjectId))).toBe(true);
  expect(outsiderCounted.map((candidate) => candidate.title)).toEqual(
    outsiderCounted.map(() => expect.stringMatching(/^\d+ unpublished reviews? (signed off|overdue) in telford-and-wrekin$/)),
  );
  expect(outsiderNamed.length + outsiderCounted.length).toBeGreaterThan(0);
  expect(memberReviewIds.size).toBeGreaterThan(0);
});

it('pages a partnership’s reviews, in the same order as the whole list', async () => {
  const as = [grant('member', 'shropshire')];
  const all = await federation.query(`{ partnership(slug: "shropshire") { reviews { id } } }`, { as });
  const page = await federation.query(`{ partnership(slug: "shropshire") { reviews(first: 5, offset: 3) { id themes { id } } } }`, { as });
  expect(page.errors).toBeUndefined();
  expect(page.data!.partnership.reviews.map((r: { id: string }) => r.id)).toEqual(all.data!.partnership.reviews.slice(3, 8).map((r: { id: string }) => r.id));
  for (const bad of ['first: 0', 'first: 501', 'offset: -1']) {
    const { errors } = await federation.query(`{ partnership(slug: "shropshire") { reviews(${bad}) { id } } }`, { as });
    expect(errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
  }
});
