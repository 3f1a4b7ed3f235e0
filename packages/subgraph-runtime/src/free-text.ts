/**
 * Text that cannot mislead, and free text that cannot identify a person.
 *
 * Every subgraph's mutations check their text arguments here:
 * - singleLineText (names, titles): no line breaks, tabs, bidi controls or invisible characters;
 * - multiLineText (descriptions, notes): newlines and tabs kept, bidi controls and invisible
 *   characters refused;
 * - with `refuseIdentifiers`, text about reviews, cases and learning also refuses structured
 *   identifiers (NHS and National Insurance numbers, dates of birth, full postcodes, email
 *   addresses, phone numbers), naming the field and the kind found, never the value.
 * Likely personal names cannot be refused reliably; possiblePersonalNames flags them for review.
 */
import { findPhoneNumbersInText } from 'libphonenumber-js/max';
import { isValid as isValidPostcode } from 'postcode';
import { badUserInput } from './errors';
import { boundedText } from './scalars';

// ---------------------------------------------------------------------------------------------
// Characters that mislead
// ---------------------------------------------------------------------------------------------

/** Bidi controls: embeddings, overrides, isolates and the invisible direction marks (LRM, RLM, ALM). */
const BIDI_CONTROL = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;
/** C1 controls (NEL among them): boundedText refuses C0 only. */
const C1_CONTROL = /[\u0080-\u009F]/u;
/** The Unicode line and paragraph separators: newlines a reader may not see as such. */
const UNICODE_LINE_BREAK = /[\u2028\u2029]/u;
/** A line break or a tab: a single line has none. */
const LINE_BREAK_OR_TAB = /[\n\r\t\v\f\u0085\u2028\u2029]/u;
/** Characters that draw nothing (zero-width spaces, soft hyphens, word joiners, BOM, tags, Hangul fillers, …). */
const INVISIBLE = /\p{Default_Ignorable_Code_Point}/gu;
const VARIATION_SELECTOR = /[\uFE00-\uFE0F\u{E0100}-\u{E01EF}]/u;
/** The flag of England, Scotland or Wales: a black flag followed by tag letters and a cancel tag. */
const SUBDIVISION_FLAG = /\u{1F3F4}[\u{E0020}-\u{E007E}]+\u{E007F}/gu;
const PICTOGRAPH = /[\p{Extended_Pictographic}\p{Emoji_Modifier}\uFE0F]/u;
const ZWJ = '\u200D';
const ZWNJ = '\u200C';
/** Scripts where a zero-width non-joiner is ordinary spelling (Persian, the Indic scripts, …): not Latin, Greek or Cyrillic. */
const JOINING_SCRIPT_LETTER = /[\p{L}\p{M}]/u;
const ALPHABET_LETTER = /[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}]/u;

/**
 * The first invisible character that is not ordinary spelling, or null. Variation selectors, a
 * zero-width joiner inside an emoji sequence, a zero-width non-joiner between letters of a script
 * that needs it, and the tags of a subdivision flag are spelling; anything else can hide text.
 */
function misleadingInvisible(text: string): string | null {
  const withoutFlags = text.replace(SUBDIVISION_FLAG, '\u{1F3F4}');
  for (const match of withoutFlags.matchAll(INVISIBLE)) {
    const character = match[0];
    if (VARIATION_SELECTOR.test(character)) continue;
    const before = [...withoutFlags.slice(0, match.index)].at(-1) ?? '';
    const after = [...withoutFlags.slice(match.index + character.length)][0] ?? '';
    if (character === ZWJ && PICTOGRAPH.test(before) && PICTOGRAPH.test(after)) continue;
    if (character === ZWNJ && JOINING_SCRIPT_LETTER.test(before) && !ALPHABET_LETTER.test(before) && JOINING_SCRIPT_LETTER.test(after)) continue;
    return character;
  }
  return null;
}

const codePoint = (character: string) => `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

function refuseMisleadingCharacters(text: string, field: string): void {
  const bidi = BIDI_CONTROL.exec(text);
  if (bidi) {
    throw badUserInput(
      `${field} contains a bidirectional control character (${codePoint(bidi[0])}), which can make text display in a different order from how it reads; remove it and send again.`,
      field,
    );
  }
  if (C1_CONTROL.test(text)) throw badUserInput(`${field} contains control characters; remove them and send again.`, field);
  const invisible = misleadingInvisible(text);
  if (invisible) {
    throw badUserInput(`${field} contains an invisible character (${codePoint(invisible)}), which can hide or disguise text; remove it and send again.`, field);
  }
}

export interface FreeTextOptions {
  /**
   * Text about reviews, cases or learning: refuse NHS and National Insurance numbers, dates of
   * birth, full postcodes, email addresses and phone numbers.
   */
  refuseIdentifiers?: boolean;
}

/** A name or title: trimmed, bounded, on one line, with nothing invisible or reordering in it. */
export function singleLineText(value: string, field: string, maximum: number, options: FreeTextOptions = {}): string {
  const text = boundedText(value, field, maximum);
  if (LINE_BREAK_OR_TAB.test(text)) throw badUserInput(`${field} must be one line: remove the line breaks and tabs and send again.`, field);
  refuseMisleadingCharacters(text, field);
  if (options.refuseIdentifiers) refuseIdentifiers(text, field);
  return text;
}

/** A description or notes: as singleLineText, but newlines (\n or \r\n) and tabs are kept. */
export function multiLineText(value: string, field: string, maximum: number, options: FreeTextOptions = {}): string {
  const text = boundedText(value, field, maximum);
  if (UNICODE_LINE_BREAK.test(text))
    throw badUserInput(`${field} contains a Unicode line or paragraph separator; use an ordinary newline (\\n) instead.`, field);
  refuseMisleadingCharacters(text, field);
  if (options.refuseIdentifiers) refuseIdentifiers(text, field);
  return text;
}

// ---------------------------------------------------------------------------------------------
// Structured identifiers
// ---------------------------------------------------------------------------------------------

export type IdentifierKind = 'NHS number' | 'National Insurance number' | 'date of birth' | 'postcode' | 'email address' | 'phone number';

/**
 * The text the detectors read: compatibility forms folded (full-width digits, ligatures) and
 * invisible characters dropped, so "９４３" or "943\u200B476" is read as what it displays.
 */
export function textAsDisplayed(text: string): string {
  return text.normalize('NFKC').replace(INVISIBLE, '');
}

/** True when ten digits are an NHS number: the modulus-11 check digit matches (and is not 10). */
export function isValidNhsNumber(digits: string): boolean {
  if (!/^\d{10}$/.test(digits)) return false;
  let sum = 0;
  for (let index = 0; index < 9; index += 1) sum += Number(digits[index]) * (10 - index);
  const check = 11 - (sum % 11);
  const expected = check === 11 ? 0 : check;
  return expected !== 10 && expected === Number(digits[9]);
}

/** Ten digits, together or split by single spaces, hyphens or dots (943 476 5919, 943-476-5919), not part of a longer number. */
const TEN_DIGITS = /(?<![\d][ .-]?)(?<!\d)\d(?:[ .-]?\d){9}(?![ .-]?\d)/g;

/** NHS numbers: ten digits whose last is the modulus-11 check digit of the other nine. */
export function findNhsNumbers(text: string): string[] {
  return [...textAsDisplayed(text).matchAll(TEN_DIGITS)].map((match) => match[0]).filter((candidate) => isValidNhsNumber(candidate.replace(/\D/g, '')));
}

/**
 * National Insurance numbers (HMRC's format): two prefix letters (not D, F, I, Q, U or V; the
 * second not O; never BG, GB, KN, NK, NT, TN or ZZ), six digits, and the suffix A–D, which
 * people often leave off.
 */
const NATIONAL_INSURANCE = /\b([A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z])\s?(\d{2})\s?(\d{2})\s?(\d{2})(?:\s?([A-D]))?\b/gi;
const NOT_ISSUED_PREFIXES = new Set(['BG', 'GB', 'KN', 'NK', 'NT', 'TN', 'ZZ']);
export function findNationalInsuranceNumbers(text: string): string[] {
  return [...textAsDisplayed(text).matchAll(NATIONAL_INSURANCE)].filter((match) => !NOT_ISSUED_PREFIXES.has(match[1]!.toUpperCase())).map((match) => match[0]);
}

const MONTH = 'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
const A_DATE = `(?:\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{2,4}|\\d{4}-\\d{1,2}-\\d{1,2}|\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?(?:${MONTH})\\.?,?\\s+\\d{2,4}|(?:${MONTH})\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4})`;
/**
 * A date of birth is a date said to be one: after "DOB", "D.O.B.", "date of birth", "birth date",
 * "born (on)" or "b." (a date alone is the date of a meeting or a visit, and passes).
 */
const DATE_OF_BIRTH = new RegExp(
  `\\b(?:d\\.?\\s?o\\.?\\s?b\\.?|date\\s+of\\s+birth|birth\\s*date|born(?:\\s+on)?|b\\.)\\s*(?:[:=,-]\\s*)?(?:on\\s+)?(${A_DATE})`,
  'gi',
);
export function findDatesOfBirth(text: string): string[] {
  return [...textAsDisplayed(text).matchAll(DATE_OF_BIRTH)].map((match) => match[1]!);
}

/** Full postcodes (outward and inward code, SY1 1AA or SY11AA), not a district alone (SY1). */
const POSTCODE_SHAPE = /\b[A-Z]{1,2}\d[A-Z\d]?\s{0,2}\d[A-Z]{2}\b/gi;
/** "A1 2nd", "B3 4th": an ordinal in lower case is not the inward code of a postcode. */
const ORDINAL = /(?:1st|2nd|3rd|[04-9]th)$/;
export function findPostcodes(text: string): string[] {
  return [...textAsDisplayed(text).matchAll(POSTCODE_SHAPE)]
    .map((match) => match[0])
    .filter((candidate) => !ORDINAL.test(candidate) && isValidPostcode(candidate));
}

/**
 * Bounded like the addresses themselves (a local part is at most 64 characters, a domain label
 * 63, RFC 5321): with unbounded repeats a long run of letters and no "@" took time quadratic in
 * its length (figure: bench/BASELINE.md, "Figures moved out of code comments"), which a client
 * could use to stall a subgraph.
 */
const EMAIL =
  /[\p{L}\p{N}.!#$%&'*+/=?^_`{|}~-]{1,64}@[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?(?:\.[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?){1,8}/gu;
export function findEmailAddresses(text: string): string[] {
  return [...textAsDisplayed(text).matchAll(EMAIL)].map((match) => match[0]);
}

/**
 * Phone numbers a person could be reached on, as libphonenumber reads them in text (UK national
 * formats, +44 and other international numbers). Freephone, shared-cost, 03 and premium numbers
 * (helplines, switchboards) are organisations' and pass. Ten digits that are an NHS number are
 * reported as that, not as a phone number.
 */
export function findPhoneNumbers(text: string): string[] {
  const displayed = textAsDisplayed(text).replace(TEN_DIGITS, (digits) => (isValidNhsNumber(digits.replace(/\D/g, '')) ? ' '.repeat(digits.length) : digits));
  return findPhoneNumbersInText(displayed, 'GB')
    .filter(({ number }) => !['TOLL_FREE', 'SHARED_COST', 'UAN', 'PREMIUM_RATE'].includes(number.getType() ?? ''))
    .map(({ startsAt, endsAt }) => displayed.slice(startsAt, endsAt));
}

const DETECTORS: [IdentifierKind, (text: string) => string[]][] = [
  ['NHS number', findNhsNumbers],
  ['National Insurance number', findNationalInsuranceNumbers],
  ['date of birth', findDatesOfBirth],
  ['postcode', findPostcodes],
  ['email address', findEmailAddresses],
  ['phone number', findPhoneNumbers],
];

/** The kinds of identifier found in the text, each once, in the order above. */
export function identifierKindsIn(text: string): IdentifierKind[] {
  return DETECTORS.filter(([, find]) => find(text).length > 0).map(([kind]) => kind);
}

const listed = (items: string[]) => (items.length === 1 ? items[0]! : `${items.slice(0, -1).join(', ')} and ${items.at(-1)!}`);
const ARTICLE: Record<IdentifierKind, string> = {
  'NHS number': 'an',
  'National Insurance number': 'a',
  'date of birth': 'a',
  postcode: 'a',
  'email address': 'an',
  'phone number': 'a',
};
const withArticle = (kind: IdentifierKind) => `${ARTICLE[kind]} ${kind}`;

/** Refuses text holding an identifier, naming the field and the kinds but never the value (the error is logged and audited). */
function refuseIdentifiers(text: string, field: string): void {
  const kinds = identifierKindsIn(text);
  if (kinds.length === 0) return;
  throw badUserInput(
    `${field} contains what looks like ${listed(kinds.map(withArticle))}. Text about a case must not identify anyone: remove it (say "Child A", "the mother", "the GP" instead) and send again.`,
    field,
    { identifierKinds: kinds },
  );
}

// ---------------------------------------------------------------------------------------------
// Likely personal names
// ---------------------------------------------------------------------------------------------

type PersonTagger = typeof import('compromise').default;
let tagger: PersonTagger | undefined;
/** Loaded at first use: the tagger's lexicon is half a second of every subgraph's start. */
function personTagger(): PersonTagger {
  if (!tagger) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded at first use, not at start (see above)
    const loaded = require('compromise') as PersonTagger & { default?: PersonTagger };
    tagger = loaded.default ?? loaded;
  }
  return tagger;
}

/**
 * Words that look like a person's name (compromise's English tagger: known first names, titles
 * such as Mrs or Dr with a surname), each once. A flag for a person to check, not a refusal: it
 * misses unusual names and may flag a place or an organisation named after someone.
 */
export function possiblePersonalNames(text: string): string[] {
  const people = personTagger()(textAsDisplayed(text)).people().out('array') as string[];
  const names = people.map((name) => name.replace(/^[^\p{L}]+|[^\p{L}.]+$/gu, '').replace(/'s$/, '')).filter((name) => name.length > 1);
  return [...new Set(names)];
}
