import { grant, startTestFederation, type TestFederation } from '@safeguarding/testkit';
import { insertCourse, insertSessions } from './fixtures';

/**
 * learningCoverage end to end with the real reviews subgraph, whatever its reviews hold: the
 * gateway takes Partnership.reviewThemeIds from reviews to training, every review theme comes back
 * once with its name from reviews, and the gap list is exactly the themes not addressed. Then a
 * fixture course teaching every one of those themes closes every gap.
 */
let federation: TestFederation;
beforeAll(async () => {
  federation = await startTestFederation({ only: ['arrangements', 'reviews', 'training'] });
});
afterAll(async () => {
  await federation?.stop();
});

const QUERY = `{
  partnership(slug: "telford-and-wrekin") { reviewThemeIds }
  learningCoverage(partnershipSlug: "telford-and-wrekin", since: "2024-04-01") {
    partnership { name }
    themes { theme { id name } courses { id } sessions { date } addressed }
    gaps { id name }
  }
}`;

interface Coverage {
  partnership: { name: string };
  themes: { theme: { id: string; name: string }; courses: { id: string }[]; sessions: { date: string }[]; addressed: boolean }[];
  gaps: { id: string; name: string }[];
}

it('crosses from reviews to training through the gateway, and the gaps close when a course runs', async () => {
  const before = await federation.query<{ partnership: { reviewThemeIds: string[] }; learningCoverage: Coverage }>(QUERY, { as: [grant('analyst')] });
  expect(before.errors).toBeUndefined();
  const reviewThemeIds = [...new Set(before.data!.partnership.reviewThemeIds)].sort();
  expect(reviewThemeIds.length).toBeGreaterThan(0);
  const coverage = before.data!.learningCoverage;
  expect(coverage.partnership.name).toBe('Telford & Wrekin Safeguarding Partnership');
  expect(coverage.themes.map((theme) => theme.theme.id)).toEqual(reviewThemeIds);
  for (const theme of coverage.themes) {
    expect(theme.theme.name.length).toBeGreaterThan(0);
    expect(theme.addressed).toBe(theme.sessions.length > 0);
    for (const session of theme.sessions) expect(session.date >= '2024-04-01').toBe(true);
  }
  expect(coverage.gaps.map((gap) => gap.id)).toEqual(coverage.themes.filter((theme) => !theme.addressed).map((theme) => theme.theme.id));

  const training = federation.dataSources.training!;
  await insertCourse(training, { id: 'telford-and-wrekin.fixture-every-theme', partnershipIds: ['telford-and-wrekin'], themeIds: reviewThemeIds });
  await insertSessions(training, 'telford-and-wrekin.fixture-every-theme', [{ heldOn: '2040-01-01', deliveryMethod: 'VIRTUAL', capacity: 10 }]);
  const after = await federation.query<{ learningCoverage: Coverage }>(QUERY, { as: [grant('member', 'telford-and-wrekin')] });
  expect(after.errors).toBeUndefined();
  expect(after.data!.learningCoverage.gaps).toEqual([]);
  for (const theme of after.data!.learningCoverage.themes) {
    expect(theme.addressed).toBe(true);
    expect(theme.courses.map((course) => course.id)).toContain('telford-and-wrekin.fixture-every-theme');
    expect(theme.sessions.map((session) => session.date)).toContain('2040-01-01');
  }
});
