import { THEMES } from '@safeguarding/vocabulary';
import { defaultCoverageSince } from '../rules/financial-year';
import { grant, startTestFederation, type TestFederation } from '@safeguarding/testkit';

/** Learning-coverage gaps as candidates for the forum's agenda: reviews' themes (via @requires) against training. */
let federation: TestFederation;
beforeAll(async () => {
  federation = await startTestFederation({ only: ['arrangements', 'membership', 'reviews', 'training'] });
});
afterAll(async () => {
  await federation?.stop();
});

const QUERY = `{ body(id: "joint.lsp-forum") { meetings(from: "2026-10-01", to: "2026-10-31") { date agendaCandidates { until learningGaps { key partnershipSlug title reason subjectType subjectId } } } } }`;

it('lists, per partnership, the review themes no recent training addresses, matching learningCoverage', async () => {
  const { data, errors } = await federation.query(QUERY, { as: [grant('forum-secretariat')] });
  expect(errors).toBeUndefined();
  const [meeting] = data!.body.meetings;
  const gaps = meeting.agendaCandidates.learningGaps as { partnershipSlug: string; subjectId: string; title: string; subjectType: string }[];
  for (const slug of ['shropshire', 'telford-and-wrekin']) {
    // The same gaps learningCoverage reports for the same window (since 1 April two financial years back).
    const coverage = await federation.query(
      `query ($slug: String!, $since: Date!) { learningCoverage(partnershipSlug: $slug, since: $since) { gaps { id } themes { theme { id } sessions { date } } } }`,
      {
        as: [grant('analyst')],
        variables: { slug, since: defaultCoverageSince(meeting.agendaCandidates.until) },
      },
    );
    expect(coverage.errors).toBeUndefined();
    const until = meeting.agendaCandidates.until as string;
    const addressedByUntil = new Set(
      coverage
        .data!.learningCoverage.themes.filter((t: { sessions: { date: string }[] }) => t.sessions.some((s) => s.date <= until))
        .map((t: { theme: { id: string } }) => t.theme.id),
    );
    const expected = coverage
      .data!.learningCoverage.themes.map((t: { theme: { id: string } }) => t.theme.id)
      .filter((id: string) => !addressedByUntil.has(id))
      .sort();
    expect(
      gaps
        .filter((g) => g.partnershipSlug === slug)
        .map((g) => g.subjectId)
        .sort(),
    ).toEqual(expected);
  }
  expect(gaps.length).toBeGreaterThan(0);
  for (const gap of gaps) {
    expect(gap.subjectType).toBe('THEME');
    expect(gap.title).toContain(THEMES.find((t) => t.id === gap.subjectId)!.name);
  }
});

it('shows the gaps only to those who may read learning coverage', async () => {
  const { data } = await federation.query(QUERY);
  expect(data!.body.meetings[0].agendaCandidates.learningGaps).toEqual([]);
});
