/**
 * createPermissions: deny by default, rules where declared, and no wrapper at all on fields that
 * are plainly allowed (the wrapper cost subgraph CPU on every field of a big answer).
 */
import { buildSubgraphSchema } from '@apollo/subgraph';
import { defaultFieldResolver, graphql, parse, type GraphQLObjectType, type GraphQLSchema } from 'graphql';
import { applyMiddleware } from 'graphql-middleware';
import { accessInventory, renderAccessInventory } from '../src/access-inventory';
import { allow, createPermissions, describeRule, effectiveRule, hasAnyRole, deny, notPermitted, readableByEveryone, rule } from '../src/permissions';

// A subgraph schema with an entity, as every real one has (federation's _entities needs one).
const typeDefs = parse(`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
  type Query { publicThing: Thing, adminThing: Thing, unlisted: Thing }
  type Thing @key(fields: "name") { name: String, secret: String, note: String }
`);
const thing = { name: 'Board', secret: 'minutes', note: 'n' };
const resolvers = { Query: { publicThing: () => thing, adminThing: () => thing, unlisted: () => thing }, Thing: { __resolveReference: () => thing } };
const admin = hasAnyRole('partnership-admin');
const rules = {
  Query: { publicThing: allow, adminThing: admin },
  Thing: { '*': allow, secret: admin },
};

function build(): GraphQLSchema {
  return applyMiddleware(buildSubgraphSchema({ typeDefs, resolvers }), createPermissions(rules));
}
const asCaller = (roles: string[]) => ({
  caller: { subject: 'someone', grants: roles.map((role) => ({ role, partnershipSlug: 'shropshire' })) },
});
const anonymous = { caller: { subject: 'anonymous', grants: [] } };

describe('createPermissions', () => {
  it('finds the rule shield applies to each field', () => {
    expect(effectiveRule(rules, 'Query', 'publicThing')).toBe(allow);
    expect(effectiveRule(rules, 'Query', 'adminThing')).toBe(admin);
    expect(effectiveRule(rules, 'Query', 'unlisted')).toBe(deny);
    expect(effectiveRule(rules, 'Thing', 'name')).toBe(allow);
    expect(effectiveRule(rules, 'Thing', 'secret')).toBe(admin);
    expect(effectiveRule(rules, 'Nowhere', 'field')).toBe(deny);
    expect(effectiveRule({ Thing: admin }, 'Thing', 'name')).toBe(admin);
  });

  it('leaves plainly allowed fields unwrapped and wraps the rest', () => {
    const schema = build();
    const thingType = schema.getType('Thing') as GraphQLObjectType;
    const queryType = schema.getQueryType()!;
    expect(thingType.getFields().name!.resolve ?? defaultFieldResolver).toBe(defaultFieldResolver);
    expect(thingType.getFields().note!.resolve ?? defaultFieldResolver).toBe(defaultFieldResolver);
    expect(thingType.getFields().secret!.resolve).not.toBe(defaultFieldResolver);
    expect(queryType.getFields().publicThing!.resolve).toBe(resolvers.Query.publicThing);
    expect(queryType.getFields().adminThing!.resolve).not.toBe(resolvers.Query.adminThing);
    expect(queryType.getFields().unlisted!.resolve).not.toBe(resolvers.Query.unlisted);
  });

  it('leaves fields named by readableByEveryone unwrapped too (per-field rules cost nothing at read time)', () => {
    const perField = { Query: { publicThing: allow }, Thing: { ...readableByEveryone('name', 'note'), secret: admin } };
    const schema = applyMiddleware(buildSubgraphSchema({ typeDefs, resolvers }), createPermissions(perField));
    const thingType = schema.getType('Thing') as GraphQLObjectType;
    expect(thingType.getFields().name!.resolve ?? defaultFieldResolver).toBe(defaultFieldResolver);
    expect(thingType.getFields().note!.resolve ?? defaultFieldResolver).toBe(defaultFieldResolver);
    expect(thingType.getFields().secret!.resolve).not.toBe(defaultFieldResolver);
    expect(schema.getQueryType()!.getFields().publicThing!.resolve).toBe(resolvers.Query.publicThing);
  });

  it('still denies unlisted fields and fields whose rule says no, with FORBIDDEN to a signed-in caller', async () => {
    const schema = build();
    const signedIn = await graphql({ schema, source: '{ publicThing { name secret } unlisted { name } adminThing { name } }', contextValue: asCaller([]) });
    expect(signedIn.data).toEqual({ publicThing: { name: 'Board', secret: null }, unlisted: null, adminThing: null });
    expect(signedIn.errors!.map((error) => [error.path!.join('.'), error.extensions.code])).toEqual(
      expect.arrayContaining([
        ['publicThing.secret', 'FORBIDDEN'],
        ['unlisted', 'FORBIDDEN'],
        ['adminThing', 'FORBIDDEN'],
      ]),
    );
    const administrator = await graphql({ schema, source: '{ adminThing { name secret } unlisted { name } }', contextValue: asCaller(['partnership-admin']) });
    expect(administrator.data).toEqual({ adminThing: { name: 'Board', secret: 'minutes' }, unlisted: null });
  });

  it('tells an anonymous caller to sign in (UNAUTHENTICATED) where a role would help, and FORBIDDEN where nobody may', async () => {
    const schema = build();
    const answer = await graphql({ schema, source: '{ publicThing { name secret } unlisted { name } adminThing { name } }', contextValue: anonymous });
    expect(answer.data).toEqual({ publicThing: { name: 'Board', secret: null }, unlisted: null, adminThing: null });
    const byPath = Object.fromEntries(answer.errors!.map((error) => [error.path!.join('.'), error]));
    expect(byPath['publicThing.secret']!.extensions.code).toBe('UNAUTHENTICATED');
    expect(byPath['adminThing']!.extensions.code).toBe('UNAUTHENTICATED');
    expect(byPath['adminThing']!.message).toContain('Authorization: Bearer <token>');
    expect(byPath['unlisted']!.extensions.code).toBe('FORBIDDEN');
  });

  it("splits resolvers' scope refusals the same way", () => {
    const anonymousRefusal = notPermitted(anonymous.caller, 'Only a partnership-admin of shropshire may change it.');
    expect(anonymousRefusal.extensions.code).toBe('UNAUTHENTICATED');
    expect(anonymousRefusal.message).toMatch(
      /^Only a partnership-admin of shropshire may change it\. You are not signed in: send your token in the header "Authorization: Bearer <token>"/,
    );
    expect(notPermitted(asCaller([]).caller as never, 'Only a partnership-admin of shropshire may change it.').extensions.code).toBe('FORBIDDEN');
    expect(notPermitted(asCaller(['member']).caller as never, 'Only a partnership-admin of shropshire may change it.').extensions.code).toBe('FORBIDDEN');
  });
});

describe('the access inventory', () => {
  const source = (permissions: Record<string, unknown>) => ({ name: 'things', typeDefs, permissions: permissions as never });

  it('lists every field with what each kind of caller may read, from the rules themselves', () => {
    const inventory = accessInventory(source(rules));
    // Thing has a wildcard, so it is reported; the fields it names are still listed.
    expect(inventory.problems).toEqual([
      'Query.unlisted has no rule in services/things/permissions.ts, so it is denied to everyone; classify it (readableByEveryone, hasAnyRole, or a described rule).',
      "Thing has a wildcard ('*') rule in services/things/permissions.ts; name a rule for each field instead (readableByEveryone(...) for the public ones).",
      'Thing.name has no rule in services/things/permissions.ts, so it is denied to everyone; classify it (readableByEveryone, hasAnyRole, or a described rule).',
      'Thing.note has no rule in services/things/permissions.ts, so it is denied to everyone; classify it (readableByEveryone, hasAnyRole, or a described rule).',
    ]);
    expect(inventory.entries.find((entry) => entry.field === 'secret')).toEqual({
      type: 'Thing',
      field: 'secret',
      who: 'role partnership-admin',
      reach: { anonymous: 'no', analyst: 'no', member: 'no', 'partnership-admin': 'scoped', 'forum-secretariat': 'no', 'regional-admin': 'no' },
    });
  });

  it('passes when every field is classified, and renders fields with the same rule on one row', () => {
    const reviewer = describeRule(
      rule('things:reviewer')(() => true),
      { who: 'analysts', yes: ['analyst'] },
    );
    const classified = {
      Query: { publicThing: allow, adminThing: admin, unlisted: deny },
      Thing: { ...readableByEveryone('name', 'note'), secret: reviewer },
    };
    const inventory = accessInventory(source(classified), { Thing: 'filtered by the resolver' });
    expect(inventory.problems).toEqual([]);
    const markdown = renderAccessInventory([inventory]);
    expect(markdown).toContain('| type | fields | anonymous | analyst | member | partnership-admin | forum-secretariat | regional-admin | who |');
    expect(markdown).toContain('| Thing | `name`, `note` | yes | yes | yes | yes | yes | yes | everyone |');
    expect(markdown).toContain('| Thing | `secret` | – | yes | – | – | – | – | analysts |');
    expect(markdown).toContain('| Query | `unlisted` | – | – | – | – | – | – | nobody |');
    expect(markdown).toContain('- **Thing**: filtered by the resolver');
  });

  it('reports rules without a summary and rules for fields the subgraph does not serve', () => {
    const undescribed = rule('things:undescribed')(() => true);
    const inventory = accessInventory(
      source({
        Query: { publicThing: allow, adminThing: undescribed, unlisted: allow, gone: allow },
        Thing: readableByEveryone('name', 'note', 'secret'),
        Ghost: readableByEveryone('id'),
      }),
    );
    expect(inventory.problems).toEqual([
      "Query.adminThing's rule in services/things/permissions.ts has no inventory summary; wrap it in describeRule(rule, { who, yes, scoped }).",
      'services/things/permissions.ts has a rule for Query.gone, which the things subgraph does not serve; remove it.',
      'services/things/permissions.ts has rules for Ghost, which the things subgraph does not serve; remove them.',
    ]);
  });
});
