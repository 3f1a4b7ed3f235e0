import type { ApolloServer } from '@apollo/server';
import { stringify } from 'csv-stringify/sync';
import express from 'express';
import type { Caller } from '@safeguarding/auth';
import { type CellValue, type Column, EXPORT_DEFINITIONS, type ExportDefinition, type ExportParameter } from './export-definitions';
import { problem, ProblemError, refuseTokenInQuery } from './problem';

/**
 * CSV exports of what analysts see (the table is export-definitions.ts): each export is a GraphQL
 * operation run through this gateway as the caller, so the same permissions and limits apply, and
 * its answer is flattened into rows. Parameters are checked before anything runs (400 naming the
 * parameter), the partnerships or body they name must exist (404), and the operation's own errors
 * come back as problems that name nothing of GraphQL.
 */
export type GatewayApollo = ApolloServer<{ caller: Caller; requestId?: string }>;

export const EXPORTS: Record<string, ExportDefinition> = Object.fromEntries(EXPORT_DEFINITIONS.map((definition) => [definition.name, definition]));

/** Query parameters that are never an export's own: the download link's signature. */
export const LINK_PARAMETER = 'link';

export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const BODY_ID = /^[a-z0-9]+(?:[.-][a-z0-9]+)*$/;

const badParameter = (parameter: string, detail: string) => problem(400, 'PARAMETER_INVALID', 'A parameter is not valid', detail, parameter);

function checkedDate(name: string, text: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : undefined;
  if (!date || date.toISOString().slice(0, 10) !== text)
    throw badParameter(name, `"${name}" must be a date written YYYY-MM-DD, e.g. 2025-06-01; "${text.slice(0, 40)}" is not one.`);
  return text;
}

function checkedSlug(name: string, text: string): string {
  if (!SLUG.test(text) || text.length > 100)
    throw badParameter(
      name,
      `"${name}" must name partnerships by slug (lower-case words joined by hyphens, e.g. telford-and-wrekin); "${text.slice(0, 40)}" is not a slug.`,
    );
  return text;
}

const PARSERS: Record<ExportParameter['kind'], (name: string, text: string) => unknown> = {
  partnership: checkedSlug,
  partnerships(name, text) {
    const slugs = text
      .split(',')
      .map((slug) => slug.trim())
      .filter(Boolean);
    if (!slugs.length) throw badParameter(name, `"${name}" must list at least one partnership slug, separated by commas.`);
    if (slugs.length > 20) throw badParameter(name, `"${name}" may list at most 20 partnerships.`);
    return slugs.map((slug) => checkedSlug(name, slug));
  },
  body(name, text) {
    if (!BODY_ID.test(text) || text.length > 200)
      throw badParameter(name, `"${name}" must be a body's id, e.g. telford-and-wrekin.executive; "${text.slice(0, 40)}" is not one.`);
    return text;
  },
  date: checkedDate,
  count(name, text) {
    if (!/^\d{1,4}$/.test(text) || Number(text) < 1)
      throw badParameter(name, `"${name}" must be a whole number from 1 to 9999; "${text.slice(0, 40)}" is not.`);
    return Number(text);
  },
};

export interface PreparedExport {
  definition: ExportDefinition;
  /** The parameters as the caller sent them, by their current names (what a download link signs). */
  parameters: Record<string, string>;
  variables: Record<string, unknown>;
}

export function findExport(name: string): ExportDefinition {
  const definition = Object.hasOwn(EXPORTS, name) ? EXPORTS[name] : undefined;
  if (!definition) throw problem(404, 'EXPORT_NOT_FOUND', 'No such export', `There is no export named "${name.slice(0, 40)}"; GET /exports lists them.`);
  return definition;
}

/** Checks the query parameters against the export's (400 naming the first at fault) and makes the operation's variables. */
export function prepareExport(definition: ExportDefinition, query: URLSearchParams): PreparedExport {
  refuseTokenInQuery(
    query,
    'Send it in the header "Authorization: Bearer <token>", or ask for a download link (POST /exports/links) that a plain link can use.',
  );
  const byName = new Map<string, ExportParameter>();
  for (const parameter of definition.parameters) for (const name of [parameter.name, ...(parameter.aliases ?? [])]) byName.set(name, parameter);
  const given = new Map<ExportParameter, string>();
  for (const name of new Set(query.keys())) {
    if (name === LINK_PARAMETER) continue;
    const parameter = byName.get(name);
    if (!parameter) {
      const accepted = definition.parameters.map((p) => p.name).join(', ') || 'none';
      throw problem(
        400,
        'PARAMETER_UNKNOWN',
        'Unknown parameter',
        `The ${definition.name} export has no parameter "${name.slice(0, 40)}"; it takes: ${accepted}.`,
        name.slice(0, 40),
      );
    }
    if (query.getAll(name).length > 1 || given.has(parameter)) throw badParameter(parameter.name, `"${parameter.name}" is given more than once; give it once.`);
    given.set(parameter, query.get(name)!);
  }
  const parameters: Record<string, string> = {};
  const variables: Record<string, unknown> = {};
  for (const parameter of definition.parameters) {
    const text = given.get(parameter)?.trim();
    if (text === undefined || text === '') {
      if (parameter.required) {
        throw problem(
          400,
          'PARAMETER_MISSING',
          'A parameter is missing',
          `The ${definition.name} export needs "${parameter.name}": ${parameter.description}.`,
          parameter.name,
        );
      }
      if (parameter.default !== undefined) variables[parameter.variable] = PARSERS[parameter.kind](parameter.name, parameter.default);
      continue;
    }
    parameters[parameter.name] = text;
    variables[parameter.variable] = PARSERS[parameter.kind](parameter.name, text);
  }
  return { definition, parameters, variables };
}

interface OperationError {
  message: string;
  extensions?: { code?: unknown; [key: string]: unknown };
}

/**
 * An operation's errors as one problem. Messages that speak to the caller (a refusal, a
 * subgraph down, a bad value a subgraph explains) are passed on, unless they quote the
 * operation; anything else gets a plain sentence.
 */
function operationProblem(errors: readonly OperationError[]): ProblemError {
  const [first] = errors;
  const code = typeof first?.extensions?.code === 'string' ? first.extensions.code : '';
  const message = first && !/\$\w|Variable "|Cannot query field|Unknown argument|Syntax Error/.test(first.message) ? first.message : undefined;
  switch (code) {
    case 'UNAUTHENTICATED':
      return problem(
        401,
        'UNAUTHENTICATED',
        'Sign in to download this',
        message ?? 'This export needs you to sign in: send "Authorization: Bearer <token>", or use a download link (POST /exports/links).',
      );
    case 'FORBIDDEN':
      return problem(403, 'FORBIDDEN', 'You may not download this', message ?? 'Your role does not allow this export.');
    case 'BAD_USER_INPUT':
      return problem(400, 'PARAMETER_INVALID', 'A parameter is not valid', message ?? 'A parameter is not valid; GET /exports describes each.');
    case 'SUBGRAPH_UNAVAILABLE':
      // A CSV with a column silently missing would be mistaken for the whole list.
      return problem(503, 'SUBGRAPH_UNAVAILABLE', 'Part of the platform is unavailable', message ?? 'Part of the platform is unavailable; try again shortly.');
    case 'RATE_LIMITED':
      return problem(429, 'RATE_LIMITED', 'Too many requests', message ?? 'Too many requests; wait a moment and try again.');
    default:
      return problem(
        502,
        'EXPORT_FAILED',
        'The export could not be made',
        'The export could not be made just now; try again shortly, and report it if it persists.',
      );
  }
}

/** The operation's data; `TData` is the shape the operation asks for (the caller's word for it, not checked). */
export async function runOperation<TData extends object = Record<string, unknown>>(
  apollo: GatewayApollo,
  caller: Caller,
  query: string,
  variables: Record<string, unknown>,
  requestId?: string,
): Promise<TData> {
  const result = await apollo.executeOperation({ query, variables }, { contextValue: { caller, requestId } });
  if (result.body.kind !== 'single')
    throw problem(502, 'EXPORT_FAILED', 'The export could not be made', 'The answer came in parts, which exports cannot read.');
  const { data, errors } = result.body.singleResult;
  if (errors?.length || !data) throw operationProblem(errors ?? []);
  return data as TData;
}

const PARTNERSHIP_SLUGS = 'query ExportPartnershipSlugs { partnerships { slug } }';
const BODY_EXISTS = 'query ExportBodyExists($id: ID!) { body(id: $id) { id } }';

/** 404 for a partnership or body that does not exist (or that the caller cannot see), naming the parameter. */
async function checkExists(apollo: GatewayApollo, caller: Caller, prepared: PreparedExport, requestId?: string): Promise<void> {
  const { definition, variables } = prepared;
  const named = definition.parameters.filter((parameter) => variables[parameter.variable] !== undefined);
  const partnershipParameters = named.filter((parameter) => parameter.kind === 'partnership' || parameter.kind === 'partnerships');
  if (partnershipParameters.length) {
    const { partnerships } = await runOperation<{ partnerships: { slug: string }[] }>(apollo, caller, PARTNERSHIP_SLUGS, {}, requestId);
    const known = new Set(partnerships.map((p) => p.slug));
    for (const parameter of partnershipParameters) {
      const unknown = ([] as string[]).concat(variables[parameter.variable] as string | string[]).filter((slug) => !known.has(slug));
      if (unknown.length) {
        throw problem(
          404,
          'PARTNERSHIP_NOT_FOUND',
          'No such partnership',
          `No partnership has the slug ${unknown.map((slug) => `"${slug}"`).join(', ')}; the partnerships are ${[...known].join(', ')}.`,
          parameter.name,
        );
      }
    }
  }
  for (const parameter of named.filter((p) => p.kind === 'body')) {
    const answer = await runOperation<{ body: { id: string } | null }>(apollo, caller, BODY_EXISTS, { id: variables[parameter.variable] }, requestId);
    if (!answer.body)
      throw problem(
        404,
        'BODY_NOT_FOUND',
        'No such body',
        `No body has the id "${String(variables[parameter.variable])}"; a partnership's bodies are in /exports/bodies.csv.`,
        parameter.name,
      );
  }
}

/** The values at a dotted path; a list on the way yields each of its items. */
function valuesAt(from: unknown, path: string): unknown[] {
  let values: unknown[] = [from];
  for (const key of path.split('.')) {
    values = values.flatMap((value): unknown[] => {
      const next = value === null || value === undefined ? undefined : (value as Record<string, unknown>)[key];
      return Array.isArray(next) ? next : [next];
    });
  }
  return values.filter((value) => value !== undefined && value !== null);
}

function cellValue(bindings: Record<string, unknown>, value: Column['value']): CellValue {
  if (typeof value === 'function') return value(bindings);
  const found = valuesAt(bindings, value);
  // One value as it is (a number stays a number); several (a list) joined for a spreadsheet cell.
  if (found.length <= 1) return found[0] as CellValue;
  return found.join('; ');
}

/** The rows the definition's `rows` path describes, each as the bindings it made. */
function rowBindings(answer: Record<string, unknown>, path: string): Record<string, unknown>[] {
  let rows: { at: unknown; bindings: Record<string, unknown> }[] = [{ at: answer, bindings: { ...answer } }];
  for (const segment of path.split('.')) {
    const match = /^(?:\((?<branches>[\w|]+)\)|(?<key>\w+))(?:\[(?<binding>\w+)\])?$/.exec(segment);
    if (!match?.groups) throw new Error(`Bad rows path segment "${segment}"`);
    const { branches, key, binding } = match.groups;
    rows = rows.flatMap(({ at, bindings }) =>
      (branches ? branches.split('|') : [key!]).flatMap((name) => {
        const next = at === null || at === undefined ? undefined : (at as Record<string, unknown>)[name];
        const withBranch = branches ? { ...bindings, branch: name } : bindings;
        if (!binding) return [{ at: next, bindings: withBranch }];
        return ((next ?? []) as unknown[]).map((item) => ({ at: item, bindings: { ...withBranch, [binding]: item } }));
      }),
    );
  }
  return rows.map(({ bindings }) => bindings);
}

export function toTable(
  definition: ExportDefinition,
  answer: Record<string, unknown>,
  variables: Record<string, unknown>,
): { header: string[]; rows: CellValue[][] } {
  const root = { ...answer, variables };
  const header: string[] = [];
  const cellsOf: ((bindings: Record<string, unknown>) => CellValue[])[] = [];
  for (const column of definition.columns) {
    if ('pivot' in column) {
      const { keys, cells, key, columns } = column.pivot;
      for (const pivotKey of valuesAt(root, keys) as string[]) {
        header.push(...columns.map((c) => c.header.replaceAll('{key}', pivotKey)));
        cellsOf.push((bindings) => {
          const cell = valuesAt(bindings, cells).find((candidate) => (candidate as Record<string, unknown>)[key] === pivotKey);
          return columns.map((c) => (cell ? cellValue({ ...bindings, cell }, c.value) : ''));
        });
      }
    } else {
      header.push(column.header);
      cellsOf.push((bindings) => [cellValue(bindings, column.value)]);
    }
  }
  const rows = rowBindings(answer, definition.rows).map((bindings) => cellsOf.flatMap((cells) => cells(bindings)).map((value) => value ?? ''));
  return { header, rows };
}

/** Runs a prepared export as the caller: the CSV text, with a byte-order mark so spreadsheet programs read £ and & as UTF-8. */
export async function exportCsv(apollo: GatewayApollo, caller: Caller, prepared: PreparedExport, requestId?: string): Promise<string> {
  await checkExists(apollo, caller, prepared, requestId);
  const answer = await runOperation(apollo, caller, prepared.definition.operation, prepared.variables, requestId);
  const { header, rows } = toTable(prepared.definition, answer, prepared.variables);
  // Booleans as true/false (csv-stringify's default writes 1 and an empty cell, which reads as missing).
  return `\uFEFF${stringify([header, ...rows], { cast: { boolean: (value) => String(value) } })}`;
}

/** GET /exports: every export with its parameters. */
export function exportIndex(): Record<string, { description: string; parameters: Record<string, string> }> {
  return Object.fromEntries(
    EXPORT_DEFINITIONS.map((definition) => [
      `/exports/${definition.name}.csv`,
      {
        description: definition.description,
        parameters: Object.fromEntries(definition.parameters.map((p) => [p.name, `${p.required ? 'required' : 'optional'}: ${p.description}`])),
      },
    ]),
  );
}

/** The CSV with its Cache-Control: public lists for the anonymous public may be kept briefly; anything caller-dependent is no-store. */
export function sendCsv(response: express.Response, name: string, csv: string, cacheControl = 'private, no-store'): void {
  response
    .status(200)
    .type('text/csv; charset=utf-8')
    .set('content-disposition', `attachment; filename="${name}.csv"`)
    .set('cache-control', cacheControl)
    .vary('Authorization')
    .send(csv);
}
