import { checkChapterAdoption, checkNewChapterVersion, followedChapters, isChapterNumber, versionsInForce } from '../rules/procedure-adoption';
import { checkPlanPeriod, checkRevisionDate, checkSuccessTarget, earlierVersionOn, isFinancialYear } from '../rules/strategic-plan-edits';

/** The strategic plan and regional procedure rules, case by case (pure: no database). */

const v = (id: string, number: string, version: string, effectiveFrom: string) => ({ id, number, version, effectiveFrom });
// Shaped like the seeded chapters: 1.2 has versions 1 (2023-04-01) and 2 (2025-09-01).
const CHAPTERS = [v('a1', '1.1', '1', '2023-04-01'), v('b1', '1.2', '1', '2023-04-01'), v('b2', '1.2', '2', '2025-09-01'), v('c1', '10.1', '1', '2026-01-01')];

describe('a regional procedure adopted by a partnership keeps the version it adopted until it adopts a newer one', () => {
  it('follows the version adopted even when a newer one is published', () => {
    const followed = followedChapters(CHAPTERS, [{ chapterId: 'b1', chapterNumber: '1.2', adoptedOn: '2024-01-01' }]);
    expect(followed).toEqual([{ number: '1.2', adopted: CHAPTERS[1], latest: CHAPTERS[2], upToDate: false, adoptedOn: '2024-01-01' }]);
  });
  it('moves when the newer version is adopted, and keeps the later one whatever order the records come in', () => {
    const records = [
      { chapterId: 'b2', chapterNumber: '1.2', adoptedOn: '2025-10-01' },
      { chapterId: 'b1', chapterNumber: '1.2', adoptedOn: '2024-01-01' },
    ];
    expect(followedChapters(CHAPTERS, records)).toEqual([
      { number: '1.2', adopted: CHAPTERS[2], latest: CHAPTERS[2], upToDate: true, adoptedOn: '2025-10-01' },
    ]);
  });
  it('follows nothing for a chapter never adopted (the seeded adoptions record none)', () => expect(followedChapters(CHAPTERS, [])).toEqual([]));
  it('orders chapters by number numerically (1.2 before 10.1)', () => {
    const records = ['c1', 'a1'].map((chapterId) => ({ chapterId, chapterNumber: '', adoptedOn: '2026-02-01' }));
    expect(followedChapters(CHAPTERS, records).map((chapter) => chapter.number)).toEqual(['1.1', '10.1']);
  });
  it.each([
    ['a newer version than the one followed', CHAPTERS[1], CHAPTERS[2], null],
    ['a first version of a chapter not followed yet', null, CHAPTERS[1], null],
    ['the version already followed', CHAPTERS[2], CHAPTERS[2], /already the version adopted/],
    ['an older version than the one followed', CHAPTERS[2], CHAPTERS[1], /keeps its version until it adopts a newer one/],
  ])('adopting %s', (_case, held, candidate, problem) => {
    const result = checkChapterAdoption(held ?? null, candidate!);
    if (problem === null) expect(result).toBeNull();
    else expect(result).toMatch(problem);
  });
  it('adopts, on a date, the latest version of each chapter then in force', () => {
    expect(versionsInForce(CHAPTERS, '2025-08-31').map((chapter) => chapter.id)).toEqual(['a1', 'b1']);
    expect(versionsInForce(CHAPTERS, '2026-12-01').map((chapter) => chapter.id)).toEqual(['a1', 'b2', 'c1']);
  });
});

describe('a new chapter version', () => {
  const versions = CHAPTERS.filter((chapter) => chapter.number === '1.2');
  it.each([
    ['a new label after the latest date', { version: '3', effectiveFrom: '2026-01-01' }, null],
    ['a label already used', { version: '1', effectiveFrom: '2026-01-01' }, 'version'],
    ['a date on the latest version’s', { version: '3', effectiveFrom: '2025-09-01' }, 'effectiveFrom'],
    ['a date before the latest version’s', { version: '3', effectiveFrom: '2024-01-01' }, 'effectiveFrom'],
  ])('%s', (_case, next, field) => expect(checkNewChapterVersion(versions, next)?.field ?? null).toBe(field));
  it.each([
    ['1.2', true],
    ['10.1.3', true],
    ['1', true],
    ['1.', false],
    ['a.1', false],
    ['1..2', false],
  ])('chapter number %s is %s', (number, valid) => expect(isChapterNumber(number)).toBe(valid));
});

describe('plan periods', () => {
  const existing = [{ title: 'Strategic Plan and Priorities 2023-2026', periodStart: '2023-04-01', periodEnd: '2026-03-31' }];
  it.each([
    ['the next three years', '2026-04-01', '2029-03-31', null],
    ['one day', '2026-04-01', '2026-04-01', null],
    ['a period overlapping by a day', '2026-03-31', '2029-03-31', 'periodStart'],
    ['a period inside the existing one', '2024-01-01', '2024-12-31', 'periodStart'],
    ['an end before the start', '2027-01-01', '2026-12-31', 'periodEnd'],
    ['ten years exactly', '2026-04-01', '2036-04-01', 'periodEnd'],
    ['just under ten years', '2026-04-01', '2036-03-31', null],
  ])('%s', (_case, periodStart, periodEnd, field) => expect(checkPlanPeriod({ periodStart, periodEnd }, existing)?.field ?? null).toBe(field));
});

describe('changes from a date', () => {
  it.each([
    ['a day after the current version took effect', '2023-04-02', null],
    ['the day the current version took effect', '2023-04-01', 'effectiveFrom'],
    ['before it', '2023-01-01', 'effectiveFrom'],
    ['the last day of the period', '2026-03-31', null],
    ['after the period', '2026-04-01', 'effectiveFrom'],
  ])('%s', (_case, effectiveFrom, field) => expect(checkRevisionDate(effectiveFrom, '2023-04-01', '2026-03-31')?.field ?? null).toBe(field));

  const earlier = [
    { validFrom: '2023-04-01', validUntil: '2024-01-01', title: 'first' },
    { validFrom: '2024-01-01', validUntil: '2025-01-01', title: 'second' },
  ];
  it.each([
    ['2023-04-01', 'first'],
    ['2023-12-31', 'first'],
    ['2024-01-01', 'second'],
    ['2024-12-31', 'second'],
    ['2025-01-01', null],
    ['2022-01-01', null],
  ])('on %s the version in force is %s (null: the current row)', (asOf, title) => expect(earlierVersionOn(earlier, asOf)?.title ?? null).toBe(title));
});

describe('typed success targets', () => {
  const base = { measures: 'x' };
  it.each([
    ['at least 75%', { comparison: 'AT_LEAST', value: 75, unit: 'PERCENT' }, null],
    ['beyond 3%', { comparison: 'ABOVE', value: 3, unit: 'PERCENT' }, null],
    ['reduce by 5% on 2022-23', { comparison: 'REDUCE_BY_AT_LEAST_PERCENT', value: 5, unit: 'PERCENT', baselinePeriod: '2022-23', baselineValue: 24.1 }, null],
    ['within 15 working days', { comparison: 'COMPLETED_WITHIN', value: 15, unit: 'WORKING_DAYS' }, null],
    ['within 6 months', { comparison: 'COMPLETED_WITHIN', value: 6, unit: 'MONTHS' }, null],
    ['at least 75 months', { comparison: 'AT_LEAST', value: 75, unit: 'MONTHS' }, 'target.unit'],
    ['within 15%', { comparison: 'COMPLETED_WITHIN', value: 15, unit: 'PERCENT' }, 'target.unit'],
    ['at least 101%', { comparison: 'AT_LEAST', value: 101, unit: 'PERCENT' }, 'target.value'],
    ['at least -1%', { comparison: 'AT_LEAST', value: -1, unit: 'PERCENT' }, 'target.value'],
    ['an infinite value', { comparison: 'ABOVE', value: Infinity, unit: 'PERCENT' }, 'target.value'],
    ['reduce by 0%', { comparison: 'REDUCE_BY_AT_LEAST_PERCENT', value: 0, unit: 'PERCENT', baselinePeriod: '2022-23' }, 'target.value'],
    ['within 0 working days', { comparison: 'COMPLETED_WITHIN', value: 0, unit: 'WORKING_DAYS' }, 'target.value'],
    ['within 1.5 months', { comparison: 'COMPLETED_WITHIN', value: 1.5, unit: 'MONTHS' }, 'target.value'],
    ['a reduction without a baseline period', { comparison: 'REDUCE_BY_AT_LEAST_PERCENT', value: 5, unit: 'PERCENT' }, 'target.baselinePeriod'],
    ['a reduction on 2022-24', { comparison: 'REDUCE_BY_AT_LEAST_PERCENT', value: 5, unit: 'PERCENT', baselinePeriod: '2022-24' }, 'target.baselinePeriod'],
    ['a baseline period on at least', { comparison: 'AT_LEAST', value: 5, unit: 'PERCENT', baselinePeriod: '2022-23' }, 'target.baselinePeriod'],
    ['a baseline value on above', { comparison: 'ABOVE', value: 5, unit: 'PERCENT', baselineValue: 3 }, 'target.baselineValue'],
    [
      'a baseline of 120%',
      { comparison: 'REDUCE_BY_AT_LEAST_PERCENT', value: 5, unit: 'PERCENT', baselinePeriod: '2022-23', baselineValue: 120 },
      'target.baselineValue',
    ],
  ] as const)('%s', (_case, target, field) => expect(checkSuccessTarget({ ...base, ...target })?.field ?? null).toBe(field));

  it.each([
    ['2026-27', true],
    ['1999-00', true],
    ['2026-28', false],
    ['2026/27', false],
  ])('%s is a financial year: %s', (period, valid) => expect(isFinancialYear(period)).toBe(valid));
});
