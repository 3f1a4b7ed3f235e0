// Calendar-day and month arithmetic now come from the one date module (subgraph-runtime's calendar).
import { addDays as addCalendarDays, addMonths } from '@safeguarding/subgraph-runtime';
import { addWorkingDays, bankHoliday, bankHolidays, calendarDaysBetween, isWorkingDay, workingDaysBetween } from '../rules/working-days';

/** The England & Wales calendar, checked by value against real bank holidays (gov.uk lists). */
describe('bank holidays', () => {
  it('includes Christmas 2021 and its substitute days (Christmas and Boxing Day fell at the weekend)', () => {
    expect(bankHolidays(2021).map((holiday) => holiday.date)).toEqual([
      '2021-01-01',
      '2021-04-02',
      '2021-04-05',
      '2021-05-03',
      '2021-05-31',
      '2021-08-30',
      '2021-12-25',
      '2021-12-26',
      '2021-12-27',
      '2021-12-28',
    ]);
    expect(isWorkingDay('2021-12-27')).toBe(false);
    expect(isWorkingDay('2021-12-28')).toBe(false);
    expect(isWorkingDay('2021-12-29')).toBe(true);
  });

  it.each([
    ['2020-12-28', 'Boxing Day fell on a Saturday'],
    ['2022-01-03', "New Year's Day fell on a Saturday"],
    ['2022-12-27', 'Christmas Day fell on a Sunday'],
    ['2023-01-02', "New Year's Day fell on a Sunday"],
  ])('treats the substitute day %s as a bank holiday (%s)', (date) => {
    expect(bankHoliday(date)).toMatch(/substitute/i);
    expect(isWorkingDay(date)).toBe(false);
  });

  it.each([
    ['2024-03-29', 'Good Friday'],
    ['2024-04-01', 'Easter Monday'],
    ['2025-04-18', 'Good Friday'],
    ['2025-04-21', 'Easter Monday'],
    ['2024-12-25', 'Christmas Day'],
    ['2024-12-26', 'Boxing Day'],
    ['2022-06-03', 'Platinum Jubilee'],
    ['2022-09-19', 'Funeral'],
    ['2023-05-08', 'Coronation'],
  ])('%s (%s) is not a working day', (date, name) => {
    expect(bankHoliday(date)).toMatch(new RegExp(name, 'i'));
    expect(isWorkingDay(date)).toBe(false);
  });

  it("does not count observances such as Mother's Day or Easter Sunday as holidays, and weekends are never working days", () => {
    expect(bankHoliday('2024-03-10')).toBeNull();
    expect(bankHoliday('2024-03-31')).toBeNull();
    expect(isWorkingDay('2024-03-30')).toBe(false);
    expect(isWorkingDay('2024-03-28')).toBe(true);
    expect(isWorkingDay('2024-04-02')).toBe(true);
  });
});

describe('working-day arithmetic', () => {
  it.each([
    ['2021-12-24', 1, '2021-12-29', 'over Christmas 2021 and both substitute days'],
    ['2021-12-23', 3, '2021-12-30', 'across Christmas 2021'],
    ['2021-12-31', 1, '2022-01-04', "over New Year's substitute day 2022"],
    ['2020-12-24', 1, '2020-12-29', 'over Christmas 2020 and the Boxing Day substitute'],
    ['2024-03-28', 1, '2024-04-02', 'over Easter 2024'],
    ['2024-03-20', 15, '2024-04-12', 'a Rapid Review notified the week before Easter 2024'],
    ['2021-12-15', 15, '2022-01-10', 'a Rapid Review notified before Christmas 2021'],
    ['2025-01-06', 15, '2025-01-27', 'a Rapid Review in an ordinary January'],
    ['2024-04-12', 10, '2024-04-26', 'a learning briefing with no holiday in between'],
    ['2024-06-07', 0, '2024-06-07', 'no days at all'],
  ])('%s + %i working days = %s (%s)', (start, days, expected) => {
    expect(addWorkingDays(start, days)).toBe(expected);
    expect(workingDaysBetween(start, expected)).toBe(days);
  });

  it('counts working days after the start up to and including the end', () => {
    expect(workingDaysBetween('2021-12-24', '2022-01-04')).toBe(4);
    expect(workingDaysBetween('2021-12-15', '2022-01-12')).toBe(17);
    expect(workingDaysBetween('2024-03-25', '2024-04-10')).toBe(10);
    expect(workingDaysBetween('2024-04-10', '2024-04-01')).toBe(0);
  });

  it('refuses a negative or fractional count', () => {
    expect(() => addWorkingDays('2024-01-01', -1)).toThrow(RangeError);
    expect(() => addWorkingDays('2024-01-01', 1.5)).toThrow(RangeError);
  });

  it.each([
    ['2024-01-15', 10, '2024-11-15'],
    ['2024-08-31', 6, '2025-02-28'],
    ['2023-08-31', 6, '2024-02-29'],
    ['2024-11-30', 3, '2025-02-28'],
    ['2024-10-31', 3, '2025-01-31'],
    ['2024-04-12', 3, '2024-07-12'],
  ])('%s + %i months = %s (clamped to the end of a shorter month)', (start, months, expected) => {
    expect(addMonths(start, months)).toBe(expected);
  });

  it('counts calendar days across month and year ends', () => {
    expect(calendarDaysBetween('2022-01-10', '2022-01-12')).toBe(2);
    expect(calendarDaysBetween('2024-12-31', '2025-01-01')).toBe(1);
    expect(calendarDaysBetween('2024-03-01', '2024-02-28')).toBe(-2);
    expect(addCalendarDays('2024-02-28', 1)).toBe('2024-02-29');
  });
});
