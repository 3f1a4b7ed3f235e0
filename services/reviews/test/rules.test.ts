import { actionPlanCompletedOn, actionPlanStatus } from '../rules/action-plan';
import { type ClockRule, clockFor, describeClock, dueDate, evaluateDeadline } from '../rules/clock';
import { repeatedThemes } from '../rules/repeated-themes';
import { planReviewStage, type ReviewDates } from '../rules/review-stages';
import { median, summariseTimeliness } from '../rules/timeliness';

/** The evaluators, case by case, against hand-computed values. */
const rapidReview = { length: 15, unit: 'WORKING_DAYS' } as const;
const sixMonths = { length: 6, unit: 'MONTHS' } as const;

describe('clockFor', () => {
  const rules: ClockRule[] = [
    { partnershipId: null, reviewKindId: 'rapid-review', milestone: 'REVIEW_COMPLETION', length: 15, unit: 'WORKING_DAYS', startsFrom: 'NOTIFICATION' },
    { partnershipId: 'solihull', reviewKindId: 'rapid-review', milestone: 'REVIEW_COMPLETION', length: 10, unit: 'WORKING_DAYS', startsFrom: 'NOTIFICATION' },
    { partnershipId: null, reviewKindId: 'rapid-review', milestone: 'LEARNING_BRIEFING_PUBLICATION', length: 10, unit: 'WORKING_DAYS', startsFrom: 'SIGN_OFF' },
  ];
  it("prefers the partnership's own clock, else the default, else none", () => {
    expect(clockFor(rules, 'solihull', 'rapid-review', 'REVIEW_COMPLETION')!.length).toBe(10);
    expect(clockFor(rules, 'shropshire', 'rapid-review', 'REVIEW_COMPLETION')!.length).toBe(15);
    expect(clockFor(rules, 'solihull', 'rapid-review', 'LEARNING_BRIEFING_PUBLICATION')!.partnershipId).toBeNull();
    expect(clockFor(rules, 'shropshire', 'rapid-review', 'ACTION_PLAN_COMPLETION')).toBeNull();
    expect(clockFor(rules, 'shropshire', 'multi-agency-case-file-audit', 'REVIEW_COMPLETION')).toBeNull();
  });
});

describe('dueDate and evaluateDeadline', () => {
  it('computes due dates in working days (over Easter) and in months (clamped)', () => {
    expect(dueDate(rapidReview, '2024-03-20')).toBe('2024-04-12');
    expect(dueDate(sixMonths, '2024-08-31')).toBe('2025-02-28');
    expect(dueDate({ length: 10, unit: 'MONTHS' }, '2024-01-15')).toBe('2024-11-15');
  });

  it('a review signed off on its due date is on time', () => {
    expect(evaluateDeadline(rapidReview, '2024-03-20', '2024-04-12', '2025-01-01')).toEqual({
      dueDate: '2024-04-12',
      completedOn: '2024-04-12',
      isOverdue: false,
      daysLate: 0,
      completedOnTime: true,
    });
  });

  it('a review signed off the Monday after a Friday due date is 3 days late, not overdue', () => {
    expect(evaluateDeadline(rapidReview, '2024-03-20', '2024-04-15', '2025-01-01')).toEqual({
      dueDate: '2024-04-12',
      completedOn: '2024-04-15',
      isOverdue: false,
      daysLate: 3,
      completedOnTime: false,
    });
  });

  it('an open review is overdue from the day after its due date, and late by the days since', () => {
    expect(evaluateDeadline(rapidReview, '2024-03-20', null, '2024-04-12')).toMatchObject({ isOverdue: false, daysLate: 0, completedOnTime: null });
    expect(evaluateDeadline(rapidReview, '2024-03-20', null, '2024-04-13')).toMatchObject({ isOverdue: true, daysLate: 1 });
    expect(evaluateDeadline(rapidReview, '2024-03-20', null, '2024-05-12')).toMatchObject({ isOverdue: true, daysLate: 30 });
  });

  it('a completion recorded after the asOf date counts as still open on it', () => {
    expect(evaluateDeadline(rapidReview, '2024-03-20', '2024-05-01', '2024-04-20')).toMatchObject({ completedOn: null, isOverdue: true, daysLate: 8 });
  });

  it('has no due date without a clock, or before the clock starts (a briefing before sign-off)', () => {
    expect(evaluateDeadline(null, '2024-03-20', null, '2025-01-01')).toEqual({
      dueDate: null,
      completedOn: null,
      isOverdue: false,
      daysLate: null,
      completedOnTime: null,
    });
    expect(evaluateDeadline(rapidReview, null, null, '2025-01-01')).toEqual({
      dueDate: null,
      completedOn: null,
      isOverdue: false,
      daysLate: null,
      completedOnTime: null,
    });
  });

  it('describes clocks in words', () => {
    expect(describeClock({ length: 15, unit: 'WORKING_DAYS', startsFrom: 'NOTIFICATION' })).toBe('15 working days from notification');
    expect(describeClock({ length: 3, unit: 'MONTHS', startsFrom: 'SIGN_OFF' })).toBe('3 months from sign-off');
    expect(describeClock({ length: 1, unit: 'MONTHS', startsFrom: 'SIGN_OFF' })).toBe('1 month from sign-off');
  });
});

describe('action plan progress', () => {
  it('is complete on the day its last action was, only when every action is', () => {
    expect(actionPlanCompletedOn([])).toBeNull();
    expect(
      actionPlanCompletedOn([
        { ragStatus: 'COMPLETED', completedOn: '2024-05-01' },
        { ragStatus: 'IN_PROGRESS', completedOn: null },
      ]),
    ).toBeNull();
    expect(
      actionPlanCompletedOn([
        { ragStatus: 'COMPLETED', completedOn: '2024-06-10' },
        { ragStatus: 'COMPLETED', completedOn: '2024-05-01' },
      ]),
    ).toBe('2024-06-10');
  });
  it('reads RAG from its actions', () => {
    expect(actionPlanStatus([])).toBe('NOT_STARTED');
    expect(actionPlanStatus([{ ragStatus: 'NOT_STARTED', completedOn: null }])).toBe('NOT_STARTED');
    expect(
      actionPlanStatus([
        { ragStatus: 'COMPLETED', completedOn: '2024-01-01' },
        { ragStatus: 'NOT_STARTED', completedOn: null },
      ]),
    ).toBe('IN_PROGRESS');
    expect(actionPlanStatus([{ ragStatus: 'COMPLETED', completedOn: '2024-01-01' }])).toBe('COMPLETED');
  });
});

describe('planReviewStage', () => {
  const notified: ReviewDates = {
    status: 'NOTIFIED',
    notifiedOn: '2025-01-06',
    startedOn: null,
    signedOffOn: null,
    publishedOn: null,
    learningBriefingPublishedOn: null,
  };
  const inProgress: ReviewDates = { ...notified, status: 'IN_PROGRESS', startedOn: '2025-01-07' };
  const signedOff: ReviewDates = { ...inProgress, status: 'SIGNED_OFF', signedOffOn: '2025-01-24' };
  const today = '2025-06-01';

  it('moves a review through its stages in order', () => {
    expect(planReviewStage(notified, 'IN_PROGRESS', '2025-01-07', today)).toEqual({ ok: true, changes: { status: 'IN_PROGRESS', startedOn: '2025-01-07' } });
    expect(planReviewStage(inProgress, 'SIGNED_OFF', '2025-01-24', today)).toEqual({ ok: true, changes: { status: 'SIGNED_OFF', signedOffOn: '2025-01-24' } });
    expect(planReviewStage(signedOff, 'PUBLISHED', '2025-03-03', today)).toEqual({ ok: true, changes: { status: 'PUBLISHED', publishedOn: '2025-03-03' } });
    expect(planReviewStage(signedOff, 'LEARNING_BRIEFING_PUBLISHED', '2025-02-10', today)).toEqual({
      ok: true,
      changes: { learningBriefingPublishedOn: '2025-02-10' },
    });
  });

  it.each([
    ['publishing before sign-off', inProgress, 'PUBLISHED', '2025-02-01', /IN_PROGRESS: record SIGNED_OFF first/],
    ['signing off before work started', notified, 'SIGNED_OFF', '2025-02-01', /NOTIFIED: record IN_PROGRESS first/],
    ['a briefing before sign-off', inProgress, 'LEARNING_BRIEFING_PUBLISHED', '2025-02-01', /IN_PROGRESS/],
    ['starting twice', inProgress, 'IN_PROGRESS', '2025-02-01', /IN_PROGRESS/],
    ['a start before notification', notified, 'IN_PROGRESS', '2025-01-05', /before the review was notified \(2025-01-06\)/],
    ['a sign-off before the start', inProgress, 'SIGNED_OFF', '2025-01-06', /before the review was started \(2025-01-07\)/],
    ['a future date', inProgress, 'SIGNED_OFF', '2025-06-02', /in the future/],
    [
      'a second briefing',
      { ...signedOff, learningBriefingPublishedOn: '2025-02-10' },
      'LEARNING_BRIEFING_PUBLISHED',
      '2025-02-11',
      /already had its learning briefing published on 2025-02-10/,
    ],
  ] as const)('refuses %s', (_case, review, stage, on, message) => {
    const plan = planReviewStage(review, stage, on, today);
    expect(plan.ok).toBe(false);
    expect(plan.ok ? '' : plan.message).toMatch(message);
  });
});

describe('summariseTimeliness', () => {
  const clocks: Record<string, Pick<ClockRule, 'length' | 'unit'>> = {
    REVIEW_COMPLETION: rapidReview,
    LEARNING_BRIEFING_PUBLICATION: { length: 10, unit: 'WORKING_DAYS' },
    ACTION_PLAN_COMPLETION: { length: 3, unit: 'MONTHS' },
  };
  const reviews = [
    // On time (15 working days), briefing on time (due 2024-04-26), plan on time (due 2024-07-12).
    {
      reviewKindId: 'rapid-review',
      notifiedOn: '2024-03-20',
      signedOffOn: '2024-04-12',
      learningBriefingPublishedOn: '2024-04-26',
      actionPlanCompletedOn: '2024-07-01',
    },
    // Due 2022-01-10, signed off 2022-01-12 after 17 working days; no briefing, no plan.
    { reviewKindId: 'rapid-review', notifiedOn: '2021-12-15', signedOffOn: '2022-01-12', learningBriefingPublishedOn: null, actionPlanCompletedOn: null },
    // 10 working days over Easter; briefing due 2024-04-24 but published 04-25; plan due 07-10, done 07-30.
    {
      reviewKindId: 'rapid-review',
      notifiedOn: '2024-03-25',
      signedOffOn: '2024-04-10',
      learningBriefingPublishedOn: '2024-04-25',
      actionPlanCompletedOn: '2024-07-30',
    },
    // Open: due 2024-11-22, so overdue on 2024-11-30.
    { reviewKindId: 'rapid-review', notifiedOn: '2024-11-01', signedOffOn: null, learningBriefingPublishedOn: null, actionPlanCompletedOn: null },
    // Open, not yet due.
    { reviewKindId: 'rapid-review', notifiedOn: '2024-11-25', signedOffOn: null, learningBriefingPublishedOn: null, actionPlanCompletedOn: null },
    // Another kind, with no clock at all.
    {
      reviewKindId: 'multi-agency-case-file-audit',
      notifiedOn: '2024-02-01',
      signedOffOn: '2024-05-01',
      learningBriefingPublishedOn: null,
      actionPlanCompletedOn: null,
    },
  ];
  const clockOf = (kind: string, milestone: string) => (kind === 'rapid-review' ? clocks[milestone]! : null);

  it('counts completions, lateness, the median and what is overdue now', () => {
    const [rapid, audit] = summariseTimeliness(['rapid-review', 'multi-agency-case-file-audit'], reviews, clockOf, '2021-12-01', '2024-12-31', '2024-11-30');
    expect(rapid).toEqual({
      reviewKindId: 'rapid-review',
      completed: 3,
      completedOnTime: 2,
      completedLate: 1,
      medianWorkingDaysToSignOff: 15,
      openNow: 2,
      overdueNow: 1,
      learningBriefingsOnTime: 1,
      actionPlansCompletedOnTime: 1,
      // The 2022 review never completed its plan (due 2022-04-12).
      actionPlansOverdueNow: 1,
    });
    expect(audit).toMatchObject({ completed: 1, completedOnTime: 0, completedLate: 0, overdueNow: 0, openNow: 0 });
  });

  it('takes completions within the period only, and a two-value median is their mean', () => {
    const [rapid] = summariseTimeliness(['rapid-review'], reviews, clockOf, '2024-01-01', '2024-12-31', '2024-11-30');
    expect(rapid).toMatchObject({ completed: 2, completedOnTime: 2, completedLate: 0, medianWorkingDaysToSignOff: 12.5 });
  });

  it('medians', () => {
    expect(median([])).toBeNull();
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
  });
});

describe('repeatedThemes', () => {
  const facts = [
    { reviewId: 'r1', partnershipId: 'solihull', themeId: 'neglect' },
    { reviewId: 'r2', partnershipId: 'solihull', themeId: 'neglect' },
    { reviewId: 'r3', partnershipId: 'telford-and-wrekin', themeId: 'neglect' },
    { reviewId: 'r3', partnershipId: 'telford-and-wrekin', themeId: 'exploitation' },
    { reviewId: 'r4', partnershipId: 'shropshire', themeId: 'exploitation' },
    { reviewId: 'r5', partnershipId: 'solihull', themeId: 'mental-health' },
  ];
  it('keeps themes in at least the minimum of reviews, most repeated first, with every partnership asked about', () => {
    expect(repeatedThemes(facts, ['solihull', 'telford-and-wrekin'], 2)).toEqual([
      {
        themeId: 'neglect',
        reviewCount: 3,
        partnershipCount: 2,
        byPartnership: [
          { partnershipId: 'solihull', reviewCount: 2 },
          { partnershipId: 'telford-and-wrekin', reviewCount: 1 },
        ],
      },
    ]);
    expect(repeatedThemes(facts, ['shropshire', 'solihull', 'telford-and-wrekin'], 2).map((theme) => [theme.themeId, theme.reviewCount])).toEqual([
      ['neglect', 3],
      ['exploitation', 2],
    ]);
  });
});
