/**
 * Partial answers: when a subgraph cannot be reached (refused connection, reset, 5xx, timeout),
 * the fetch answers with errors instead of throwing, one at the path of each field that is now
 * missing. Apollo Gateway puts a thrown error on the answer without a `path`, but it maps the
 * errors a subgraph returns to the client's paths (executeQueryPlan.js, makeLazyErrorPathGenerator):
 *
 * - a root fetch: `[field]` becomes the root field's path (the fetch's cursor is the root);
 * - an entity fetch: `["_entities", i, ...rest]` becomes the path of the entity that the i-th
 *   representation came from, followed by `rest`.
 *
 * So the client learns which fields are null because the subgraph was down, and the fields the
 * other subgraphs answered stay as they were (the schema makes every such field nullable; see
 * test/nullability.test.ts).
 */
import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import {
  type DocumentNode,
  type FragmentDefinitionNode,
  GraphQLError,
  type GraphQLFormattedError,
  Kind,
  type OperationDefinitionNode,
  parse,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';

type Variables = Record<string, unknown> | undefined;
type GatewayGraphQLResponse = Awaited<ReturnType<GraphQLDataSource['process']>>;

/**
 * The answer to a fetch that failed with `unavailable`: no data, and a copy of the error at the
 * path of every field the fetch would have filled. Anything but an operation (a health check,
 * loading a schema) has no paths, so `unavailable` is thrown as before.
 */
export function partialAnswer(unavailable: GraphQLError, options: GraphQLDataSourceProcessOptions): GatewayGraphQLResponse {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-enum-comparison -- @apollo/gateway does not export GraphQLDataSourceRequestKind, only its type.
  if (options.kind !== 'incoming operation') throw unavailable;
  const errors = missingPaths(options).map((path): GraphQLFormattedError => ({
    message: unavailable.message,
    path,
    extensions: { ...unavailable.extensions },
  }));
  // With no field to point at (nothing the gateway could have asked for), the error still reaches the client.
  return { errors: errors.length ? errors : [{ message: unavailable.message, extensions: { ...unavailable.extensions } }] };
}

/** The paths, in the fetch's own response, of the fields it would have filled. */
export function missingPaths(options: Pick<GraphQLDataSourceProcessOptions, 'request'> & { document?: DocumentNode }): (string | number)[][] {
  const query = options.request.query;
  const document = options.document ?? (query ? parse(query) : undefined);
  if (!document) return [];
  const operation = document.definitions.find((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION);
  if (!operation) return [];
  const fragments = new Map(
    document.definitions
      .filter((definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION)
      .map((fragment) => [fragment.name.value, fragment]),
  );
  const variables = options.request.variables as Variables;
  const rootFields = fieldsOf(operation.selectionSet, undefined, fragments, variables);
  const entities = rootFields.find((field) => field.name === '_entities');
  const representations = variables?.representations;
  if (!entities?.selectionSet || !Array.isArray(representations)) {
    return rootFields.filter((field) => field.name !== '__typename').map((field) => [field.responseName]);
  }
  const paths: (string | number)[][] = [];
  representations.forEach((representation: unknown, index) => {
    const typename = (representation as { __typename?: unknown } | null)?.__typename;
    for (const field of fieldsOf(entities.selectionSet!, typeof typename === 'string' ? typename : undefined, fragments, variables)) {
      if (field.name !== '__typename') paths.push([entities.responseName, index, field.responseName]);
    }
  });
  return paths;
}

interface SelectedField {
  name: string;
  responseName: string;
  selectionSet: SelectionSetNode | undefined;
}

/**
 * The fields a selection set selects for an object of `typename` (undefined: any type), through
 * inline fragments and fragment spreads, each response name once. A fragment on an abstract type
 * cannot be matched without the schema, so when no fragment names the type, all are taken.
 */
function fieldsOf(
  selectionSet: SelectionSetNode,
  typename: string | undefined,
  fragments: Map<string, FragmentDefinitionNode>,
  variables: Variables,
): SelectedField[] {
  const byResponseName = new Map<string, SelectedField>();
  const collect = (set: SelectionSetNode, matchType: boolean) => {
    for (const selection of set.selections) {
      if (!included(selection.directives, variables)) continue;
      if (selection.kind === Kind.FIELD) {
        const responseName = selection.alias?.value ?? selection.name.value;
        if (!byResponseName.has(responseName))
          byResponseName.set(responseName, { name: selection.name.value, responseName, selectionSet: selection.selectionSet });
        continue;
      }
      const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : fragments.get(selection.name.value);
      if (!fragment) continue;
      const condition = fragment.typeCondition?.name.value;
      if (!matchType || !condition || typename === undefined || condition === typename) collect(fragment.selectionSet, matchType);
    }
  };
  collect(selectionSet, true);
  if (byResponseName.size === 0 && typename !== undefined) collect(selectionSet, false);
  return [...byResponseName.values()];
}

/** @skip(if:) and @include(if:), with literal or variable conditions. */
function included(
  directives: readonly { name: { value: string }; arguments?: readonly { name: { value: string }; value: ValueNode }[] }[] | undefined,
  variables: Variables,
): boolean {
  for (const directive of directives ?? []) {
    if (directive.name.value !== 'skip' && directive.name.value !== 'include') continue;
    const argument = directive.arguments?.find((candidate) => candidate.name.value === 'if');
    if (!argument) continue;
    const value =
      argument.value.kind === Kind.BOOLEAN
        ? argument.value.value
        : argument.value.kind === Kind.VARIABLE
          ? Boolean(variables?.[argument.value.name.value])
          : true;
    if (directive.name.value === 'skip' ? value : !value) return false;
  }
  return true;
}
