/**
 * The breaking-change check: today's supergraph against the last released API schema
 * (gateway/released/api-schema.graphql), with CHANGELOG.md listing every breaking change.
 */
import fs from 'node:fs';
import { buildSchema } from 'graphql';
import { apiSchemaOf, checkRepository, checkSchemaChanges, explainUnlisted, unreleasedSection } from '../src/schema-changes';
import { SUPERGRAPH_FILE } from '../src/compose';

const released = buildSchema(`
  type Query { body(id: ID!): Body partnerships: [String!] }
  type Body { id: ID! name: String! purpose: String }
`);
const changelogListing = (line: string) => `# Changelog\n\n## Unreleased\n\n${line}\n\n## 0.1.0 (2026-12-02)\n\n- \`Body.name\`: old. Migration: old.\n`;

describe('the breaking-change check', () => {
  it('passes the repository: every breaking change since the last release is in CHANGELOG.md', async () => {
    const check = await checkRepository();
    expect(explainUnlisted(check)).toBe('');
  });

  it('compares the API schema a client sees, without the federation internals', () => {
    const api = apiSchemaOf(fs.readFileSync(SUPERGRAPH_FILE, 'utf8'));
    expect(api).toContain('type Partnership');
    expect(api).not.toContain('join__');
    expect(api).not.toContain('link__');
  });

  it('fails on a removed field that the CHANGELOG does not list, naming it and saying what to do', async () => {
    const current = buildSchema('type Query { body(id: ID!): Body partnerships: [String!] } type Body { id: ID! name: String! }');
    const check = await checkSchemaChanges(released, current, changelogListing(''));
    expect(check.breaking).toEqual([{ path: 'Body.purpose', message: expect.stringContaining('purpose') as string, listed: false }]);
    expect(explainUnlisted(check)).toMatch(/Body\.purpose[\s\S]*CHANGELOG\.md as: - `<path>`/);
  });

  it('accepts the change once it is listed under Unreleased with a migration note, and only then', async () => {
    const current = buildSchema('type Query { body(id: ID!): Body partnerships: [String!] } type Body { id: ID! name: String! }');
    const listed = await checkSchemaChanges(released, current, changelogListing('- `Body.purpose`: removed. Migration: read description instead.'));
    expect(explainUnlisted(listed)).toBe('');
    const withoutNote = await checkSchemaChanges(released, current, changelogListing('- `Body.purpose`: removed.'));
    expect(explainUnlisted(withoutNote)).toContain('Body.purpose');
    // Listed only under an earlier release: that release is out, so it does not count.
    const underOldRelease = await checkSchemaChanges(released, current, changelogListing('').replace('`Body.name`', '`Body.purpose`'));
    expect(explainUnlisted(underOldRelease)).toContain('Body.purpose');
  });

  it('treats a required argument added to a field as breaking, and new fields and types as safe', async () => {
    const requiredArgument = buildSchema(
      'type Query { body(id: ID!, asOf: String!): Body partnerships: [String!] } type Body { id: ID! name: String! purpose: String }',
    );
    expect((await checkSchemaChanges(released, requiredArgument, changelogListing(''))).breaking.map((change) => change.path)).toEqual(['Query.body.asOf']);
    const additions = buildSchema(
      'type Query { body(id: ID!, asOf: String): Body partnerships: [String!] meeting: Meeting } type Body { id: ID! name: String! purpose: String kind: String } type Meeting { id: ID! }',
    );
    const check = await checkSchemaChanges(released, additions, changelogListing(''));
    expect(check.breaking).toEqual([]);
    expect(check.safe).toBeGreaterThanOrEqual(4);
  });

  it('reads only the Unreleased section of the CHANGELOG', () => {
    expect(unreleasedSection(changelogListing('- `A.b`: x. Migration: y.'))).toContain('- `A.b`: x. Migration: y.');
    expect(unreleasedSection('# Changelog\n\n## 1.0.0\n- `A.b`')).toEqual([]);
  });
});
