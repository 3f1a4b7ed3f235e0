/**
 * The examples a front-end developer copies: the ```graphql blocks of the READMEs, the explorer's
 * default query and the operations the kit generates typed documents for. Read from the files
 * themselves, so a new example is checked the day it is written.
 */
import fs from 'node:fs';
import path from 'node:path';
import { buildSchema, type DocumentNode, getNamedType, type GraphQLSchema, isObjectType, Kind, parse, TypeInfo, visit, visitWithTypeInfo } from 'graphql';
import { type Grant, parseGrant, ROLES } from '@safeguarding/auth';

export const REPOSITORY = path.resolve(__dirname, '..', '..', '..');

export interface Example {
  /** Where it is: file and line of the block. */
  where: string;
  text: string;
  /** The grants of the `# npm run token -- ...` comment in the block; none for the anonymous reader. */
  grants: Grant[];
}

/** Every ```graphql block of a Markdown file, in order, with the grants its token comment names. */
export function graphqlBlocks(file: string): Example[] {
  const lines = fs.readFileSync(path.join(REPOSITORY, file), 'utf8').split('\n');
  const blocks: Example[] = [];
  for (let index = 0; index < lines.length; index += 1) {
    if (lines[index]!.trim() !== '```graphql') continue;
    const start = index + 1;
    let end = start;
    while (end < lines.length && lines[end]!.trim() !== '```') end += 1;
    const text = lines.slice(start, end).join('\n');
    blocks.push({ where: `${file}:${start}`, text, grants: tokenGrants(text) });
    index = end;
  }
  return blocks;
}

/**
 * The blocks of a Markdown file outside the section headed `heading` (up to the next heading of the
 * same level): for the README's administrators' section, whose mutations change the record and are
 * exercised by the subgraphs' own tests (restructure, training year), not replayed here.
 */
export function blocksOutsideSection(file: string, heading: string): Example[] {
  const lines = fs.readFileSync(path.join(REPOSITORY, file), 'utf8').split('\n');
  const start = lines.findIndex((line) => line.trim() === heading);
  if (start < 0) throw new Error(`${file} has no section "${heading}"`);
  const level = /^#+/.exec(heading)![0];
  const next = lines.findIndex((line, index) => index > start && new RegExp(`^${level} `).test(line));
  const end = next < 0 ? lines.length : next;
  return graphqlBlocks(file).filter((block) => {
    const line = Number(block.where.split(':').pop());
    return line < start || line >= end;
  });
}

/** The operations inside `graphql(`...`)` calls of a Markdown file's ```ts blocks (the client kit's example). */
export function typedDocumentCalls(file: string): Example[] {
  const text = fs.readFileSync(path.join(REPOSITORY, file), 'utf8');
  const examples: Example[] = [];
  for (const block of text.matchAll(/^```ts\n([\s\S]*?)^```$/gm)) {
    const line = text.slice(0, block.index).split('\n').length + 1;
    for (const call of block[1]!.matchAll(/graphql\(`([^`]*)`\)/g))
      examples.push({ where: `${file}:${line} (graphql call ${examples.length + 1})`, text: call[1]!, grants: [] });
  }
  return examples;
}

/** `# npm run token -- member shropshire analyst` -> the grants, read as `npm run token` reads its arguments. */
export function tokenGrants(text: string): Grant[] {
  const comment = /#\s*npm run token -- (.+)$/m.exec(text);
  if (!comment) return [];
  const words = comment[1]!.trim().split(/\s+/);
  const grants: Grant[] = [];
  for (let index = 0; index < words.length; index += 1) {
    const next = words[index + 1];
    const takesPartnership = next !== undefined && !(ROLES as readonly string[]).includes(next);
    grants.push(parseGrant({ role: words[index], partnershipSlug: takesPartnership ? next : null }));
    if (takesPartnership) index += 1;
  }
  return grants;
}

/** A Markdown file may hold several operations in one block (the subgraph READMEs do): one example each. */
export function operationsOf(example: Example): Example[] {
  const document = parse(example.text);
  const operations = document.definitions.filter((definition) => definition.kind === Kind.OPERATION_DEFINITION);
  if (operations.length <= 1) return [example];
  return operations.map((operation, index) => ({
    where: `${example.where} (operation ${index + 1})`,
    text: example.text.slice(operation.loc!.start, operation.loc!.end),
    // A comment just above an operation names the token for that one.
    grants: tokenGrants(example.text.slice(index === 0 ? 0 : operations[index - 1]!.loc!.end, operation.loc!.start)),
  }));
}

/** The explorer's default query, as the page builds it (a JavaScript string literal in gateway/src/explorer.ts). */
export function explorerDefaultQuery(): Example {
  const source = fs.readFileSync(path.join(REPOSITORY, 'gateway', 'src', 'explorer.ts'), 'utf8');
  const literal = /const defaultQuery = '((?:[^'\\]|\\.)*)';/.exec(source);
  if (!literal) throw new Error('gateway/src/explorer.ts: no `const defaultQuery = ...` found; update the test to where the explorer keeps its example.');
  // The literal sits in a template string, so its escapes are doubled (\\n is a newline in the page).
  const text = literal[1]!.replace(/\\\\n/g, '\n').replace(/\\'/g, "'");
  return { where: 'gateway/src/explorer.ts (defaultQuery)', text, grants: tokenGrants(text) };
}

/** Every .graphql file of a folder, one example each. */
export function operationFiles(folder: string): Example[] {
  return fs
    .readdirSync(path.join(REPOSITORY, folder))
    .filter((file) => file.endsWith('.graphql'))
    .sort()
    .map((file) => {
      const text = fs.readFileSync(path.join(REPOSITORY, folder, file), 'utf8');
      return { where: `${folder}/${file}`, text, grants: tokenGrants(text) };
    });
}

/** The API schema the kit generated from the supergraph (generated/schema.graphql). */
export function apiSchema(): GraphQLSchema {
  return buildSchema(fs.readFileSync(path.join(__dirname, '..', 'generated', 'schema.graphql'), 'utf8'));
}

/**
 * What an example must select for Apollo Client's cache to know each object by its identity, with
 * the kit's type policies: `id` on every object type that has one, `id` and `since` on
 * LearningCoverage, `level { id }` on CrosswalkMapping. Returns one line per selection that misses
 * it, naming the path.
 */
export function missingIdentities(schema: GraphQLSchema, document: DocumentNode): string[] {
  const required = (typename: string): string[] => {
    if (typename === 'LearningCoverage') return ['id', 'since'];
    if (typename === 'CrosswalkMapping') return ['level'];
    const type = schema.getType(typename);
    return isObjectType(type) && type.getFields().id ? ['id'] : [];
  };
  const typeInfo = new TypeInfo(schema);
  const problems: string[] = [];
  const pathOf: string[] = [];
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field: {
        enter(node) {
          pathOf.push(node.alias?.value ?? node.name.value);
        },
        leave() {
          pathOf.pop();
        },
      },
      SelectionSet(node) {
        const parent = getNamedType(typeInfo.getParentType());
        if (!parent || !isObjectType(parent) || ['Query', 'Mutation', 'Subscription'].includes(parent.name)) return;
        const selected = new Set(node.selections.flatMap((selection) => (selection.kind === Kind.FIELD ? [selection.name.value] : [])));
        const missing = required(parent.name).filter((field) => !selected.has(field));
        if (missing.length > 0) problems.push(`${pathOf.join('.')} (${parent.name}) selects no ${missing.join(', ')}`);
      },
    }),
  );
  return problems;
}
