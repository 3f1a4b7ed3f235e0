import { ActionPlanActionEntity, ReviewClockEntity, ReviewEntity, ReviewThemeEntity } from '../entities';
import { todayInEngland } from '@safeguarding/subgraph-runtime';
import { grant, startTestFederation, type TestFederation } from '@safeguarding/testkit';

/** A business unit recording a review's life: who may, what bad input gets, and two writers meeting. */
let federation: TestFederation;
beforeAll(async () => {
  federation = await startTestFederation({ only: ['arrangements', 'membership', 'reviews'] });
});
afterAll(async () => {
  await federation?.stop();
});

const admin = (slug = 'shropshire') => [grant('partnership-admin', slug)];
const REVIEW_FIELDS = `id code status version notifiedOn startedOn signedOffOn publishedOn dueDate daysLate isOverdue isSynthetic viewerCanEdit
  learningBriefing { dueDate publishedOn daysLate } actionPlan { dueDate status completedOn actions { description owner { name } ragStatus completedOn } }
  themes { id } learningPoints { theme { id } text }`;
const START = `mutation ($input: StartReviewInput!) { startReview(input: $input) { ${REVIEW_FIELDS} } }`;
const STAGE = `mutation ($id: ID!, $version: Int!, $stage: ReviewStage!, $on: Date!) {
  recordReviewStage(id: $id, expectedVersion: $version, stage: $stage, on: $on) { ${REVIEW_FIELDS} }
}`;

const stored = (id: string) => federation.dataSources.reviews!.getRepository(ReviewEntity).findOneByOrFail({ id });
const reviewCount = () => federation.dataSources.reviews!.getRepository(ReviewEntity).count();

async function startReview(code: string, kindId = 'rapid-review', notifiedOn = '2025-01-06', slug = 'shropshire') {
  const { data, errors } = await federation.query(START, { as: admin(slug), variables: { input: { partnershipSlug: slug, kindId, code, notifiedOn } } });
  expect(errors).toBeUndefined();
  return data!.startReview as { id: string; version: number; [field: string]: unknown };
}

async function stage(id: string, version: number, stageName: string, on: string, as = admin()) {
  return federation.query(STAGE, { as, variables: { id, version, stage: stageName, on } });
}

describe("a Rapid Review's life", () => {
  it('starts, runs, is signed off, briefed and published, with its clocks computed at each stage', async () => {
    const started = await startReview('Child Q1');
    // 15 working days from Monday 6 January 2025.
    expect(started).toMatchObject({ code: 'Child Q1', status: 'NOTIFIED', version: 1, dueDate: '2025-01-27', isSynthetic: false, viewerCanEdit: true });
    // Notified in the past and still open, so overdue today by the calendar days since the due date.
    const today = todayInEngland();
    expect(started.isOverdue).toBe(today > '2025-01-27');
    expect(started.daysLate).toBe(Math.max(0, Math.round((Date.parse(today) - Date.parse('2025-01-27')) / 86_400_000)));
    expect(started.learningBriefing).toEqual({ dueDate: null, publishedOn: null, daysLate: null });

    const inProgress = await stage(started.id, 1, 'IN_PROGRESS', '2025-01-07');
    expect(inProgress.data!.recordReviewStage).toMatchObject({ status: 'IN_PROGRESS', startedOn: '2025-01-07', version: 2 });

    const signedOff = await stage(started.id, 2, 'SIGNED_OFF', '2025-01-24');
    expect(signedOff.data!.recordReviewStage).toMatchObject({
      status: 'SIGNED_OFF',
      signedOffOn: '2025-01-24',
      daysLate: 0,
      // 10 working days after Friday 24 January; 3 months after it.
      learningBriefing: { dueDate: '2025-02-07', publishedOn: null },
      actionPlan: { dueDate: '2025-04-24', status: 'NOT_STARTED', completedOn: null, actions: [] },
    });

    const briefed = await stage(started.id, 3, 'LEARNING_BRIEFING_PUBLISHED', '2025-02-10');
    expect(briefed.data!.recordReviewStage.learningBriefing).toEqual({ dueDate: '2025-02-07', publishedOn: '2025-02-10', daysLate: 3 });

    const published = await stage(started.id, 4, 'PUBLISHED', '2025-03-03');
    expect(published.data!.recordReviewStage).toMatchObject({ status: 'PUBLISHED', publishedOn: '2025-03-03', version: 5 });
    // Published: now the public may read it.
    const publicView = await federation.query(`query ($id: ID!) { review(id: $id) { code viewerCanEdit } }`, { variables: { id: started.id } });
    expect(publicView.data!.review).toEqual({ code: 'Child Q1', viewerCanEdit: false });
  });

  it('records themes, learning points and action plan actions; the plan completes with its last action', async () => {
    const review = await startReview('Child Q2', 'local-child-safeguarding-practice-review', '2024-09-02');
    await stage(review.id, 1, 'IN_PROGRESS', '2024-09-03');
    await stage(review.id, 2, 'SIGNED_OFF', '2025-02-28');
    const tagged = await federation.query(
      `mutation ($id: ID!) { tagReviewThemes(id: $id, themeIds: ["neglect", "neglect", "voice-of-the-child"]) { themes { id } } }`,
      {
        as: admin(),
        variables: { id: review.id },
      },
    );
    expect(tagged.data!.tagReviewThemes.themes.map((theme: { id: string }) => theme.id)).toEqual(['neglect', 'voice-of-the-child']);
    const point = await federation.query(
      `mutation ($id: ID!) { addLearningPoint(reviewId: $id, input: { themeId: "information-sharing", text: " Health visitors did not see the school's concerns. " }) { theme { name } text } }`,
      {
        as: admin(),
        variables: { id: review.id },
      },
    );
    expect(point.data!.addLearningPoint).toEqual({ theme: { name: 'Information sharing' }, text: "Health visitors did not see the school's concerns." });
    const action = await federation.query(
      `mutation ($id: ID!) { addActionPlanAction(reviewId: $id, input: { description: "Joint briefing for school nurses", ownerOrganisationId: "shropshire-community-health-nhs-trust" }) { id version ragStatus owner { name } } }`,
      {
        as: admin(),
        variables: { id: review.id },
      },
    );
    expect(action.data!.addActionPlanAction).toMatchObject({ version: 1, ragStatus: 'NOT_STARTED', owner: { name: 'Shropshire Community Health NHS Trust' } });
    const actionId = action.data!.addActionPlanAction.id;
    const UPDATE = `mutation ($id: ID!, $version: Int!, $input: UpdateActionPlanActionInput!) { updateActionPlanAction(id: $id, expectedVersion: $version, input: $input) { ragStatus completedOn version } }`;
    const refused = await federation.query(UPDATE, { as: admin(), variables: { id: actionId, version: 1, input: { ragStatus: 'COMPLETED' } } });
    expect(refused.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    const done = await federation.query(UPDATE, {
      as: admin(),
      variables: { id: actionId, version: 1, input: { ragStatus: 'COMPLETED', completedOn: '2025-06-02' } },
    });
    expect(done.data!.updateActionPlanAction).toEqual({ ragStatus: 'COMPLETED', completedOn: '2025-06-02', version: 2 });
    const stale = await federation.query(UPDATE, { as: admin(), variables: { id: actionId, version: 1, input: { ragStatus: 'IN_PROGRESS' } } });
    expect(stale.errors![0]!.extensions!.code).toBe('CONFLICT');

    const { data } = await federation.query(
      `query ($id: ID!) { review(id: $id) { themes { id } learningPoints { theme { id } } actionPlan { dueDate status completedOn daysLate isOverdue } } }`,
      {
        as: admin(),
        variables: { id: review.id },
      },
    );
    expect(data!.review.themes.map((theme: { id: string }) => theme.id)).toEqual(['information-sharing', 'neglect', 'voice-of-the-child']);
    // Due 3 months after 2025-02-28 (2025-05-28); completed 2025-06-02: 5 days late.
    expect(data!.review.actionPlan).toEqual({ dueDate: '2025-05-28', status: 'COMPLETED', completedOn: '2025-06-02', daysLate: 5, isOverdue: false });
  });
});

describe('bad input is refused with a clear error and changes nothing', () => {
  it.each([
    ['a name instead of a code', { code: 'Child Harry' }, /not a review code/],
    ['a code that does not match the kind', { code: 'Adult B7' }, /write "Child"/],
    ['an unknown kind', { kindId: 'serious-case-review' }, /Unknown review kind/],
    ['a notification in the future', { notifiedOn: '2199-01-01' }, /in the future/],
  ])('startReview with %s', async (_case, change, message) => {
    const before = await reviewCount();
    const input = { partnershipSlug: 'shropshire', kindId: 'rapid-review', code: 'Child Q3', notifiedOn: '2025-01-06', ...change };
    const { data, errors } = await federation.query(START, { as: admin(), variables: { input } });
    expect(data?.startReview ?? null).toBeNull();
    expect(errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(errors![0]!.message).toMatch(message);
    expect(await reviewCount()).toBe(before);
  });

  it('refuses a code already used in the partnership with CONFLICT', async () => {
    await startReview('Child Q4');
    const before = await reviewCount();
    const { errors } = await federation.query(START, {
      as: admin(),
      variables: { input: { partnershipSlug: 'shropshire', kindId: 'rapid-review', code: 'Child Q4', notifiedOn: '2025-02-03' } },
    });
    expect(errors![0]!.extensions!.code).toBe('CONFLICT');
    expect(await reviewCount()).toBe(before);
  });

  let stageCase = 0;
  it.each([
    ['publishing before sign-off', 'PUBLISHED', '2025-02-01', /record SIGNED_OFF first/],
    ['a briefing before sign-off', 'LEARNING_BRIEFING_PUBLISHED', '2025-02-01', /IN_PROGRESS/],
    ['a sign-off dated before the start', 'SIGNED_OFF', '2025-01-06', /before the review was started \(2025-01-07\)/],
    ['a sign-off in the future', 'SIGNED_OFF', '2199-01-01', /in the future/],
    ['starting twice', 'IN_PROGRESS', '2025-01-08', /Cannot start work on a review that is IN_PROGRESS/],
  ])('recordReviewStage: %s', async (_case, stageName, on, message) => {
    stageCase += 1;
    const review = await startReview(`Child R${stageCase}`);
    await stage(review.id, 1, 'IN_PROGRESS', '2025-01-07');
    const before = await stored(review.id);
    const { errors } = await stage(review.id, 2, stageName, on);
    expect(errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(errors![0]!.message).toMatch(message);
    expect(await stored(review.id)).toEqual(before);
  });

  it('refuses unknown themes, listing the vocabulary, and tags nothing', async () => {
    const review = await startReview('Child Q5');
    const { errors } = await federation.query(`mutation ($id: ID!) { tagReviewThemes(id: $id, themeIds: ["neglect", "bad-luck"]) { id } }`, {
      as: admin(),
      variables: { id: review.id },
    });
    expect(errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(errors![0]!.message).toMatch(/Unknown theme "bad-luck"; themes are: .*neglect/);
    expect(await federation.dataSources.reviews!.getRepository(ReviewThemeEntity).countBy({ reviewId: review.id })).toBe(0);
  });

  it.each([
    [
      'a learning point',
      'Child S1',
      `mutation ($id: ID!, $text: String!) { addLearningPoint(reviewId: $id, input: { themeId: "neglect", text: $text }) { text } }`,
    ],
    [
      'an action',
      'Child S2',
      `mutation ($id: ID!, $text: String!) { addActionPlanAction(reviewId: $id, input: { description: $text, ownerOrganisationId: "cafcass" }) { description } }`,
    ],
  ])('refuses %s holding half a character (a lone surrogate) instead of storing U+FFFD', async (_case, code, document) => {
    const review = await startReview(code);
    const { data, errors } = await federation.query(document, { as: admin(), variables: { id: review.id, text: 'Joint briefing \uD83D' } });
    expect(Object.values(data ?? {}).every((value) => value === null)).toBe(true);
    expect(errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(errors![0]!.message).toMatch(/half of a character/);
    const stored = await federation.query(`query ($id: ID!) { review(id: $id) { learningPoints { text } actionPlan { actions { description } } } }`, {
      as: admin(),
      variables: { id: review.id },
    });
    expect(stored.data!.review).toEqual({ learningPoints: [], actionPlan: { actions: [] } });
  });

  it('answers NOT_FOUND for an unknown review or partnership', async () => {
    const missing = await stage('00000000-0000-4000-8000-00000000abcd', 1, 'IN_PROGRESS', '2025-01-07');
    expect(missing.errors![0]!.extensions!.code).toBe('NOT_FOUND');
    const malformed = await stage('not-a-uuid', 1, 'IN_PROGRESS', '2025-01-07');
    expect(malformed.errors![0]!.extensions!.code).toBe('NOT_FOUND');
    const nowhere = await federation.query(START, {
      as: admin('nowhere'),
      variables: { input: { partnershipSlug: 'nowhere', kindId: 'rapid-review', code: 'Child A', notifiedOn: '2025-01-06' } },
    });
    expect(nowhere.errors![0]!.extensions!.code).toBe('NOT_FOUND');
  });
});

describe('permissions', () => {
  it.each([
    ['the anonymous public', 'UNAUTHENTICATED', undefined],
    ['an analyst', 'FORBIDDEN', [grant('analyst')]],
    ['a member of the partnership', 'FORBIDDEN', [grant('member', 'shropshire')]],
    ["another partnership's admin", 'FORBIDDEN', [grant('partnership-admin', 'solihull')]],
  ])('refuses startReview to %s with %s', async (_who, code, as) => {
    const before = await reviewCount();
    const { errors } = await federation.query(START, {
      as,
      variables: { input: { partnershipSlug: 'shropshire', kindId: 'rapid-review', code: 'Child Q6', notifiedOn: '2025-01-06' } },
    });
    expect(errors![0]!.extensions!.code).toBe(code);
    expect(await reviewCount()).toBe(before);
  });

  it("lets a member read but not change the partnership's review; hides it from other partnerships' admins", async () => {
    const review = await startReview('Child Q7');
    const before = await stored(review.id);
    const byMember = await stage(review.id, 1, 'IN_PROGRESS', '2025-01-07', [grant('member', 'shropshire'), grant('partnership-admin', 'solihull')]);
    expect(byMember.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    const byOtherAdmin = await stage(review.id, 1, 'IN_PROGRESS', '2025-01-07', admin('solihull'));
    expect(byOtherAdmin.errors![0]!.extensions!.code).toBe('NOT_FOUND');
    expect(await stored(review.id)).toEqual(before);
  });
});

describe('concurrency', () => {
  it('applies exactly one of two sign-offs made from the same version; the other gets CONFLICT', async () => {
    const review = await startReview('Child Q8');
    await stage(review.id, 1, 'IN_PROGRESS', '2025-01-07');
    const results = await Promise.all(['2025-01-20', '2025-01-21'].map((on) => stage(review.id, 2, 'SIGNED_OFF', on)));
    const succeeded = results.filter((result) => !result.errors);
    const refused = results.filter((result) => result.errors);
    expect(succeeded).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect(refused[0]!.errors![0]!.extensions!.code).toBe('CONFLICT');
    const after = await stored(review.id);
    expect(after.version).toBe(3);
    expect(after.status).toBe('SIGNED_OFF');
    expect(after.signedOffOn).toBe(succeeded[0]!.data!.recordReviewStage.signedOffOn);
  });

  it('starts only one of two reviews given the same code at once', async () => {
    const input = { partnershipSlug: 'shropshire', kindId: 'rapid-review', code: 'Child Q9', notifiedOn: '2025-01-06' };
    const results = await Promise.all([1, 2].map(() => federation.query(START, { as: admin(), variables: { input } })));
    expect(results.filter((result) => !result.errors)).toHaveLength(1);
    expect(results.find((result) => result.errors)!.errors![0]!.extensions!.code).toBe('CONFLICT');
    expect(await federation.dataSources.reviews!.getRepository(ReviewEntity).countBy({ partnershipId: 'shropshire', code: 'Child Q9' })).toBe(1);
  });
});

describe("a partnership's own clock", () => {
  it('is set for a kind its pack gives no clock, for that partnership only, and dates its reviews by it', async () => {
    const SET = `mutation ($input: SetReviewClockInput!) { setReviewClock(input: $input) { length unit startsFrom description partnership { id } reviewKind { id } } }`;
    const input = { partnershipSlug: 'telford-and-wrekin', kindId: 'multi-agency-case-file-audit', milestone: 'REVIEW_COMPLETION', length: 3, unit: 'MONTHS' };
    const refused = await federation.query(SET, { as: admin('solihull'), variables: { input } });
    expect(refused.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    const tooLong = await federation.query(SET, { as: admin('telford-and-wrekin'), variables: { input: { ...input, length: 400 } } });
    expect(tooLong.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    const { data, errors } = await federation.query(SET, { as: admin('telford-and-wrekin'), variables: { input } });
    expect(errors).toBeUndefined();
    expect(data!.setReviewClock).toEqual({
      length: 3,
      unit: 'MONTHS',
      startsFrom: 'NOTIFICATION',
      description: '3 months from notification',
      partnership: { id: 'telford-and-wrekin' },
      reviewKind: { id: 'multi-agency-case-file-audit' },
    });
    // Setting it again replaces it.
    await federation.query(SET, { as: admin('telford-and-wrekin'), variables: { input: { ...input, length: 4 } } });
    expect(
      await federation.dataSources
        .reviews!.getRepository(ReviewClockEntity)
        .countBy({ partnershipId: 'telford-and-wrekin', reviewKindId: 'multi-agency-case-file-audit' }),
    ).toBe(1);

    const audit = await startReview('Audit Z1', 'multi-agency-case-file-audit', '2025-01-15', 'telford-and-wrekin');
    expect(audit.dueDate).toBe('2025-05-15');
    const clocks = await federation.query(`{
      tw: partnership(slug: "telford-and-wrekin") { reviewClocks { reviewKind { id } milestone length partnership { id } } }
      sh: partnership(slug: "shropshire") { reviewClocks { reviewKind { id } milestone } }
    }`);
    expect(clocks.data!.tw.reviewClocks.find((c: { reviewKind: { id: string } }) => c.reviewKind.id === 'multi-agency-case-file-audit')).toEqual({
      reviewKind: { id: 'multi-agency-case-file-audit' },
      milestone: 'REVIEW_COMPLETION',
      length: 4,
      partnership: { id: 'telford-and-wrekin' },
    });
    expect(clocks.data!.sh.reviewClocks.some((c: { reviewKind: { id: string } }) => c.reviewKind.id === 'multi-agency-case-file-audit')).toBe(false);
  });
});

it('keeps actions it was given: one per addActionPlanAction', async () => {
  const review = await startReview('Child Q10');
  await Promise.all(
    ['west-mercia-police', 'shropshire-council'].map((owner) =>
      federation.query(
        `mutation ($id: ID!, $owner: ID!) { addActionPlanAction(reviewId: $id, input: { description: "Concurrent action", ownerOrganisationId: $owner }) { id } }`,
        {
          as: admin(),
          variables: { id: review.id, owner },
        },
      ),
    ),
  );
  expect(await federation.dataSources.reviews!.getRepository(ActionPlanActionEntity).countBy({ reviewId: review.id })).toBe(2);
});
