import type { SuccessTarget } from './success-target';

/**
 * RAG of a measurable success statement, computed from its latest measurement on or before a date.
 * Green: the target is met. Amber: within the amber band (a tenth of the target short, or, for a
 * reduction, some reduction short of the target). Red: further off. No measurement: NO_DATA, never
 * red by default.
 */
export type Rag = 'RED' | 'AMBER' | 'GREEN' | 'NO_DATA';

export interface RagRule {
  /** How far short of the target, as a fraction of it, still counts as amber. */
  amberTolerance: number;
}

export const DEFAULT_RAG_RULE: RagRule = { amberTolerance: 0.1 };

export interface MeasurementPoint {
  measuredOn: string;
  value: number;
}

export function latestMeasurement(measurements: MeasurementPoint[], asOf: string): MeasurementPoint | null {
  let latest: MeasurementPoint | null = null;
  for (const measurement of measurements) {
    if (measurement.measuredOn <= asOf && (!latest || measurement.measuredOn > latest.measuredOn)) latest = measurement;
  }
  return latest;
}

export function evaluateRag(
  target: SuccessTarget,
  baselineValue: number | null,
  measurements: MeasurementPoint[],
  asOf: string,
  rule: RagRule = DEFAULT_RAG_RULE,
): Rag {
  const latest = latestMeasurement(measurements, asOf);
  if (!latest) return 'NO_DATA';
  const value = latest.value;
  switch (target.comparison) {
    case 'ABOVE':
      if (value > target.value) return 'GREEN';
      return value >= target.value * (1 - rule.amberTolerance) ? 'AMBER' : 'RED';
    case 'AT_LEAST':
      if (value >= target.value) return 'GREEN';
      return value >= target.value * (1 - rule.amberTolerance) ? 'AMBER' : 'RED';
    case 'COMPLETED_WITHIN':
      // Measured as the percentage completed on time; the target is all of them.
      if (value >= 100) return 'GREEN';
      return value >= 100 * (1 - rule.amberTolerance) ? 'AMBER' : 'RED';
    case 'REDUCE_BY_AT_LEAST_PERCENT': {
      if (baselineValue === null) return 'NO_DATA';
      const goal = baselineValue * (1 - target.value / 100);
      if (value <= goal) return 'GREEN';
      return value < baselineValue ? 'AMBER' : 'RED';
    }
  }
}
