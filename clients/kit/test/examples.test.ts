/**
 * Every example a front-end developer copies selects what Apollo Client's cache needs to know each
 * object by (issue 18: README queries without `id` made the cache warn and lose data), and is a
 * valid operation of the API schema. No federation needed: the check reads the schema.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse, validate } from 'graphql';
import {
  apiSchema,
  explorerDefaultQuery,
  graphqlBlocks,
  missingIdentities,
  operationFiles,
  operationsOf,
  REPOSITORY,
  typedDocumentCalls,
  type Example,
} from './examples';

const schema = apiSchema();

const subgraphReadmes = fs
  .readdirSync(path.join(REPOSITORY, 'services'))
  .map((name) => path.join('services', name, 'README.md'))
  .filter((file) => fs.existsSync(path.join(REPOSITORY, file)));

const examples: Example[] = [
  ...['README.md', 'gateway/README.md', ...subgraphReadmes].flatMap((file) => graphqlBlocks(file).flatMap(operationsOf)),
  ...typedDocumentCalls('README.md'),
  explorerDefaultQuery(),
  ...operationFiles('gateway/operations').flatMap(operationsOf),
  ...operationFiles('clients/kit/operations').flatMap(operationsOf),
];

describe('the examples front-end developers copy', () => {
  it('are all found: every ```graphql block of the READMEs, the explorer, the persisted operations', () => {
    const fences = ['README.md', 'gateway/README.md', ...subgraphReadmes]
      .map((file) => (fs.readFileSync(path.join(REPOSITORY, file), 'utf8').match(/^```graphql$/gm) ?? []).length)
      .reduce((sum, count) => sum + count, 0);
    expect(fences).toBeGreaterThanOrEqual(7);
    const blocks = ['README.md', 'gateway/README.md', ...subgraphReadmes].flatMap((file) => graphqlBlocks(file));
    expect(blocks).toHaveLength(fences);
    expect(operationFiles('gateway/operations').length).toBeGreaterThan(0);
    // The client kit's example in README.md, "Building a front end".
    expect(typedDocumentCalls('README.md')).toHaveLength(2);
  });

  it.each(examples.map((example) => [example.where, example] as const))('%s is valid against the API schema', (_where, example) => {
    // A placeholder the reader replaces ("<a session id>") is still a valid string.
    expect(validate(schema, parse(example.text)).map((error) => error.message)).toEqual([]);
  });

  it.each(examples.map((example) => [example.where, example] as const))('%s selects id wherever an object has one', (_where, example) => {
    expect(missingIdentities(schema, parse(example.text))).toEqual([]);
  });

  it('finds what a README example without ids misses (the check itself)', () => {
    const before = `{ partnership(slug: "telford-and-wrekin") { name bodies { name } structureChart { content } } learningCoverage(partnershipSlug: "shropshire") { id gaps { name } } }`;
    expect(missingIdentities(schema, parse(before))).toEqual([
      'partnership (Partnership) selects no id',
      'partnership.bodies (Body) selects no id',
      'learningCoverage (LearningCoverage) selects no since',
      'learningCoverage.gaps (Theme) selects no id',
    ]);
  });
});
