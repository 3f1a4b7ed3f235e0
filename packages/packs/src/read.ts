import { FAILSAFE_SCHEMA, load as loadYaml, Type, YAMLException } from 'js-yaml';
import { isAlias, isMap, isNode, isPair, isScalar, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml';
import type { z } from 'zod';

/** One thing wrong with a pack: where (file, line, column, field) and what. */
export interface PackProblem {
  /** The file, relative to the pack folder (or as given). */
  file: string;
  /** 1-based; 0 when the problem is about the file as a whole. */
  line: number;
  column: number;
  /** The field, as a path, e.g. "bodies[3].chairRule.termMonths"; empty for the file itself. */
  field: string;
  message: string;
}

export function formatProblem(problem: PackProblem): string {
  const where = problem.line > 0 ? `${problem.file}:${problem.line}:${problem.column}` : problem.file;
  return `${where}${problem.field ? ` ${problem.field}` : ''}: ${problem.message}`;
}

export function fieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, key) => (typeof key === 'number' ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key)), '');
}

/** A parsed YAML file that can say where any path in it is. */
export class LocatedYaml {
  private readonly lines = new LineCounter();
  readonly document: Document;

  constructor(
    readonly file: string,
    readonly text: string,
  ) {
    this.document = parseDocument(text, { lineCounter: this.lines, prettyErrors: false, uniqueKeys: true });
  }

  /** The problems the YAML parser found (syntax, duplicate keys). */
  syntaxProblems(): PackProblem[] {
    // Without prettyErrors the parser leaves linePos unset; its offset (pos) says where.
    return this.document.errors.map((error) => {
      const given = error.linePos?.[0];
      const position = given ? { line: given.line, column: given.col } : this.linePos(error.pos[0]);
      return { file: this.file, ...position, field: '', message: error.message.split('\n')[0]! };
    });
  }

  toJS(): unknown {
    return this.document.toJS({ maxAliasCount: 100 });
  }

  /**
   * Line and column of the value at `path`, or of the nearest ancestor that exists (a missing
   * field is reported at the object that lacks it). With `key`, the position of that key instead.
   */
  positionOf(path: readonly PropertyKey[], key?: string): { line: number; column: number } {
    let node: unknown = this.document.contents;
    let located: Node | null = isNode(node) ? node : null;
    for (const step of path) {
      if (!isNode(node) || !('get' in node)) break;
      const next = (node as { get(key: unknown, keepScalar: boolean): unknown }).get(step, true);
      if (next === undefined) break;
      node = next;
      if (isNode(node)) located = node;
    }
    if (key !== undefined && isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === key);
      if (pair && isScalar(pair.key) && pair.key.range) return this.linePos(pair.key.range[0]);
    }
    if (located?.range) return this.linePos(located.range[0]);
    return { line: 1, column: 1 };
  }

  /** Where the first alias (*name) is, for a problem about aliases. */
  firstAliasPosition(): { line: number; column: number } {
    let offset: number | undefined;
    visit(this.document, {
      Alias: (_key, node) => {
        if (isAlias(node) && node.range) offset = node.range[0];
        return visit.BREAK;
      },
    });
    return offset === undefined ? { line: 1, column: 1 } : this.linePos(offset);
  }

  private linePos(offset: number): { line: number; column: number } {
    const { line, col } = this.lines.linePos(offset);
    return { line, column: col };
  }
}

/** Zod's issues as pack problems, each at the line and column of the field it is about. */
export function problemsFromZod(yaml: LocatedYaml, issues: readonly z.core.$ZodIssue[]): PackProblem[] {
  return issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        file: yaml.file,
        ...yaml.positionOf(issue.path, key),
        field: fieldPath([...issue.path, key]),
        message: `"${key}" is not a field here; check its spelling against the JSON Schema (packs/schema/)`,
      }));
    }
    // Zod says "expected string, received undefined" for a field left out; say it is missing.
    const missing = issue.code === 'invalid_type' && issue.message.endsWith('received undefined');
    const message = missing ? `"${String(issue.path.at(-1))}" is missing: it is required here (${issue.expected})` : issue.message;
    return [{ file: yaml.file, ...yaml.positionOf(issue.path), field: fieldPath(issue.path), message }];
  });
}

// ---------- Reading without positions (js-yaml) ----------

/** A plain scalar type of the YAML 1.2 core schema, resolved exactly as the `yaml` package resolves it. */
function coreScalar(tag: string, patterns: [RegExp, (text: string) => unknown][]): Type {
  const match = (text: string) => patterns.find(([pattern]) => pattern.test(text));
  return new Type(`tag:yaml.org,2002:${tag}`, {
    kind: 'scalar',
    resolve: (text: string | null) => text !== null && match(text) !== undefined,
    construct: (text: string) => match(text)![1](text),
  });
}

/**
 * js-yaml with the scalars of the `yaml` package's core schema (its own core schema differs at
 * the edges: 0b11 is a number there and -.5 a string), so both readers give the same value for
 * the same text; timestamps stay strings, as dates do in a pack.
 */
const CORE_SCHEMA_AS_YAML_READS_IT = FAILSAFE_SCHEMA.extend({
  implicit: [
    coreScalar('null', [[/^(?:~|[Nn]ull|NULL)?$/, () => null]]),
    coreScalar('bool', [
      [/^(?:[Tt]rue|TRUE)$/, () => true],
      [/^(?:[Ff]alse|FALSE)$/, () => false],
    ]),
    coreScalar('int', [
      [/^0o[0-7]+$/, (text) => parseInt(text.slice(2), 8)],
      [/^[-+]?[0-9]+$/, (text) => parseInt(text, 10)],
      [/^0x[0-9a-fA-F]+$/, (text) => parseInt(text.slice(2), 16)],
    ]),
    coreScalar('float', [
      [/^(?:[-+]?\.(?:inf|Inf|INF))$/, (text) => (text.startsWith('-') ? -Infinity : Infinity)],
      [/^(?:\.nan|\.NaN|\.NAN)$/, () => NaN],
      [/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/, (text) => parseFloat(text)],
      [/^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/, (text) => parseFloat(text)],
    ]),
  ],
});

/**
 * A text that may hold a YAML anchor (&name) or alias (*name): those are left to the `yaml`
 * parser, which bounds how far aliases expand (js-yaml does not: a "billion laughs" file would
 * exhaust memory). A false alarm (e.g. "& x" in a quote) only takes the slower path.
 */
const MAY_HOLD_ANCHOR_OR_ALIAS = /(?:^|[\s[{,])[&*]\S/m;

/**
 * The value of a YAML text read by js-yaml, about ten times as fast as the `yaml` package's
 * parseDocument on a large section (docs/working-notes/packs-bench.md), but without positions;
 * undefined when the text needs the `yaml` parser: a syntax error or duplicate key to place at its
 * line, or anchors and aliases.
 */
export function readWithoutPositions(text: string): { value: unknown } | undefined {
  if (MAY_HOLD_ANCHOR_OR_ALIAS.test(text)) return undefined;
  try {
    // An empty file is null to the `yaml` package, undefined to js-yaml: null, as before.
    return { value: loadYaml(text, { schema: CORE_SCHEMA_AS_YAML_READS_IT, json: false }) ?? null };
  } catch (error) {
    if (error instanceof YAMLException) return undefined;
    throw error;
  }
}

/** The value of a YAML text as the `yaml` package reads it, or the problems that stop it (syntax, duplicate keys, too many aliases). */
function readWithPositions(yaml: LocatedYaml): { value: unknown } | { problems: PackProblem[] } {
  const syntax = yaml.syntaxProblems();
  if (syntax.length > 0) return { problems: syntax };
  try {
    return { value: yaml.toJS() };
  } catch (error) {
    // The parser refuses to expand aliases past maxAliasCount (a guard against "billion laughs"):
    // say so at the first alias instead of failing the whole read.
    return {
      problems: [
        {
          file: yaml.file,
          ...yaml.firstAliasPosition(),
          field: '',
          message: `${(error as Error).message}; write the repeated values out instead of using YAML aliases (*name)`,
        },
      ],
    };
  }
}

/**
 * Reads one pack file against its section's schema: every problem at once (syntax, then shape),
 * or the typed value. The subgraphs, the `pack` command and the import mutation all read a file
 * this way, so an error names the same line wherever it is found.
 */
export function readPackFile<Schema extends z.ZodType>(
  file: string,
  text: string,
  schema: Schema,
): { value: z.infer<Schema>; problems: [] } | { value: undefined; problems: PackProblem[] } {
  // Positions are only needed to place a problem: the located document (the `yaml` package, the
  // slow part of reading a large section) is built only when js-yaml cannot read the text or the
  // schema finds something wrong.
  let located: LocatedYaml | undefined;
  let read: { value: unknown } | { problems: PackProblem[] } | undefined = readWithoutPositions(text);
  if (!read) {
    located = new LocatedYaml(file, text);
    read = readWithPositions(located);
  }
  if ('problems' in read) return { value: undefined, problems: read.problems };
  const parsed = schema.safeParse(read.value);
  if (!parsed.success) return { value: undefined, problems: problemsFromZod(located ?? new LocatedYaml(file, text), parsed.error.issues) };
  return { value: parsed.data, problems: [] };
}
