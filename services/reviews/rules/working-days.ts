import Holidays from 'date-holidays';
import { addDays } from '@safeguarding/subgraph-runtime';

/**
 * The working-day calendar of England & Wales: Monday to Friday, except bank holidays. The bank
 * holidays come from the maintained `date-holidays` rules for GB/ENG (substitute days and one-off
 * holidays such as coronations included), never from a hand-typed list.
 *
 * Dates are plain "YYYY-MM-DD" strings throughout, handled in UTC so no time zone shifts a day.
 */
const englandAndWales = new Holidays('GB', 'ENG');
const holidaysByYear = new Map<number, Map<string, string>>();

function bankHolidaysOf(year: number): Map<string, string> {
  let holidays = holidaysByYear.get(year);
  if (!holidays) {
    // 'public' are the bank holidays; the library also lists observances such as Mother's Day.
    holidays = new Map(
      englandAndWales
        .getHolidays(year)
        .filter((holiday) => holiday.type === 'public' || holiday.type === 'bank')
        .map((holiday) => [holiday.date.slice(0, 10), holiday.name] as const),
    );
    holidaysByYear.set(year, holidays);
  }
  return holidays;
}

const toUtc = (date: string): Date => new Date(`${date}T00:00:00Z`);

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function calendarDaysBetween(from: string, to: string): number {
  return Math.round((toUtc(to).getTime() - toUtc(from).getTime()) / 86_400_000);
}

/** The bank holiday's name, or null when the date is not one. */
export function bankHoliday(date: string): string | null {
  return bankHolidaysOf(Number(date.slice(0, 4))).get(date) ?? null;
}

/** The England & Wales bank holidays of a year, in date order. */
export function bankHolidays(year: number): { date: string; name: string }[] {
  return [...bankHolidaysOf(year)].map(([date, name]) => ({ date, name })).sort((a, b) => a.date.localeCompare(b.date));
}

export function isWorkingDay(date: string): boolean {
  const weekday = toUtc(date).getUTCDay();
  return weekday !== 0 && weekday !== 6 && bankHoliday(date) === null;
}

/** The `count`th working day after `date` (the start day itself never counts). */
export function addWorkingDays(date: string, count: number): string {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`count must be a whole number of working days, got ${count}`);
  let current = date;
  for (let remaining = count; remaining > 0;) {
    current = addDays(current, 1);
    if (isWorkingDay(current)) remaining -= 1;
  }
  return current;
}

/** Working days after `from` up to and including `to`; 0 when `to` is not after `from`. */
export function workingDaysBetween(from: string, to: string): number {
  let count = 0;
  for (let current = addDays(from, 1); current <= to; current = addDays(current, 1)) {
    if (isWorkingDay(current)) count += 1;
  }
  return count;
}
