/**
 * Reporting lines between bodies (issue 16): a body may report to several parents, each line with
 * its kind and dates, but never to itself and never through a cycle. Lines only join the graph on
 * their start dates, so checking the graph as it stands on each start date in the new line's period
 * finds every cycle the new lines could make.
 */
export interface DatedLine {
  bodyId: string;
  parentBodyId: string;
  validFrom: string | null;
  validTo: string | null;
}

export type ReportingLineBreach = { kind: 'SELF'; bodyId: string } | { kind: 'CYCLE'; path: string[]; on: string };

const EARLIEST = '0000-01-01';
const inForce = (line: DatedLine, date: string) => (line.validFrom ?? EARLIEST) <= date && (line.validTo === null || line.validTo >= date);

/** The first breach the proposed lines would make with the existing ones, or null when they keep the rule. */
export function reportingLineBreach(existing: readonly DatedLine[], proposed: readonly DatedLine[]): ReportingLineBreach | null {
  for (const line of proposed) if (line.bodyId === line.parentBodyId) return { kind: 'SELF', bodyId: line.bodyId };
  const all = [...existing, ...proposed];
  for (const line of proposed) {
    const from = line.validFrom ?? EARLIEST;
    const dates = new Set([from]);
    for (const other of all) {
      const start = other.validFrom ?? EARLIEST;
      if (start > from && (line.validTo === null || start <= line.validTo)) dates.add(start);
    }
    for (const date of [...dates].sort()) {
      const parents = new Map<string, string[]>();
      for (const edge of all.filter((candidate) => inForce(candidate, date)))
        parents.set(edge.bodyId, [...(parents.get(edge.bodyId) ?? []), edge.parentBodyId]);
      const path = pathUp(line.parentBodyId, line.bodyId, parents, new Set());
      if (path) return { kind: 'CYCLE', path: [line.bodyId, ...path], on: date };
    }
  }
  return null;
}

/** The chain of parents from `from` up to `target`, or null when `target` is not above `from`. */
function pathUp(from: string, target: string, parents: Map<string, string[]>, seen: Set<string>): string[] | null {
  if (from === target) return [from];
  if (seen.has(from)) return null;
  seen.add(from);
  for (const parent of parents.get(from) ?? []) {
    const rest = pathUp(parent, target, parents, seen);
    if (rest) return [from, ...rest];
  }
  return null;
}

/** The breach in words, for the BAD_USER_INPUT message. */
export function describeReportingLineBreach(breach: ReportingLineBreach, name: (bodyId: string) => string): string {
  if (breach.kind === 'SELF') return `"${name(breach.bodyId)}" cannot report to itself.`;
  return `These reporting lines would make a cycle on ${breach.on}: ${breach.path.map(name).join(' -> ')}; a body cannot report to itself through other bodies.`;
}
