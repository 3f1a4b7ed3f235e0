import { hasRole, type Caller } from '@safeguarding/auth';
import { formatProblem, packFileText, readPackFile, REGIONAL, schemaName, type SectionDefinition } from '@safeguarding/packs';
import type { EntityManager, EntityTarget, FindOptionsWhere, ObjectLiteral } from 'typeorm';
import type { SubgraphContext } from './context';
import { badUserInput, forbidden } from './errors';

/**
 * Applying and exporting one subgraph's section of a partnership pack. A subgraph declares how its
 * section maps to rows (and back); this file does the rest the same way for every subgraph:
 * read the YAML against the section's schema (every problem with its line and column), check the
 * caller's scope, reconcile the rows in one transaction (a dry run rolls it back), and say what
 * was added, changed and ended. The audit trail records the call like any mutation.
 */

export type PackChangeKind = 'ADDED' | 'CHANGED' | 'ENDED';

export interface PackChange {
  entity: string;
  key: string;
  change: PackChangeKind;
  fields: string[];
}

export interface PackSectionApplied {
  scope: string;
  section: string;
  applied: boolean;
  changes: PackChange[];
}

export interface PackSectionText {
  scope: string;
  section: string;
  text: string;
}

/**
 * Who may apply or export a section: a regional-admin any scope; a partnership-admin only their
 * own partnership's (the regional pack, and creating a partnership, are regional-admin's).
 */
export function mayUsePackScope(caller: Caller, scope: string): boolean {
  if (hasRole(caller, 'regional-admin')) return true;
  return scope !== REGIONAL && hasRole(caller, 'partnership-admin', scope);
}

export function packScopeOrRefuse(caller: Caller, scope: string, section: string): void {
  if (!mayUsePackScope(caller, scope)) {
    throw forbidden(
      scope === REGIONAL
        ? `The regional pack's ${section} section is shared data: only a regional-admin may apply or export it.`
        : `Only a partnership-admin of "${scope}" (or a regional-admin) may apply or export its ${section} section.`,
    );
  }
}

const SCOPE = /^[a-z0-9][a-z0-9-]{0,63}$/;

class DryRun extends Error {}

export interface ApplyPackSectionOptions<Value> {
  definition: SectionDefinition;
  scope: string;
  text: string;
  dryRun: boolean;
  /** Writes the section's rows (reconcileRows per table, parents before children) and returns what changed. */
  apply: (manager: EntityManager, value: Value, scope: string) => Promise<PackChange[]>;
}

/** The applyXPackSection mutation's operation: parse, check scope, reconcile atomically, report. */
export async function applyPackSection<Value>(context: SubgraphContext, options: ApplyPackSectionOptions<Value>): Promise<PackSectionApplied> {
  const { definition, scope, text, dryRun } = options;
  if (!SCOPE.test(scope))
    throw badUserInput(`"${scope.slice(0, 80)}" is not a pack scope: give a partnership slug such as "shropshire", or "regional".`, 'scope');
  if ((scope === REGIONAL) !== (definition.scope === 'regional')) {
    throw badUserInput(
      `The ${definition.subgraph} section of ${scope === REGIONAL ? 'the regional pack' : `a partnership's pack`} has another shape; check the scope.`,
      'scope',
    );
  }
  packScopeOrRefuse(context.caller, scope, definition.subgraph);
  const file = `${scope}/${definition.subgraph}.yaml`;
  const read = readPackFile(file, text, definition.schema);
  if (read.value === undefined) {
    throw badUserInput(
      `The ${definition.subgraph} section has ${read.problems.length} problem(s); nothing was applied. ${read.problems.slice(0, 5).map(formatProblem).join('; ')}`,
      'text',
      { problems: read.problems },
    );
  }
  context.auditPartnershipSlugs ??= new Set();
  if (scope !== REGIONAL) context.auditPartnershipSlugs.add(scope);
  let changes: PackChange[] = [];
  try {
    await context.dataSource.transaction(async (manager) => {
      // Two imports of the same section queue here rather than interleave their reads and writes.
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`pack:${scope}:${definition.subgraph}`]);
      changes = await options.apply(manager, read.value as Value, scope);
      if (dryRun) throw new DryRun();
    });
  } catch (error) {
    if (!(error instanceof DryRun)) throw error;
  }
  return { scope, section: definition.subgraph, applied: !dryRun, changes };
}

/** The xPackSection query's operation: the section as the platform holds it, as the file's text. */
export async function exportPackSection<Value>(
  context: SubgraphContext,
  definition: SectionDefinition,
  scope: string,
  build: (manager: EntityManager, scope: string) => Promise<Value>,
): Promise<PackSectionText> {
  if (!SCOPE.test(scope))
    throw badUserInput(`"${scope.slice(0, 80)}" is not a pack scope: give a partnership slug such as "shropshire", or "regional".`, 'scope');
  packScopeOrRefuse(context.caller, scope, definition.subgraph);
  const value = await build(context.dataSource.manager, scope);
  return { scope, section: definition.subgraph, text: packFileText(value, schemaName(definition)) };
}

/** The rows one table holds for a section, and how to tell them apart. */
export interface RowSet<Row extends ObjectLiteral> {
  entity: EntityTarget<Row>;
  /** The entity as the change list names it, e.g. "Body". */
  name: string;
  /** The natural key (an id, or e.g. "shropshire.executive/west-mercia-police"). */
  key: (row: Partial<Row>) => string;
  /** The columns the pack holds; others (generated ids, audit columns) are left alone. */
  columns: (keyof Row & string)[];
  /** Which existing rows belong to this section (e.g. this partnership's). */
  existing: FindOptionsWhere<Row> | FindOptionsWhere<Row>[];
  /** Rows no longer in the pack: deleted (default), or patched to end them (e.g. validTo set). */
  whenAbsent?: 'delete' | ((row: Row) => Partial<Row>);
}

function comparable(value: unknown): string {
  if (value === undefined || value === null) return 'null';
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (typeof value === 'object') {
    const sort = (item: unknown): unknown =>
      Array.isArray(item)
        ? item.map(sort)
        : item && typeof item === 'object' && !(item instanceof Date)
          ? Object.fromEntries(
              Object.entries(item as Record<string, unknown>)
                .filter(([, child]) => child !== undefined)
                .sort(([a], [b]) => a.localeCompare(b))
                .map(([key, child]) => [key, sort(child)]),
            )
          : item;
    return JSON.stringify(sort(value));
  }
  return JSON.stringify(typeof value === 'string' ? value : JSON.stringify(value));
}

/**
 * Makes one table hold exactly the rows the pack gives for this section: new keys inserted,
 * differing columns updated, keys no longer given deleted or ended. Idempotent: applying the same
 * rows again changes nothing and reports nothing.
 */
export async function reconcileRows<Row extends ObjectLiteral>(manager: EntityManager, set: RowSet<Row>, desired: Partial<Row>[]): Promise<PackChange[]> {
  const repository = manager.getRepository(set.entity);
  const existing = await repository.find({ where: set.existing });
  const byKey = new Map(existing.map((row) => [set.key(row), row]));
  const changes: PackChange[] = [];
  const seen = new Set<string>();
  for (const row of desired) {
    const key = set.key(row);
    if (seen.has(key)) throw badUserInput(`${set.name} "${key}" is given twice in the pack; each must be given once.`);
    seen.add(key);
    const current = byKey.get(key);
    if (!current) {
      await repository.insert(row);
      changes.push({ entity: set.name, key, change: 'ADDED', fields: [] });
      continue;
    }
    const differing = set.columns.filter((column) => comparable(current[column]) !== comparable(row[column] ?? null));
    if (differing.length === 0) continue;
    const patch = Object.fromEntries(differing.map((column) => [column, row[column] ?? null])) as Partial<Row>;
    await repository.update(repository.getId(current) as never, patch);
    changes.push({ entity: set.name, key, change: 'CHANGED', fields: differing });
  }
  for (const [key, row] of byKey) {
    if (seen.has(key)) continue;
    if (set.whenAbsent && set.whenAbsent !== 'delete') {
      const patch = set.whenAbsent(row);
      if (Object.entries(patch).every(([column, value]) => comparable(row[column]) === comparable(value))) continue;
      await repository.update(repository.getId(row) as never, patch);
    } else {
      await repository.delete(repository.getId(row) as never);
    }
    changes.push({ entity: set.name, key, change: 'ENDED', fields: [] });
  }
  return changes;
}
