/**
 * One resolver map from several files. Object spreads would let a later file silently replace a
 * field another file defines; this throws instead, naming the type, the field and both sources.
 */
type ResolverMapPart = Record<string, unknown>;

export function mergeResolvers<Map extends object>(parts: Record<string, object>): Map {
  const merged: Record<string, unknown> = {};
  const definedIn = new Map<string, string>();
  for (const [source, part] of Object.entries(parts)) {
    for (const [typeName, typeResolvers] of Object.entries(part as Record<string, unknown>)) {
      const isFieldMap = typeof typeResolvers === 'object' && typeResolvers !== null && Object.getPrototypeOf(typeResolvers) === Object.prototype;
      if (!isFieldMap) {
        // A scalar (GraphQLScalarType) or enum mapping is one value: defined once.
        claim(definedIn, typeName, source);
        merged[typeName] = typeResolvers;
        continue;
      }
      const target = (merged[typeName] ??= {}) as ResolverMapPart;
      for (const [fieldName, resolver] of Object.entries(typeResolvers as ResolverMapPart)) {
        claim(definedIn, `${typeName}.${fieldName}`, source);
        target[fieldName] = resolver;
      }
    }
  }
  return merged as Map;
}

function claim(definedIn: Map<string, string>, coordinate: string, source: string): void {
  const earlier = definedIn.get(coordinate);
  if (earlier !== undefined) {
    throw new Error(`${coordinate} has a resolver in both "${earlier}" and "${source}"; keep one (each field is resolved in one file).`);
  }
  definedIn.set(coordinate, source);
}
