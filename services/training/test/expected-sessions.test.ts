import { projectYearlySessions, type KnownSession } from '../rules/expected-sessions';

/** Yearly programmes projected forward as expected sessions, with today pinned. */
const TODAY = '2026-12-02';
const session = (date: string, status: KnownSession['status'] = 'SCHEDULED'): KnownSession => ({ date, status, deliveryMethod: 'VIRTUAL' });
const dates = (projection: { date: string }[]) => projection.map((p) => p.date);

it("repeats the last programme year's sessions a year on, soonest first, never before today", () => {
  const sessions = [session('2025-05-20'), session('2026-02-10'), session('2026-06-16'), session('2026-11-03')];
  // The last programme year is 2025-11-03 to 2026-11-03: 2026-02-10, 2026-06-16, 2026-11-03.
  expect(projectYearlySessions(sessions, { today: TODAY, limit: 4 })).toEqual([
    { date: '2027-02-10', projectedFrom: '2026-02-10', deliveryMethod: 'VIRTUAL', basis: 'repeats yearly: 1 year after the session on 2026-02-10' },
    { date: '2027-06-16', projectedFrom: '2026-06-16', deliveryMethod: 'VIRTUAL', basis: 'repeats yearly: 1 year after the session on 2026-06-16' },
    { date: '2027-11-03', projectedFrom: '2026-11-03', deliveryMethod: 'VIRTUAL', basis: 'repeats yearly: 1 year after the session on 2026-11-03' },
    { date: '2028-02-10', projectedFrom: '2026-02-10', deliveryMethod: 'VIRTUAL', basis: 'repeats yearly: 2 years after the session on 2026-02-10' },
  ]);
});

it('keeps to today for a course whose last year is long past', () => {
  expect(dates(projectYearlySessions([session('2024-03-12')], { today: TODAY, limit: 2 }))).toEqual(['2027-03-12', '2028-03-12']);
});

it('skips cancelled sessions', () => {
  const sessions = [session('2026-01-13'), session('2026-10-06', 'CANCELLED'), session('2027-01-13')];
  // Latest live session 2027-01-13: its year holds only that one (2026-01-13 is exactly 12 months earlier).
  expect(dates(projectYearlySessions(sessions, { today: TODAY, limit: 2 }))).toEqual(['2028-01-13', '2029-01-13']);
});

it("stops at the course's retiredOn, and projects nothing without sessions or with a zero limit", () => {
  expect(dates(projectYearlySessions([session('2026-06-16')], { today: TODAY, limit: 5, retiredOn: '2028-12-31' }))).toEqual(['2027-06-16', '2028-06-16']);
  expect(projectYearlySessions([], { today: TODAY, limit: 3 })).toEqual([]);
  expect(projectYearlySessions([session('2026-10-06', 'CANCELLED')], { today: TODAY, limit: 3 })).toEqual([]);
  expect(projectYearlySessions([session('2026-06-16')], { today: TODAY, limit: 0 })).toEqual([]);
});
