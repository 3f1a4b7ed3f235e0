/**
 * Rules a partnership's facts keep when they are edited through the API (operations/partnership-facts.ts).
 * Pure: each takes the values and says what is wrong, or null when nothing is. Tested case by case
 * in test/rules.test.ts.
 */

/** A refusal: what is wrong, and the input field it is about. */
export interface FactProblem {
  field: string;
  message: string;
}

/** A partnership slug: lowercase words of letters and digits joined by single hyphens, 2 to 64 characters. */
export const PARTNERSHIP_SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function slugProblem(slug: string, field = 'slug'): FactProblem | null {
  if (slug.length < 2 || slug.length > 64 || !PARTNERSHIP_SLUG.test(slug)) {
    return {
      field,
      message: `${field} "${slug.slice(0, 70)}" is not a slug: 2 to 64 lowercase letters or digits in words joined by single hyphens, e.g. telford-and-wrekin`,
    };
  }
  return null;
}

/** Dates in order: an end on or after its start (either may be open). */
export function datesInOrderProblem(from: string | null | undefined, to: string | null | undefined, field: string): FactProblem | null {
  if (from && to && to < from) return { field, message: `${field} ${to} is before the start ${from}; dates must be in order.` };
  return null;
}

/** A financial year as England's public bodies write it, e.g. 2025-26: April to March, the second year the next one. */
export const FINANCIAL_YEAR = /^(\d{4})-(\d{2})$/;

/** The first and last day of a financial year, or null when the text is not one. */
export function financialYearDates(financialYear: string): { start: string; end: string } | null {
  const match = FINANCIAL_YEAR.exec(financialYear);
  if (!match) return null;
  const first = Number(match[1]);
  if (first < 1900 || first > 2199 || Number(match[2]) !== (first + 1) % 100) return null;
  return { start: `${first}-04-01`, end: `${first + 1}-03-31` };
}

export function financialYearProblem(financialYear: string, field = 'financialYear'): FactProblem | null {
  return financialYearDates(financialYear)
    ? null
    : { field, message: `${field} "${financialYear.slice(0, 20)}" is not a financial year: write it as 2025-26 (April 2025 to March 2026).` };
}

/** Whether a date falls in a financial year (false for text that is not one). */
export function inFinancialYear(financialYear: string | null, date: string): boolean {
  const dates = financialYear ? financialYearDates(financialYear) : null;
  return dates !== null && dates.start <= date && date <= dates.end;
}

/**
 * Contributions against the total: where the budget states a total, the contributions that state
 * an amount may not add up to more than it (some funding may come from elsewhere, so less is
 * allowed). Without a total there is nothing to check. A missing amount is unknown, never zero.
 */
export function contributionsProblem(totalPence: number | null, contributions: { organisationId: string; amountPence: number | null }[]): FactProblem | null {
  const seen = new Set<string>();
  for (const [index, contribution] of contributions.entries()) {
    if (seen.has(contribution.organisationId)) {
      return {
        field: `contributions.${index}.organisationId`,
        message: `${contribution.organisationId} contributes twice; give one contribution per organisation.`,
      };
    }
    seen.add(contribution.organisationId);
  }
  if (totalPence === null) return null;
  const stated = contributions.reduce((sum, contribution) => sum + (contribution.amountPence ?? 0), 0);
  if (stated > totalPence) {
    return { field: 'contributions', message: `The stated contributions add up to ${stated} pence, more than the total of ${totalPence} pence.` };
  }
  return null;
}

/** An amount of money in pence: a whole number, not negative, below £20 million (the database's integer). */
export function amountProblem(pence: number | null | undefined, field: string): FactProblem | null {
  if (pence === null || pence === undefined) return null;
  if (!Number.isInteger(pence) || pence < 0 || pence > 2_000_000_000) {
    return { field, message: `${field} must be a whole number of pence from 0 to 2000000000 (£20 million); leave it out when the amount is not stated.` };
  }
  return null;
}

/** A figure's year: four digits, not before 1800, not after next year. */
export function figureYearProblem(year: string, today: string, field = 'year'): FactProblem | null {
  if (!/^\d{4}$/.test(year) || Number(year) < 1800 || Number(year) > Number(today.slice(0, 4)) + 1) {
    return { field, message: `${field} "${year.slice(0, 20)}" must be a year of four digits, from 1800 to next year.` };
  }
  return null;
}

/** A period a Lead Safeguarding Partner held the role: open ends unbounded. */
export interface PartnerPeriod {
  id?: string;
  validFrom: string | null;
  validTo: string | null;
}

/** Two periods of one partner overlap (an open end reaches for ever). */
export function periodsOverlap(a: PartnerPeriod, b: PartnerPeriod): boolean {
  const aStartsBeforeBEnds = a.validFrom === null || b.validTo === null || a.validFrom <= b.validTo;
  const bStartsBeforeAEnds = b.validFrom === null || a.validTo === null || b.validFrom <= a.validTo;
  return aStartsBeforeBEnds && bStartsBeforeAEnds;
}

/** One organisation is a Lead Safeguarding Partner of a partnership once at a time: its periods may not overlap. */
export function overlappingPeriodProblem(candidate: PartnerPeriod, others: PartnerPeriod[], field: string): FactProblem | null {
  const clash = others.find((other) => (candidate.id === undefined || other.id !== candidate.id) && periodsOverlap(candidate, other));
  if (!clash) return null;
  return {
    field,
    message: `The period ${candidate.validFrom ?? 'open'} to ${candidate.validTo ?? 'open'} overlaps the recorded one ${clash.validFrom ?? 'open'} to ${clash.validTo ?? 'open'}; end that one first or correct it.`,
  };
}

/** The day before a date (YYYY-MM-DD), for ending a period when the next one starts. */
export function dayBefore(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - 1);
  return day.toISOString().slice(0, 10);
}

/** The figure in force for a year: the latest year not after it; null when none is that old. */
export function figureForYear<T extends { year: string }>(figures: T[], year: string): T | null {
  return [...figures].filter((figure) => figure.year <= year).sort((a, b) => b.year.localeCompare(a.year))[0] ?? null;
}
