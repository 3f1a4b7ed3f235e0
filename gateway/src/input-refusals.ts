/**
 * A subgraph refuses bad input (an impossible Date in an argument or a variable) before any
 * resolver runs, answering 400 with an error that has no `path`; Apollo Gateway would put it on
 * the answer as it is, so a client saw `{ partnership: null }` and an error it could not place.
 * Here the refusal is answered instead with an error at the path of the field whose argument holds
 * the bad value, in the fetch's own response (the gateway maps it to the client's path, as for
 * partial answers: partial-answers.ts). The field is found, in this order, by:
 *
 * - the error's location in the fetch's operation, when the subgraph gives one;
 * - the variable it names ("Variable "$asOf" got invalid value ..."): every field using it;
 * - the quoted value it names ("\"2024-13-45\" is not a real calendar date"): a scalar's refusal of
 *   a literal carries no location in graphql-js, but repeats the value.
 *
 * A path ends at the first list on the way down (its items' indices are unknown without data).
 */
import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
// The enum is not exported from the package's root.
import { GraphQLDataSourceRequestKind } from '@apollo/gateway/dist/datasources/types';
import {
  type ArgumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  getNamedType,
  getNullableType,
  GraphQLError,
  OperationTypeNode,
  type GraphQLFormattedError,
  type GraphQLNamedType,
  type GraphQLSchema,
  isListType,
  isObjectType,
  isInterfaceType,
  Kind,
  type OperationDefinitionNode,
  parse,
  print,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';

/**
 * A subgraph's 400 refusing input, passed on as BAD_USER_INPUT with the subgraph's message; keeps
 * the locations the subgraph gave (in the fetch's operation, meaningless to the client).
 */
export class SubgraphInputRefusal extends GraphQLError {
  constructor(
    message: string,
    readonly subgraphLocations: readonly { line: number; column: number }[] | undefined,
  ) {
    super(message, { extensions: { code: 'BAD_USER_INPUT' } });
  }
}

type Path = (string | number)[];

/** The answer to a fetch whose input the subgraph refused, or undefined when no field can be named. */
export function refusalAtFields(refusal: SubgraphInputRefusal, options: GraphQLDataSourceProcessOptions): { errors: GraphQLFormattedError[] } | undefined {
  if (options.kind !== GraphQLDataSourceRequestKind.INCOMING_OPERATION) return undefined;
  const paths = refusedFieldPaths(refusal, options.request.query, options.request.variables, options.incomingRequestContext.schema);
  if (paths.length === 0) return undefined;
  return { errors: paths.map((path) => ({ message: refusal.message, path, extensions: { ...refusal.extensions } })) };
}

export function refusedFieldPaths(
  refusal: { message: string; subgraphLocations?: readonly { line: number; column: number }[] },
  query: string | undefined,
  variables: Record<string, unknown> | undefined,
  schema: GraphQLSchema | undefined,
): Path[] {
  if (!query) return [];
  let document;
  try {
    document = parse(query);
  } catch {
    return [];
  }
  const operation = document.definitions.find((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION);
  if (!operation) return [];
  const fragments = new Map(
    document.definitions
      .filter((definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION)
      .map((fragment) => [fragment.name.value, fragment]),
  );
  const fields = fieldsWithPaths(operation, fragments, variables, schema);
  const offsets = (refusal.subgraphLocations ?? []).map((location) => offsetOf(query, location));
  const variable = /^Variable "\$([_A-Za-z][_0-9A-Za-z]*)"/.exec(refusal.message)?.[1];
  const matchers: ((field: FieldNode) => boolean)[] = [
    (field) => offsets.some((offset) => field.loc !== undefined && offset >= field.loc.start && offset < (field.selectionSet?.loc?.start ?? field.loc.end)),
    (field) => variable !== undefined && (field.arguments ?? []).some((argument) => usesVariable(argument.value, variable)),
    (field) => (field.arguments ?? []).some((argument) => quotedIn(argument, refusal.message)),
  ];
  for (const matches of matchers) {
    const paths = unique(fields.filter(({ field }) => matches(field)).map(({ path }) => path));
    if (paths.length > 0) return paths;
  }
  return [];
}

interface FieldAtPath {
  field: FieldNode;
  path: Path;
}

/**
 * Every field of the operation with its path in the fetch's response. Under `_entities`, one path
 * per representation (["_entities", i, ...]), through the fragments on that representation's type.
 */
function fieldsWithPaths(
  operation: OperationDefinitionNode,
  fragments: Map<string, FragmentDefinitionNode>,
  variables: Record<string, unknown> | undefined,
  schema: GraphQLSchema | undefined,
): FieldAtPath[] {
  const found: FieldAtPath[] = [];
  const walk = (selectionSet: SelectionSetNode, path: Path, type: GraphQLNamedType | undefined, typename: string | undefined, listReached: boolean) => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        if (name === '__typename') continue;
        const fieldPath = listReached ? path : [...path, selection.alias?.value ?? name];
        if (name === '_entities' && path.length === 0 && selection.selectionSet) {
          const representations = Array.isArray(variables?.representations) ? (variables.representations as unknown[]) : [];
          representations.forEach((representation, index) => {
            const entityType = (representation as { __typename?: unknown } | null)?.__typename;
            const named = typeof entityType === 'string' ? (schema?.getType(entityType) ?? undefined) : undefined;
            walk(selection.selectionSet!, [...fieldPath, index], named, typeof entityType === 'string' ? entityType : undefined, false);
          });
          continue;
        }
        found.push({ field: selection, path: fieldPath });
        if (!selection.selectionSet) continue;
        const definition = type && (isObjectType(type) || isInterfaceType(type)) ? type.getFields()[name] : undefined;
        const fieldType = definition ? getNullableType(definition.type) : undefined;
        walk(
          selection.selectionSet,
          fieldPath,
          fieldType ? getNamedType(fieldType) : undefined,
          undefined,
          listReached || (fieldType !== undefined && isListType(fieldType)),
        );
        continue;
      }
      const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : fragments.get(selection.name.value);
      if (!fragment) continue;
      const condition = fragment.typeCondition?.name.value;
      // Under _entities, only the fragments on this representation's type apply to it.
      if (typename !== undefined && condition !== undefined && condition !== typename) continue;
      walk(fragment.selectionSet, path, condition ? (schema?.getType(condition) ?? type) : type, typename, listReached);
    }
  };
  const root =
    operation.operation === OperationTypeNode.MUTATION
      ? schema?.getMutationType()
      : operation.operation === OperationTypeNode.SUBSCRIPTION
        ? schema?.getSubscriptionType()
        : schema?.getQueryType();
  walk(operation.selectionSet, [], root ?? undefined, undefined, false);
  return found;
}

/** The character offset of a 1-based line and column (graphql-js counts \r\n, \n and \r as line ends). */
function offsetOf(text: string, location: { line: number; column: number }): number {
  let offset = 0;
  const lineEnd = /\r\n|[\n\r]/g;
  for (let line = 1; line < location.line; line += 1) {
    const match = lineEnd.exec(text);
    if (!match) return -1;
    offset = match.index + match[0].length;
  }
  return offset + location.column - 1;
}

function usesVariable(value: ValueNode, name: string): boolean {
  if (value.kind === Kind.VARIABLE) return value.name.value === name;
  if (value.kind === Kind.LIST) return value.values.some((item) => usesVariable(item, name));
  if (value.kind === Kind.OBJECT) return value.fields.some((field) => usesVariable(field.value, name));
  return false;
}

/** True when a string literal of the argument appears, quoted as GraphQL prints it, in the message. */
function quotedIn(argument: ArgumentNode, message: string): boolean {
  const strings = (value: ValueNode): string[] =>
    value.kind === Kind.STRING
      ? value.value === ''
        ? []
        : [print(value)]
      : value.kind === Kind.LIST
        ? value.values.flatMap(strings)
        : value.kind === Kind.OBJECT
          ? value.fields.flatMap((field) => strings(field.value))
          : [];
  return strings(argument.value).some((quoted) => message.includes(quoted));
}

function unique(paths: Path[]): Path[] {
  const seen = new Set<string>();
  return paths.filter((path) => {
    const key = JSON.stringify(path);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
