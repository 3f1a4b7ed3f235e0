/** Calendar arithmetic on ISO dates (YYYY-MM-DD), in UTC so no time zone moves a day. */

export function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The same day `months` later, clamped to the month's end (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(isoDate: string, months: number): string {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}

/** Whether two periods share a day; an open end runs for ever, an open start from the beginning. */
export function periodsOverlap(
  a: { startDate: string | null; endDate: string | null },
  b: { startDate: string | null; endDate: string | null },
): boolean {
  const aStart = a.startDate ?? '0000-01-01';
  const bStart = b.startDate ?? '0000-01-01';
  const aEnd = a.endDate ?? '9999-12-31';
  const bEnd = b.endDate ?? '9999-12-31';
  return aStart <= bEnd && bStart <= aEnd;
}

/** Whether a dated record is in force on a date. */
export function inForceOn(record: { startDate: string | null; endDate: string | null }, asOf: string): boolean {
  return (record.startDate === null || record.startDate <= asOf) && (record.endDate === null || record.endDate >= asOf);
}
