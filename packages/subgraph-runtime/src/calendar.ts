/**
 * Calendar arithmetic on ISO dates (YYYY-MM-DD), the one date module every subgraph uses. Dates are
 * handled in UTC so no time zone moves a day; "today" is read in England, the partnerships' calendar.
 */

/** The ISO date (YYYY-MM-DD) of a JavaScript Date, read in UTC. */
export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  const value = new Date(`${date}T00:00:00Z`);
  value.setUTCDate(value.getUTCDate() + days);
  return isoDate(value);
}

/** The same day `months` later, clamped to the month's end (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return isoDate(target);
}

// Made once: building an Intl formatter costs far more than using one, and this runs per request.
const ENGLAND_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today's date, YYYY-MM-DD, in UK local time (the partnerships' calendar). */
export function todayInEngland(now: Date = new Date()): string {
  return ENGLAND_DATE.format(now);
}

/** True when a dated record was in force on `asOf` (open ends count as unbounded). */
export function validOn(record: { validFrom: string | null; validTo: string | null }, asOf: string): boolean {
  return (record.validFrom === null || record.validFrom <= asOf) && (record.validTo === null || record.validTo >= asOf);
}

/** Whether a record with a start and an end date is in force on a date (open ends unbounded). */
export function inForceOn(record: { startDate: string | null; endDate: string | null }, asOf: string): boolean {
  return (record.startDate === null || record.startDate <= asOf) && (record.endDate === null || record.endDate >= asOf);
}

/** Whether two periods share a day; an open end runs for ever, an open start from the beginning. */
export function periodsOverlap(a: { startDate: string | null; endDate: string | null }, b: { startDate: string | null; endDate: string | null }): boolean {
  const aStart = a.startDate ?? '0000-01-01';
  const bStart = b.startDate ?? '0000-01-01';
  const aEnd = a.endDate ?? '9999-12-31';
  const bEnd = b.endDate ?? '9999-12-31';
  return aStart <= bEnd && bStart <= aEnd;
}

/** The first day of the twelve months that end on `asOf` (comparison sections report that year). */
export function twelveMonthsEndingStart(asOf: string): string {
  const date = new Date(`${asOf}T00:00:00Z`);
  date.setUTCFullYear(date.getUTCFullYear() - 1);
  date.setUTCDate(date.getUTCDate() + 1);
  return isoDate(date);
}
