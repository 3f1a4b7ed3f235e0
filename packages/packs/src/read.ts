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
  const yaml = new LocatedYaml(file, text);
  const syntax = yaml.syntaxProblems();
  if (syntax.length > 0) return { value: undefined, problems: syntax };
  let value: unknown;
  try {
    value = yaml.toJS();
  } catch (error) {
    // The parser refuses to expand aliases past maxAliasCount (a guard against "billion laughs"):
    // say so at the first alias instead of failing the whole read.
    return {
      value: undefined,
      problems: [
        {
          file,
          ...yaml.firstAliasPosition(),
          field: '',
          message: `${(error as Error).message}; write the repeated values out instead of using YAML aliases (*name)`,
        },
      ],
    };
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) return { value: undefined, problems: problemsFromZod(yaml, parsed.error.issues) };
  return { value: parsed.data, problems: [] };
}
