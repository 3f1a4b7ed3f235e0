/**
 * The access inventory: for every field a subgraph serves, the rule its permissions.ts names and
 * what that rule lets each kind of caller read. Built from the same rules the shield enforces, so
 * docs/access-inventory.md (rendered from it, checked by gateway/test/access-inventory.test.ts)
 * cannot drift from them, and a field nobody classified is a listed problem, not a public field.
 */
import { Kind, type DocumentNode } from 'graphql';
import type { IRules } from 'graphql-shield';
import { auditTrailFieldName, hasPartnershipEntity, servedTypeDefs } from '@safeguarding/federation-contract';
import { AUDIT_TRAIL_SUMMARY, auditTrailRules, CALLER_KINDS, summaryOf, type CallerKind, type Reach, type RuleSummary } from './permissions';

export interface InventoryEntry {
  type: string;
  field: string;
  who: string;
  reach: Record<CallerKind, Reach>;
}

export interface SubgraphInventory {
  subgraph: string;
  entries: InventoryEntry[];
  /** Per type, what the resolvers filter below a plainly readable field (the permissions.ts's `accessNotes`). */
  notes: Record<string, string>;
  /** Fields without their own rule, rules for fields that do not exist, rules with no summary. Empty when all is classified. */
  problems: string[];
}

export interface InventorySource {
  name: string;
  typeDefs: DocumentNode;
  permissions: IRules;
}

/** Object types' fields as the subgraph serves them (its SDL, the contract's shared types, the audit trail), in SDL order. */
function servedFields(source: InventorySource): Map<string, string[]> {
  const fields = new Map<string, string[]>();
  for (const definition of servedTypeDefs(source.name, source.typeDefs).definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.OBJECT_TYPE_EXTENSION) continue;
    const names = fields.get(definition.name.value) ?? [];
    names.push(...(definition.fields ?? []).map((field) => field.name.value).filter((name) => !names.includes(name)));
    fields.set(definition.name.value, names);
  }
  return fields;
}

function isFieldMap(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}

export function accessInventory(source: InventorySource, notes: Record<string, string> = {}): SubgraphInventory {
  const file = `services/${source.name}/permissions.ts`;
  const served = servedFields(source);
  const runtime = (hasPartnershipEntity(source.typeDefs) ? auditTrailRules(source.name) : {}) as Record<string, Record<string, unknown>>;
  const own = source.permissions as Record<string, unknown>;
  const entries: InventoryEntry[] = [];
  const problems: string[] = [];
  for (const [type, fields] of served) {
    const typeRules = own[type];
    if (typeRules !== undefined && !isFieldMap(typeRules)) {
      problems.push(`${type} has one rule for the whole type in ${file}; name a rule for each field, so a new field is a decision.`);
    }
    if (isFieldMap(typeRules) && '*' in typeRules) {
      problems.push(`${type} has a wildcard ('*') rule in ${file}; name a rule for each field instead (readableByEveryone(...) for the public ones).`);
    }
    for (const field of fields) {
      const isAuditTrail = type === 'Partnership' && field === auditTrailFieldName(source.name);
      const chosen = isFieldMap(typeRules) ? typeRules[field] : undefined;
      const fieldRule = chosen ?? runtime[type]?.[field];
      if (fieldRule === undefined) {
        problems.push(
          `${type}.${field} has no rule in ${file}, so it is denied to everyone; classify it (readableByEveryone, hasAnyRole, or a described rule).`,
        );
        continue;
      }
      const summary: RuleSummary | undefined = isAuditTrail ? AUDIT_TRAIL_SUMMARY : summaryOf(fieldRule);
      if (!summary) {
        problems.push(`${type}.${field}'s rule in ${file} has no inventory summary; wrap it in describeRule(rule, { who, yes, scoped }).`);
        continue;
      }
      entries.push({ type, field, who: summary.who, reach: summary.reach });
    }
  }
  for (const [type, typeRules] of Object.entries(own)) {
    if (!served.has(type)) {
      problems.push(`${file} has rules for ${type}, which the ${source.name} subgraph does not serve; remove them.`);
      continue;
    }
    if (!isFieldMap(typeRules)) continue;
    for (const field of Object.keys(typeRules)) {
      if (field !== '*' && !served.get(type)!.includes(field) && !(type === 'Query' && field.startsWith('_'))) {
        problems.push(`${file} has a rule for ${type}.${field}, which the ${source.name} subgraph does not serve; remove it.`);
      }
    }
  }
  for (const type of Object.keys(notes)) {
    if (!served.has(type)) problems.push(`${file}'s accessNotes mention ${type}, which the ${source.name} subgraph does not serve.`);
  }
  return { subgraph: source.name, entries, notes, problems };
}

const CELL: Record<Reach, string> = { yes: 'yes', scoped: 'own', no: '–' };

/** The inventory as markdown: one table per subgraph, fields with the same rule on one row. */
export function renderAccessInventory(inventories: SubgraphInventory[]): string {
  const lines = [
    '# Who may read what (the access inventory)',
    '',
    '<!-- Generated from services/*/permissions.ts by gateway/test/access-inventory.test.ts; do not edit by hand.',
    '     After changing a permissions.ts or a schema/ folder: cd gateway && WRITE_ACCESS_INVENTORY=1 npx jest test/access-inventory.test.ts -->',
    '',
    'Every field each subgraph serves, with the rule its `permissions.ts` names for it. A field',
    'without a rule is denied to everyone, and the inventory test fails until someone classifies it.',
    '',
    '- **yes**: every caller of that kind may read it.',
    "- **own**: only for records of the caller's own partnership (the joint forum, for the forum secretariat;",
    '  or the condition in *who*), which the rule or the resolver checks; elsewhere FORBIDDEN or filtered.',
    '- **–**: refused: an anonymous caller gets `UNAUTHENTICATED` (HTTP 401 when nothing else in the',
    '  operation was answered) with how to sign in; a signed-in caller gets `FORBIDDEN`.',
    '',
    "Query and Mutation fields are here too; for who may call each one, with the resolvers' scope checks,",
    'see the authorisation matrix (`gateway/test/authorisation-matrix.ts`). Notes under a table say what the',
    'resolvers filter below plainly readable fields (unpublished reviews, draft agendas).',
    '',
  ];
  for (const inventory of inventories) {
    lines.push(
      `## ${inventory.subgraph}`,
      '',
      `| type | fields | ${CALLER_KINDS.join(' | ')} | who |`,
      `| --- | --- | ${CALLER_KINDS.map(() => '---').join(' | ')} | --- |`,
    );
    const rows = new Map<string, { type: string; fields: string[]; entry: InventoryEntry }>();
    for (const entry of inventory.entries) {
      const key = `${entry.type}\u0000${entry.who}\u0000${CALLER_KINDS.map((kind) => entry.reach[kind]).join()}`;
      const row = rows.get(key) ?? { type: entry.type, fields: [], entry };
      row.fields.push(entry.field);
      rows.set(key, row);
    }
    for (const { type, fields, entry } of rows.values()) {
      lines.push(
        `| ${type} | ${fields.map((field) => `\`${field}\``).join(', ')} | ${CALLER_KINDS.map((kind) => CELL[entry.reach[kind]]).join(' | ')} | ${entry.who} |`,
      );
    }
    const notes = Object.entries(inventory.notes);
    if (notes.length > 0) {
      lines.push('');
      for (const [type, note] of notes) lines.push(`- **${type}**: ${note}`);
    }
    lines.push('');
  }
  return lines.join('\n');
}
