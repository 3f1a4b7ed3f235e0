import { addDays } from '@safeguarding/subgraph-runtime';

/**
 * Partnerships plan and report their programme by financial year (1 April to 31 March), as the
 * Telford & Wrekin arrangements do for meetings and budgets (003) and annual reports do for impact (001).
 */
export const FINANCIAL_YEAR = { startMonth: 4, startDay: 1 } as const;

/** How far back learning coverage looks by default: the start of the financial year this many years ago. */
export const COVERAGE_LOOKBACK_FINANCIAL_YEARS = 2;

export interface FinancialYear {
  year: number;
  label: string;
  from: string;
  to: string;
}

const pad = (value: number) => String(value).padStart(2, '0');

export function financialYear(year: number): FinancialYear {
  const start = `${pad(FINANCIAL_YEAR.startMonth)}-${pad(FINANCIAL_YEAR.startDay)}`;
  return {
    year,
    label: `${year}/${pad((year + 1) % 100)}`,
    from: `${year}-${start}`,
    // The day before the next financial year starts.
    to: addDays(`${year + 1}-${start}`, -1),
  };
}

/** The financial year a date (YYYY-MM-DD) falls in, named by its first calendar year. */
export function financialYearOf(date: string): number {
  const year = Number(date.slice(0, 4));
  return date >= financialYear(year).from ? year : year - 1;
}

export function defaultCoverageSince(today: string): string {
  return financialYear(financialYearOf(today) - COVERAGE_LOOKBACK_FINANCIAL_YEARS).from;
}
