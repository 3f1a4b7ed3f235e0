import { formatProblem, type PackProblem, type SubgraphSection } from '@safeguarding/packs';
import type { GatewayError } from './gateway';

/** What the gateway's PackChange says (packages/federation-contract/sdl/pack.graphql). */
export interface PackChange {
  entity: string;
  key: string;
  change: 'ADDED' | 'CHANGED' | 'ENDED';
  fields: string[];
}

/** What became of one section in an import. */
export type SectionOutcome =
  | { section: SubgraphSection; status: 'applied' | 'would apply'; changes: PackChange[] }
  | { section: SubgraphSection; status: 'refused'; errors: GatewayError[] }
  /** Not sent: a section before it was refused (an import stops there). */
  | { section: SubgraphSection; status: 'not attempted' }
  /** The pack folder has no file for it: the platform's data for that section is left as it is. */
  | { section: SubgraphSection; status: 'not in the pack' };

const SIGN: Record<PackChange['change'], string> = { ADDED: '+', CHANGED: '~', ENDED: '-' };

/** One change, entity by entity: `+ Body shropshire.executive`, `~ Body x (purpose, chairRule)`, `- Membership k`. */
export function formatChange(change: PackChange): string {
  const fields = change.change === 'CHANGED' && change.fields.length > 0 ? ` (${change.fields.join(', ')})` : '';
  return `${SIGN[change.change]} ${change.entity} ${change.key}${fields}`;
}

const plural = (count: number, one: string, many = `${one}s`): string => `${count} ${count === 1 ? one : many}`;

/** "2 added, 1 changed, 0 ended" for a list of changes. */
export function countChanges(changes: readonly PackChange[]): string {
  const count = (kind: PackChange['change']) => changes.filter((change) => change.change === kind).length;
  return `${count('ADDED')} added, ${count('CHANGED')} changed, ${count('ENDED')} ended`;
}

function isPackProblem(value: unknown): value is PackProblem {
  if (!value || typeof value !== 'object') return false;
  const problem = value as Record<string, unknown>;
  return (
    typeof problem.file === 'string' &&
    typeof problem.line === 'number' &&
    typeof problem.column === 'number' &&
    typeof problem.field === 'string' &&
    typeof problem.message === 'string'
  );
}

/** What to do about a refusal the pack's text cannot fix: the caller, the gateway's limits, an older platform. */
export function adviceFor(error: GatewayError): string | undefined {
  switch (error.extensions?.code) {
    case 'UNAUTHENTICATED':
      return 'Your token was not accepted (expired, or signed for another platform): get a new one, e.g. npm run --silent token -- regional-admin | tail -1.';
    case 'FORBIDDEN':
      return "Use a regional-admin's token to create a partnership or for the regional pack, or a partnership-admin's of this partnership for its own pack.";
    case 'PAYLOAD_TOO_LARGE':
      return 'The section is larger than the gateway accepts: start the platform with a larger REQUEST_SIZE_LIMIT (gateway and subgraphs), e.g. REQUEST_SIZE_LIMIT=10mb npm start.';
    case 'OPERATION_NOT_SAFELISTED':
      return 'This gateway only runs safelisted operations (PERSISTED_OPERATIONS=safelist): import through a gateway that accepts other operations.';
    case 'GRAPHQL_VALIDATION_FAILED':
      return /Cannot query field "\w*PackSection"/.test(error.message)
        ? 'This platform does not serve pack sections yet: update it to a version that does.'
        : undefined;
    default:
      return undefined;
  }
}

/** An error of a refused section: code and message, and for BAD_USER_INPUT each problem with its line and column. */
export function formatRefusal(error: GatewayError): string[] {
  const lines = [`${error.extensions?.code ?? 'ERROR'}: ${error.message}`];
  const problems = Array.isArray(error.extensions?.problems) ? error.extensions.problems.filter(isPackProblem) : [];
  for (const problem of problems) lines.push(`  ${formatProblem(problem)}`);
  if (problems.length === 0 && typeof error.extensions?.field === 'string') lines.push(`  field: ${error.extensions.field}`);
  const advice = adviceFor(error);
  if (advice) lines.push(`  ${advice}`);
  return lines;
}

/** The lines printed for one section as soon as its answer arrives. */
export function formatSectionOutcome(outcome: SectionOutcome): string[] {
  switch (outcome.status) {
    case 'applied':
    case 'would apply': {
      if (outcome.changes.length === 0) return [`${outcome.section}: ${outcome.status}, no changes`];
      return [
        `${outcome.section}: ${outcome.status} (${plural(outcome.changes.length, 'change')}: ${countChanges(outcome.changes)})`,
        ...outcome.changes.map((change) => `  ${formatChange(change)}`),
      ];
    }
    case 'refused':
      return [`${outcome.section}: refused; nothing in this section was written`, ...outcome.errors.flatMap(formatRefusal).map((line) => `  ${line}`)];
    case 'not attempted':
      return [`${outcome.section}: not attempted (an earlier section was refused)`];
    case 'not in the pack':
      return [`${outcome.section}: not in the pack (no ${outcome.section}.yaml); the platform's ${outcome.section} data is left as it is`];
  }
}

const named = (outcomes: readonly SectionOutcome[], status: SectionOutcome['status']): string[] =>
  outcomes.filter((outcome) => outcome.status === status).map((outcome) => outcome.section);

/**
 * The summary line(s) at the end of an import: which sections applied (or would), which were
 * refused, which were not attempted and which the pack does not have.
 */
export function formatImportSummary(scope: string, outcomes: readonly SectionOutcome[], dryRun: boolean): string[] {
  const list = (sections: string[]) => (sections.length > 0 ? sections.join(', ') : 'none');
  const refused = named(outcomes, 'refused');
  const lines: string[] = [];
  if (dryRun) {
    lines.push(`Dry run of ${scope}: nothing was written.`);
    lines.push(`Would apply: ${list(named(outcomes, 'would apply'))}.`);
    if (refused.length > 0) {
      lines.push(`Would be refused: ${list(refused)}.`);
      lines.push(
        'In a dry run each section is checked against the platform as it is now: a section that needs one before it (a new partnership, new bodies) may be refused only because that one was not written.',
      );
    }
  } else {
    lines.push(`Applied to ${scope}: ${list(named(outcomes, 'applied'))}.`);
    if (refused.length > 0) lines.push(`Refused (nothing of it written): ${list(refused)}.`);
    const notAttempted = named(outcomes, 'not attempted');
    if (notAttempted.length > 0) lines.push(`Not attempted (they come after a refused section; fix it and import again): ${list(notAttempted)}.`);
  }
  const absent = named(outcomes, 'not in the pack');
  if (absent.length > 0) lines.push(`Not in the pack: ${list(absent)}.`);
  const changes = outcomes.flatMap((outcome) => ('changes' in outcome ? outcome.changes : []));
  lines.push(`${dryRun ? 'Would change' : 'Changed'}: ${countChanges(changes)}.`);
  return lines;
}

/** validate's report: every problem, one a line, then a count (or "valid"). */
export function formatValidation(folder: string, problems: readonly PackProblem[]): string[] {
  if (problems.length === 0) return [`${folder}: valid`];
  return [...problems.map(formatProblem), `${folder}: ${plural(problems.length, 'problem')}`];
}
