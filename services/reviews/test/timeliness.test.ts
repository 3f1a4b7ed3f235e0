import { ActionPlanActionEntity, ReviewEntity, ReviewThemeEntity } from '../entities';
import { grant, startTestFederation, type TestFederation } from '@safeguarding/testkit';

/**
 * Timeliness and repeated themes through the gateway, on a small fixture whose figures are worked
 * out by hand (comments give the working). The synthetic seed is removed first.
 */
let federation: TestFederation;
beforeAll(async () => {
  federation = await startTestFederation({ only: ['arrangements', 'reviews'] });
  const dataSource = federation.dataSources.reviews!;
  await dataSource.query('DELETE FROM "reviews"."review"');
  const review = (id: string, partnershipId: string, reviewKindId: string, code: string, dates: Partial<ReviewEntity>) =>
    ({
      id: `00000000-0000-4000-8000-0000000000${id}`,
      partnershipId,
      reviewKindId,
      code,
      status: dates.publishedOn ? 'PUBLISHED' : dates.signedOffOn ? 'SIGNED_OFF' : 'IN_PROGRESS',
      startedOn: dates.notifiedOn!,
      signedOffOn: null,
      publishedOn: null,
      learningBriefingPublishedOn: null,
      isSynthetic: false,
      ...dates,
    }) as ReviewEntity;
  const rows = [
    // Due 2024-04-12 (15 working days over Easter); signed off that day: on time, 15 working days.
    review('01', 'solihull', 'rapid-review', 'Child A', { notifiedOn: '2024-03-20', signedOffOn: '2024-04-12', learningBriefingPublishedOn: '2024-04-26' }),
    // Due 2022-01-10 (over Christmas and New Year substitute days); signed off 01-12: 2 days late, 17 working days.
    review('02', 'solihull', 'rapid-review', 'Child B', { notifiedOn: '2021-12-15', signedOffOn: '2022-01-12' }),
    // 10 working days; briefing due 2024-04-24 but published 04-25.
    review('03', 'solihull', 'rapid-review', 'Child C', { notifiedOn: '2024-03-25', signedOffOn: '2024-04-10', learningBriefingPublishedOn: '2024-04-25' }),
    // Open; due 2024-11-22, overdue on 2024-11-30.
    review('04', 'solihull', 'rapid-review', 'Child D', { notifiedOn: '2024-11-01' }),
    // Open; due in December.
    review('05', 'solihull', 'rapid-review', 'Child E', { notifiedOn: '2024-11-25' }),
    // Six months: due 2024-03-01, signed off 2024-02-29, published.
    review('06', 'solihull', 'local-child-safeguarding-practice-review', 'Child F', {
      notifiedOn: '2023-09-01',
      signedOffOn: '2024-02-29',
      publishedOn: '2024-04-02',
    }),
    review('07', 'telford-and-wrekin', 'rapid-review', 'Child A', { notifiedOn: '2024-05-01' }),
    review('08', 'telford-and-wrekin', 'rapid-review', 'Child B', { notifiedOn: '2024-06-03' }),
  ];
  await dataSource.getRepository(ReviewEntity).insert(rows);
  const themes: [string, string[]][] = [
    ['01', ['neglect', 'voice-of-the-child']],
    ['02', ['neglect']],
    ['03', ['neglect', 'exploitation']],
    ['04', ['exploitation']],
    ['05', ['mental-health']],
    ['06', ['neglect']],
    ['07', ['neglect', 'mental-health']],
    ['08', ['information-sharing']],
  ];
  await dataSource
    .getRepository(ReviewThemeEntity)
    .insert(themes.flatMap(([id, themeIds]) => themeIds.map((themeId) => ({ reviewId: `00000000-0000-4000-8000-0000000000${id}`, themeId }))));
  await dataSource.getRepository(ActionPlanActionEntity).insert([
    // Plan due 2024-07-12: done 07-01, on time.
    {
      reviewId: '00000000-0000-4000-8000-000000000001',
      description: 'Fixture action',
      ownerOrganisationId: 'solihull-mbc',
      ragStatus: 'COMPLETED',
      completedOn: '2024-07-01',
      position: 1,
    },
    // Plan due 2024-07-10: done 07-30, late.
    {
      reviewId: '00000000-0000-4000-8000-000000000003',
      description: 'Fixture action',
      ownerOrganisationId: 'west-midlands-police',
      ragStatus: 'COMPLETED',
      completedOn: '2024-07-30',
      position: 1,
    },
  ]);
});
afterAll(async () => {
  await federation?.stop();
});

const TIMELINESS = `query ($from: Date!, $to: Date!, $asOf: Date) {
  partnership(slug: "solihull") {
    reviewTimeliness(from: $from, to: $to, asOf: $asOf) {
      reviewKind { id }
      clock { length unit }
      completed completedOnTime completedLate medianWorkingDaysToSignOff openNow overdueNow
      learningBriefingsOnTime actionPlansCompletedOnTime actionPlansOverdueNow
    }
  }
}`;

const byKind = (data: Record<string, any> | null | undefined, kind: string) =>
  data!.partnership.reviewTimeliness.find((row: { reviewKind: { id: string } }) => row.reviewKind.id === kind);

describe('reviewTimeliness', () => {
  it('gives the hand-computed figures per kind, to an analyst', async () => {
    const { data, errors } = await federation.query(TIMELINESS, {
      variables: { from: '2021-12-01', to: '2024-12-31', asOf: '2024-11-30' },
      as: [grant('analyst')],
    });
    expect(errors).toBeUndefined();
    expect(data!.partnership.reviewTimeliness).toHaveLength(9);
    expect(byKind(data, 'rapid-review')).toEqual({
      reviewKind: { id: 'rapid-review' },
      clock: { length: 15, unit: 'WORKING_DAYS' },
      completed: 3,
      completedOnTime: 2,
      completedLate: 1,
      medianWorkingDaysToSignOff: 15,
      openNow: 2,
      overdueNow: 1,
      learningBriefingsOnTime: 1,
      actionPlansCompletedOnTime: 1,
      // Child B's plan, due 2022-04-12, has no action completed.
      actionPlansOverdueNow: 1,
    });
    expect(byKind(data, 'local-child-safeguarding-practice-review')).toMatchObject({ completed: 1, completedOnTime: 1, completedLate: 0, openNow: 0 });
    expect(byKind(data, 'multi-agency-case-file-audit')).toMatchObject({ clock: null, completed: 0, medianWorkingDaysToSignOff: null });
  });

  it('narrows completions to the period', async () => {
    const { data } = await federation.query(TIMELINESS, { variables: { from: '2024-01-01', to: '2024-12-31', asOf: '2024-11-30' } });
    expect(byKind(data, 'rapid-review')).toMatchObject({ completed: 2, completedOnTime: 2, completedLate: 0, medianWorkingDaysToSignOff: 12.5 });
  });

  it('counts what was open and overdue on an earlier date', async () => {
    // On 2024-04-09 Child A (due 04-12) and Child C (due 04-17) were open, neither overdue.
    const { data } = await federation.query(TIMELINESS, { variables: { from: '2024-01-01', to: '2024-03-31', asOf: '2024-04-09' } });
    expect(byKind(data, 'rapid-review')).toMatchObject({ completed: 0, openNow: 2, overdueNow: 0 });
    // On 2022-01-11 Child B (due 2022-01-10) was open and overdue.
    const earlier = await federation.query(TIMELINESS, { variables: { from: '2021-01-01', to: '2021-12-31', asOf: '2022-01-11' } });
    expect(byKind(earlier.data, 'rapid-review')).toMatchObject({ completed: 0, openNow: 1, overdueNow: 1 });
  });

  it('refuses a backwards period', async () => {
    const { errors } = await federation.query(TIMELINESS, { variables: { from: '2024-12-31', to: '2024-01-01' } });
    expect(errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
  });

  it("gives a completed review's own due date and lateness, to its partnership's members", async () => {
    const { data } = await federation.query(
      `{ review(id: "00000000-0000-4000-8000-000000000002") {
      code dueDate isOverdue daysLate workingDaysTaken learningBriefing { dueDate isOverdue } actionPlan { dueDate status completedOn }
    } }`,
      { as: [grant('member', 'solihull')] },
    );
    expect(data!.review).toEqual({
      code: 'Child B',
      dueDate: '2022-01-10',
      isOverdue: false,
      daysLate: 2,
      workingDaysTaken: 17,
      // 10 working days after 2022-01-12; never published, so overdue now.
      learningBriefing: { dueDate: '2022-01-26', isOverdue: true },
      actionPlan: { dueDate: '2022-04-12', status: 'NOT_STARTED', completedOn: null },
    });
  });
});

describe('repeatedThemes', () => {
  const QUERY = `query ($slugs: [String!], $from: Date, $to: Date) {
    repeatedThemes(partnershipSlugs: $slugs, from: $from, to: $to) {
      theme { id name } reviewCount partnershipCount byPartnership { partnership { id name } reviewCount }
    }
  }`;

  it('counts themes recurring across reviews, per partnership, for anyone', async () => {
    const { data, errors } = await federation.query(QUERY, { variables: { slugs: ['solihull', 'telford-and-wrekin'] } });
    expect(errors).toBeUndefined();
    expect(
      data!.repeatedThemes.map((t: { theme: { id: string }; reviewCount: number; partnershipCount: number }) => [
        t.theme.id,
        t.reviewCount,
        t.partnershipCount,
      ]),
    ).toEqual([
      ['neglect', 5, 2],
      ['exploitation', 2, 1],
      ['mental-health', 2, 2],
    ]);
    expect(data!.repeatedThemes[0].byPartnership).toEqual([
      { partnership: { id: 'solihull', name: 'Solihull Safeguarding Children Partnership' }, reviewCount: 4 },
      { partnership: { id: 'telford-and-wrekin', name: 'Telford & Wrekin Safeguarding Partnership' }, reviewCount: 1 },
    ]);
  });

  it('counts reviews notified within the period only', async () => {
    const { data } = await federation.query(QUERY, { variables: { slugs: ['solihull', 'telford-and-wrekin'], from: '2024-01-01' } });
    expect(data!.repeatedThemes.map((t: { theme: { id: string }; reviewCount: number }) => [t.theme.id, t.reviewCount])).toEqual([
      ['neglect', 3],
      ['exploitation', 2],
      ['mental-health', 2],
    ]);
  });

  it('defaults to all partnerships, and finds nothing repeated in a partnership without reviews', async () => {
    const all = await federation.query(QUERY, {});
    expect(all.data!.repeatedThemes[0].byPartnership.map((count: { partnership: { id: string } }) => count.partnership.id)).toEqual([
      'shropshire',
      'solihull',
      'telford-and-wrekin',
    ]);
    const none = await federation.query(QUERY, { variables: { slugs: ['shropshire'] } });
    expect(none.data!.repeatedThemes).toEqual([]);
  });

  it('refuses an unknown partnership with BAD_USER_INPUT', async () => {
    const { errors } = await federation.query(QUERY, { variables: { slugs: ['atlantis'] } });
    expect(errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(errors![0]!.message).toMatch(/Unknown partnership atlantis/);
  });
});
