/** Resolvers for small types several subgraphs declare (@shareable), so they behave the same everywhere. */

export const sourceCitationResolvers = {
  synthetic: (citation: { synthetic?: boolean }) => citation.synthetic ?? false,
};

export interface Money {
  minorUnits: number;
  currency: string;
  formatted: string;
}

const pounds = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP' });

/** Money from integer pence; null stays null (a missing amount is not zero). */
export function moneyFromPence(minorUnits: number | null | undefined): Money | null {
  if (minorUnits === null || minorUnits === undefined) return null;
  return { minorUnits, currency: 'GBP', formatted: pounds.format(minorUnits / 100) };
}

/** Today's date, YYYY-MM-DD, in UK local time (the partnerships' calendar). */
// Made once: building an Intl formatter costs far more than using one, and this runs per request.
const ENGLAND_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });

export function todayInEngland(now: Date = new Date()): string {
  return ENGLAND_DATE.format(now);
}

/** True when a dated record was in force on `asOf` (open ends count as unbounded). */
export function validOn(record: { validFrom: string | null; validTo: string | null }, asOf: string): boolean {
  return (record.validFrom === null || record.validFrom <= asOf) && (record.validTo === null || record.validTo >= asOf);
}

/** The first day of the twelve months that end on `asOf` (comparison sections report that year). */
export function twelveMonthsEndingStart(asOf: string): string {
  const date = new Date(`${asOf}T00:00:00Z`);
  date.setUTCFullYear(date.getUTCFullYear() - 1);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}
