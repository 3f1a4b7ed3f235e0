/**
 * Which fields can go missing when which subgraph is down, read from the supergraph.
 *
 * A field can go missing when the gateway fetches it from a subgraph other than the one that
 * produced its parent object (that subgraph may be down while the parent's is up):
 * - every root Query field (an operation may ask several subgraphs' root fields at once);
 * - a field of an entity that some subgraph returns (as a reference or a whole object) but
 *   cannot answer itself, e.g. `Partnership.reviews` when the partnership came from arrangements,
 *   or `Organisation.name` when the organisation came from arrangements' budgets;
 * - a field that @requires another subgraph's data (training's learning gaps need reviews' themes).
 * Each such field must be nullable, or its null would wipe out its parent, which the other
 * subgraphs answered perfectly well.
 */
import { type ConstArgumentNode, type FieldDefinitionNode, Kind, type ObjectTypeDefinitionNode, parse, type SelectionSetNode, type TypeNode } from 'graphql';

export interface FieldThatCanGoMissing {
  type: string;
  field: string;
  /** The subgraphs whose being down makes it null. */
  missingWhenDown: string[];
  /** The subgraphs that answer it. */
  answeredBy: string[];
  /** The other subgraphs whose data it @requires. */
  requiresDataFrom: string[];
  /** Where the parent object can come from without this field (`Query` for root fields). */
  reachedFrom: string[];
  nullable: boolean;
}

const namedType = (type: TypeNode): string => (type.kind === Kind.NAMED_TYPE ? type.name.value : namedType(type.type));
const argument = (directive: { arguments?: readonly ConstArgumentNode[] }, name: string) =>
  directive.arguments?.find((candidate) => candidate.name.value === name)?.value;
const stringOf = (value: ReturnType<typeof argument>) => (value && (value.kind === Kind.STRING || value.kind === Kind.ENUM) ? value.value : undefined);

export function fieldsThatCanGoMissing(supergraphSdl: string): FieldThatCanGoMissing[] {
  const document = parse(supergraphSdl);
  const objects = new Map(
    document.definitions
      .filter((definition): definition is ObjectTypeDefinitionNode => definition.kind === Kind.OBJECT_TYPE_DEFINITION)
      .map((definition) => [definition.name.value, definition]),
  );
  // join__Graph values (ARRANGEMENTS) to subgraph names (arrangements).
  const graphNames = new Map<string, string>();
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.ENUM_TYPE_DEFINITION || definition.name.value !== 'join__Graph') continue;
    for (const value of definition.values ?? []) {
      const name = stringOf(
        argument(
          value.directives!.find((directive) => directive.name.value === 'join__graph')!,
          'name',
        ),
      );
      graphNames.set(value.name.value, name ?? value.name.value.toLowerCase());
    }
  }
  const graphsOfType = (type: ObjectTypeDefinitionNode) =>
    (type.directives ?? [])
      .filter((directive) => directive.name.value === 'join__type')
      .map((directive) => graphNames.get(stringOf(argument(directive, 'graph'))!)!);
  const isEntity = (type: ObjectTypeDefinitionNode) =>
    (type.directives ?? []).some((directive) => directive.name.value === 'join__type' && argument(directive, 'key'));
  /** The subgraphs that answer a field themselves (not as @external). */
  const answeredBy = (type: ObjectTypeDefinitionNode, field: FieldDefinitionNode): string[] => {
    const joins = (field.directives ?? []).filter((directive) => directive.name.value === 'join__field');
    if (joins.length === 0) return graphsOfType(type);
    return joins
      .filter((directive) => argument(directive, 'external')?.kind !== Kind.BOOLEAN || !(argument(directive, 'external') as { value: boolean }).value)
      .map((directive) => graphNames.get(stringOf(argument(directive, 'graph'))!)!);
  };

  // Which subgraphs can produce objects of each entity type (a field of theirs returns it).
  const producedBy = new Map<string, Set<string>>();
  for (const type of objects.values()) {
    for (const field of type.fields ?? []) {
      const target = objects.get(namedType(field.type));
      if (!target || !isEntity(target)) continue;
      const producers = producedBy.get(target.name.value) ?? new Set<string>();
      for (const graph of answeredBy(type, field)) producers.add(graph);
      producedBy.set(target.name.value, producers);
    }
  }

  /** The subgraphs (other than `self`) that answer the fields a @requires selection names. */
  const requiredFrom = (type: ObjectTypeDefinitionNode, selectionSet: SelectionSetNode, self: string, into: Set<string>) => {
    for (const selection of selectionSet.selections) {
      if (selection.kind !== Kind.FIELD) continue;
      const field = type.fields?.find((candidate) => candidate.name.value === selection.name.value);
      if (!field) continue;
      const graphs = answeredBy(type, field);
      if (!graphs.includes(self)) for (const graph of graphs) into.add(graph);
      const child = objects.get(namedType(field.type));
      if (selection.selectionSet && child) requiredFrom(child, selection.selectionSet, self, into);
    }
  };

  const result: FieldThatCanGoMissing[] = [];
  for (const type of objects.values()) {
    const typeName = type.name.value;
    const isQuery = typeName === 'Query';
    if (!isQuery && !isEntity(type)) continue;
    for (const field of type.fields ?? []) {
      if (field.name.value.startsWith('_')) continue;
      const graphs = answeredBy(type, field);
      const missingWhenDown = new Set<string>();
      const requiresDataFrom = new Set<string>();
      let reachedFrom: string[] = [];
      if (isQuery) {
        for (const graph of graphs) missingWhenDown.add(graph);
        reachedFrom = ['Query'];
      } else {
        reachedFrom = [...(producedBy.get(typeName) ?? [])].filter((graph) => !graphs.includes(graph)).sort();
        if (reachedFrom.length) for (const graph of graphs) missingWhenDown.add(graph);
      }
      for (const join of (field.directives ?? []).filter((directive) => directive.name.value === 'join__field')) {
        const requires = stringOf(argument(join, 'requires'));
        const self = graphNames.get(stringOf(argument(join, 'graph'))!)!;
        if (!requires) continue;
        const selection = parse(`{ ${requires} }`).definitions[0] as { selectionSet: SelectionSetNode };
        requiredFrom(type, selection.selectionSet, self, requiresDataFrom);
      }
      for (const graph of requiresDataFrom) missingWhenDown.add(graph);
      if (missingWhenDown.size === 0) continue;
      result.push({
        type: typeName,
        field: field.name.value,
        missingWhenDown: [...missingWhenDown].sort(),
        answeredBy: [...graphs].sort(),
        requiresDataFrom: [...requiresDataFrom].sort(),
        reachedFrom,
        nullable: field.type.kind !== Kind.NON_NULL_TYPE,
      });
    }
  }
  return result.sort((a, b) =>
    a.type === b.type ? a.field.localeCompare(b.field) : a.type === 'Query' ? -1 : b.type === 'Query' ? 1 : a.type.localeCompare(b.type),
  );
}

export const TABLE_START = '<!-- nullability-table: generated from gateway/supergraph.graphql by gateway/test/faults-nullability.ts -->';
export const TABLE_END = '<!-- /nullability-table -->';

/** The rule as a Markdown table: per subgraph down, the fields that are then null. */
export function nullabilityTable(fields: FieldThatCanGoMissing[]): string {
  const subgraphs = [...new Set(fields.flatMap((field) => field.missingWhenDown))].sort();
  const rows = subgraphs.map((subgraph) => {
    const direct = fields.filter((field) => field.answeredBy.includes(subgraph) && field.missingWhenDown.includes(subgraph));
    const byType = new Map<string, FieldThatCanGoMissing[]>();
    for (const field of direct) byType.set(field.type, [...(byType.get(field.type) ?? []), field]);
    const cells = [...byType].map(([type, list]) => {
      const from = [...new Set(list.flatMap((field) => field.reachedFrom))].sort();
      const where = type === 'Query' ? 'root fields' : `when it came from ${from.join(', ')}`;
      return `**${type}** (${where}): ${list.map((field) => `\`${field.field}\``).join(', ')}`;
    });
    const needing = fields.filter((field) => field.requiresDataFrom.includes(subgraph));
    if (needing.length) {
      cells.push(
        `and, needing its data (@requires): ${needing.map((field) => `\`${field.type}.${field.field}\` (${field.answeredBy.join(', ')})`).join(', ')}`,
      );
    }
    return `| ${subgraph} | ${cells.join('<br>')} |`;
  });
  return [
    TABLE_START,
    '| Subgraph down | Fields that are then `null`, each with a `SUBGRAPH_UNAVAILABLE` error at its path |',
    '| --- | --- |',
    ...rows,
    TABLE_END,
  ].join('\n');
}
