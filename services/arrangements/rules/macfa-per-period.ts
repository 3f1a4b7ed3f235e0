/**
 * 002 Appendix 2: "Groups should complete at least one multi-agency case file audit per period".
 * The period is the financial year; the rule is data (minimum per period), checked per group.
 */
export interface MacfaRule {
  minimumPerPeriod: number;
}

export const MACFA_PER_PERIOD_RULE: MacfaRule = { minimumPerPeriod: 1 };

export interface MacfaPeriodCheck {
  period: string;
  multiAgencyCaseFileAudits: number;
  compliant: boolean;
}

/** Financial year label ("2024-25") of a date. */
export function financialYearOf(isoDate: string): string {
  const year = Number(isoDate.slice(0, 4));
  const start = Number(isoDate.slice(5, 7)) >= 4 ? year : year - 1;
  return `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
}

export function checkMacfaPerPeriod(
  actions: { period: string; isMultiAgencyCaseFileAudit: boolean }[],
  periods: string[],
  rule: MacfaRule = MACFA_PER_PERIOD_RULE,
): MacfaPeriodCheck[] {
  return periods.map((period) => {
    const count = actions.filter((action) => action.period === period && action.isMultiAgencyCaseFileAudit).length;
    return { period, multiAgencyCaseFileAudits: count, compliant: count >= rule.minimumPerPeriod };
  });
}
