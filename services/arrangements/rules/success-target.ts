/**
 * Reads a measurable target out of a success statement's own words, so 002's statements are
 * seeded verbatim and their targets are derived, not retyped. Statements without a number (e.g. "A
 * reduction in serious violence") are not measurable and stay text.
 */
export type TargetComparison = 'ABOVE' | 'AT_LEAST' | 'REDUCE_BY_AT_LEAST_PERCENT' | 'COMPLETED_WITHIN';
export type TargetUnit = 'PERCENT' | 'WORKING_DAYS' | 'MONTHS';

export interface SuccessTarget {
  comparison: TargetComparison;
  value: number;
  unit: TargetUnit;
  /** For reductions: the period the baseline is taken from, e.g. "2022-23". */
  baselinePeriod: string | null;
  /** What a measurement of this statement records. */
  measures: string;
}

const WORDS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, twelve: 12, fifteen: 15 };
const number = (text: string): number => WORDS[text.toLowerCase()] ?? Number(text);

export function parseSuccessTarget(statement: string): SuccessTarget | null {
  const reduction = /by at least (\d+(?:\.\d+)?)%\s+based on (\d{4}-\d{2})/i.exec(statement);
  if (reduction) {
    return {
      comparison: 'REDUCE_BY_AT_LEAST_PERCENT',
      value: Number(reduction[1]),
      unit: 'PERCENT',
      baselinePeriod: reduction[2]!,
      measures: `the measured rate, compared with the ${reduction[2]} baseline`,
    };
  }
  const beyond = /beyond (\d+(?:\.\d+)?)%/i.exec(statement);
  if (beyond) return { comparison: 'ABOVE', value: Number(beyond[1]), unit: 'PERCENT', baselinePeriod: null, measures: 'the percentage the statement names' };
  const atLeast = /at least (\d+(?:\.\d+)?)%/i.exec(statement);
  if (atLeast)
    return { comparison: 'AT_LEAST', value: Number(atLeast[1]), unit: 'PERCENT', baselinePeriod: null, measures: 'the percentage the statement names' };
  // "within 15 working days", "within six months", "with 10 months" (sic), "within the specified 6 month timescale"
  const clock = /\bwith(?:in)?\s+(?:the specified\s+)?(\d+|[a-z]+)\s+(working days?|months?|month timescale)/i.exec(statement);
  if (clock && !Number.isNaN(number(clock[1]!))) {
    const unit: TargetUnit = /working/i.test(clock[2]!) ? 'WORKING_DAYS' : 'MONTHS';
    return {
      comparison: 'COMPLETED_WITHIN',
      value: number(clock[1]!),
      unit,
      baselinePeriod: null,
      measures: `the percentage completed within ${number(clock[1]!)} ${unit === 'WORKING_DAYS' ? 'working days' : 'months'}`,
    };
  }
  return null;
}
