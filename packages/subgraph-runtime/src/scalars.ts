import { GraphQLScalarType, Kind } from 'graphql';
import { badUserInput } from './errors';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses "YYYY-MM-DD" into the same string, refusing impossible dates such as 2024-02-30. */
export function parseIsoDate(value: unknown): string {
  if (typeof value !== 'string') throw badUserInput(`A Date must be a string in the form YYYY-MM-DD, got ${JSON.stringify(value)}`);
  const match = ISO_DATE.exec(value);
  if (!match) throw badUserInput(`"${value.slice(0, 40)}" is not a date; use the form YYYY-MM-DD, e.g. 2024-11-01`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day || year < 1900 || year > 2200) {
    throw badUserInput(`"${value}" is not a real calendar date between 1900 and 2200`);
  }
  return value;
}

/** A calendar date, "YYYY-MM-DD", with no time zone. */
export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'A calendar date in the form YYYY-MM-DD.',
  serialize(value) {
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    return parseIsoDate(value);
  },
  parseValue: parseIsoDate,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw badUserInput('A Date must be a string in the form YYYY-MM-DD');
    return parseIsoDate(ast.value);
  },
});

/** A UTF-16 surrogate without its other half. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Checks a free-text argument (trimmed, not empty, not too long, no control characters, whole
 * characters only), so bad text gets a clear error naming the field, not a DB failure or a
 * silently changed value.
 */
export function boundedText(value: string, field: string, maximum: number): string {
  const trimmed = value.trim();
  if (trimmed.length === 0) throw badUserInput(`${field} must not be empty`, field);
  if (trimmed.length > maximum) throw badUserInput(`${field} is ${trimmed.length} characters; at most ${maximum} are allowed`, field);
  // Control characters have no place in names or descriptions and break exports downstream.
  // eslint-disable-next-line no-control-regex -- the control characters are what this refuses
  if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(trimmed)) throw badUserInput(`${field} contains control characters`, field);
  // Half an emoji (a lone surrogate, as a client cutting text by UTF-16 units sends it) would be
  // stored as U+FFFD, not as sent, and cannot go into jsonb at all.
  if (LONE_SURROGATE.test(trimmed)) {
    throw badUserInput(`${field} contains half of a character (a lone UTF-16 surrogate, e.g. an emoji cut in two); send whole characters.`, field);
  }
  return trimmed;
}

/** Checks a slug argument ("shropshire", "telford-and-wrekin"). */
export function slugArgument(value: string, field = 'slug'): string {
  if (!/^[a-z0-9][a-z0-9-]{0,63}$/.test(value)) {
    throw badUserInput(`${field} "${value.slice(0, 70)}" is not a slug; slugs are lowercase words joined by hyphens, e.g. telford-and-wrekin`, field);
  }
  return value;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True for a well-formed uuid: ids that cannot exist are answered without asking the database. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
