import { grant, startTestFederation, type TestFederation } from '@safeguarding/testkit';

/** Quorum failures as candidates for the joint forum's agenda, from both partnerships. */
let federation: TestFederation;
beforeAll(async () => {
  federation = await startTestFederation({ only: ['arrangements', 'membership'] });
});
afterAll(async () => {
  await federation?.stop();
});

const QUERY = `{ body(id: "joint.lsp-forum") { meetings(from: "2025-01-01", to: "2025-12-31") { date agendaCandidates { since until membership { key partnershipSlug title reason subjectType subjectId } } } } }`;

it('brings each partnership’s quorum failures since the forum last met, with the reason', async () => {
  const { data, errors } = await federation.query(QUERY, { as: [grant('forum-secretariat')] });
  expect(errors).toBeUndefined();
  const byDate = Object.fromEntries(
    data!.body.meetings.map((m: { date: string; agendaCandidates: { membership: unknown[] } }) => [m.date, m.agendaCandidates.membership]),
  );
  // Seeded attendance: nobody from the ICB at the T&W Executive on 2025-01-14; only a police deputy
  // (who does not count under Shropshire's rule) at the Shropshire partnership on 2025-06-10.
  expect(byDate['2025-04-08']).toEqual([
    {
      key: 'quorum-failure:telford-and-wrekin.executive:2025-01-14',
      partnershipSlug: 'telford-and-wrekin',
      title: 'Safeguarding Partnership Executive was not quorate on 2025-01-14',
      reason:
        'No representative or named deputy of Shropshire, Telford & Wrekin Integrated Care Board attended; the quorum rule needs every statutory partner.',
      subjectType: 'BODY',
      subjectId: 'telford-and-wrekin.executive',
    },
  ]);
  expect(byDate['2025-10-14']).toEqual([
    expect.objectContaining({
      key: 'quorum-failure:shropshire.safeguarding-children-partnership:2025-06-10',
      partnershipSlug: 'shropshire',
      reason: 'No representative of West Mercia Police attended; the quorum rule needs every statutory partner and does not count named deputies.',
    }),
  ]);
});

it('shows quorum failures only to those who may read attendance', async () => {
  for (const as of [undefined, [grant('member', 'solihull')]]) {
    const { data, errors } = await federation.query(QUERY, { as });
    expect(errors).toBeUndefined();
    expect(data!.body.meetings.every((m: { agendaCandidates: { membership: unknown[] } }) => m.agendaCandidates.membership.length === 0)).toBe(true);
  }
  const member = await federation.query(QUERY, { as: [grant('member', 'telford-and-wrekin')] });
  const keys = member.data!.body.meetings.flatMap((m: { agendaCandidates: { membership: { key: string }[] } }) =>
    m.agendaCandidates.membership.map((c) => c.key),
  );
  expect(keys).toEqual(['quorum-failure:telford-and-wrekin.executive:2025-01-14']);
});
