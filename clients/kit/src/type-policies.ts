import type { FieldPolicy, Reference, TypePolicies, TypePolicy } from '@apollo/client';
import { lookupsById, typesWithId, valueTypes } from '../generated/type-identities';

/** Apollo Client's keyFields function (not exported by name from the package's root). */
type KeyFieldsFunction = Extract<NonNullable<TypePolicy['keyFields']>, (...args: never[]) => unknown>;

/**
 * The cache settings a front end needs with this API, for Apollo Client's InMemoryCache:
 *
 * - Objects with an `id` are normalised by it (Apollo's default): select `id` wherever one of them
 *   appears, and a mutation that returns it with its new fields updates every query that cached it.
 *   `LearningCoverage` is the exception: its `id` is the partnership's slug, and the coverage differs
 *   with `since`, so it is keyed by both (as the federation keys it: `@key(fields: "id since")`).
 * - `CrosswalkMapping` has no `id` of its own but is its threshold level's mapping (one per level):
 *   keyed by `level { id }` when that is selected, so `updateCrosswalkMapping` updates the level's
 *   cached `crosswalk`.
 * - Every other object without an `id` (a structure chart, a population figure, a chair rule, ...)
 *   is a value held by the field and arguments that returned it: `merge: true`, so a second query
 *   that selects other fields of it adds them instead of replacing the first query's.
 * - `partnership(slug:)` and the look-ups by id (`body(id:)`, `meeting(id:)`, ...) are answered
 *   from an object already in the cache, whichever query brought it.
 */

/** Normalise only when every part of the key was selected; otherwise the object stays a value of its field. */
function keyWhenSelected(typename: string, fields: (object: Readonly<Record<string, unknown>>) => Record<string, unknown> | undefined): KeyFieldsFunction {
  return (object) => {
    const key = fields(object);
    if (!key || Object.values(key).some((value) => value === undefined || value === null)) return false;
    return `${typename}:${JSON.stringify(key)}`;
  };
}

const learningCoverageKey = keyWhenSelected('LearningCoverage', (object) => ({ id: object.id, since: object.since }));

const crosswalkMappingKey: KeyFieldsFunction = (object, context) => {
  const level = context.readField<Reference | { id?: string }>('level', object);
  const levelId = level ? context.readField<string>('id', level as Reference) : undefined;
  return levelId ? `CrosswalkMapping:${JSON.stringify({ level: { id: levelId } })}` : false;
};

/** A root look-up answered from the cache when the object is there (a stored answer, even null, wins). */
function lookUp(typename: string, idArgument: string): FieldPolicy {
  return {
    read(existing: unknown, { args, toReference }) {
      if (existing !== undefined) return existing;
      const id = args?.[idArgument] as string | undefined;
      return id === undefined ? undefined : toReference({ __typename: typename, id });
    },
  };
}

export const typePolicies: TypePolicies = {
  ...Object.fromEntries(valueTypes.map((typename) => [typename, { merge: true }])),
  LearningCoverage: { keyFields: learningCoverageKey },
  CrosswalkMapping: { keyFields: crosswalkMappingKey, merge: true },
  Query: {
    fields: {
      // A partnership's id is its slug.
      partnership: lookUp('Partnership', 'slug'),
      ...Object.fromEntries(Object.entries(lookupsById).map(([field, typename]) => [field, lookUp(typename, 'id')])),
    },
  },
};

/** The types the cache normalises by `id` alone (for a front end's own checks). */
export const normalisedById: readonly string[] = typesWithId.filter((typename) => typename !== 'LearningCoverage');
