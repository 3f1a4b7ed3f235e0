import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { contractResolvers, hasPartnershipEntity, servedTypeDefs } from '@safeguarding/federation-contract';
import { type DocumentNode, Kind, type ObjectTypeDefinitionNode, type ObjectTypeExtensionNode } from 'graphql';
import { type AuditOptions, auditTrailResolvers } from './audit-trail';
import { mergeResolvers } from './resolver-map';
import type { SubgraphModule } from './server';

/**
 * The resolver map a subgraph serves: its own resolvers/, the federation contract's (shared types,
 * contributed entities' references) and the audit trail's reader, merged so that a field resolved
 * in two places stops the start-up instead of one silently replacing the other.
 */
export function servedResolvers<Loaders>(module: SubgraphModule<Loaders>, audit: AuditOptions): GraphQLResolverMap<unknown> {
  return mergeResolvers<GraphQLResolverMap<unknown>>({
    [`services/${module.name}/resolvers`]: module.resolvers,
    '@safeguarding/federation-contract': contractResolvers(module.typeDefs),
    ...(hasPartnershipEntity(module.typeDefs) ? { 'the audit trail (subgraph-runtime/src/audit-trail)': auditTrailResolvers(audit) } : {}),
  });
}

type ObjectNode = ObjectTypeDefinitionNode | ObjectTypeExtensionNode;

function directiveArgument(node: ObjectNode, directive: string, argument: string) {
  return (node.directives ?? [])
    .filter((used) => used.name.value === directive)
    .map((used) => used.arguments?.find((given) => given.name.value === argument)?.value);
}

/** Field names a `fields: "..."` selection names at its top level (nested selections skipped). */
function topLevelFields(selection: string): string[] {
  const names: string[] = [];
  let depth = 0;
  for (const token of selection.match(/[A-Za-z_][A-Za-z0-9_]*|[{}]/g) ?? []) {
    if (token === '{') depth += 1;
    else if (token === '}') depth -= 1;
    else if (depth === 0) names.push(token);
  }
  return names;
}

/**
 * What a subgraph serves without a resolver of its own: every field that takes arguments (a
 * default resolver would ignore them), and the reference resolution of every entity whose fields
 * this subgraph resolves (a @key type, resolvable, with fields beyond its key that are not
 * @external). Empty when the merged map covers them all. Only the map's shape is read: no
 * resolver is called.
 */
export function missingResolvers<Loaders>(module: SubgraphModule<Loaders>): string[] {
  // The audit trail's resolvers close over these; they are looked at, never run.
  const standIn = { subgraph: module.name, schema: module.databaseSchema, dataSource: undefined as never, logger: undefined as never };
  const resolvers = servedResolvers(module, standIn) as Record<string, Record<string, unknown> | undefined>;
  const served: DocumentNode = servedTypeDefs(module.name, module.typeDefs);
  const file = `services/${module.name}/resolvers/`;
  const missing: string[] = [];
  const has = (type: string, field: string) => {
    const resolver = resolvers[type]?.[field];
    return typeof resolver === 'function' || (typeof resolver === 'object' && resolver !== null && 'resolve' in resolver);
  };
  for (const definition of served.definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.OBJECT_TYPE_EXTENSION) continue;
    const type = definition.name.value;
    for (const field of definition.fields ?? []) {
      if ((field.arguments ?? []).length > 0 && !has(type, field.name.value)) {
        missing.push(`${type}.${field.name.value} takes arguments but has no resolver (${file}); a default resolver would ignore them.`);
      }
    }
    const keys = directiveArgument(definition, 'key', 'fields');
    if (keys.length === 0) continue;
    const resolvable = directiveArgument(definition, 'key', 'resolvable').some((value) => value?.kind !== Kind.BOOLEAN || value.value);
    if (!resolvable) continue;
    const keyFields = new Set(keys.flatMap((value) => (value?.kind === Kind.STRING ? topLevelFields(value.value) : [])));
    const resolvedHere = (definition.fields ?? []).filter(
      (field) => !keyFields.has(field.name.value) && !(field.directives ?? []).some((used) => used.name.value === 'external'),
    );
    if (resolvedHere.length > 0 && !has(type, '__resolveReference')) {
      missing.push(
        `${type} is an entity whose fields ${module.name} resolves (${resolvedHere.map((field) => field.name.value).join(', ')}) but it has no __resolveReference (${file} or the federation contract).`,
      );
    }
  }
  return missing;
}
