/**
 * createPermissions: deny by default, rules where declared, and no wrapper at all on fields that
 * are plainly allowed (the wrapper cost subgraph CPU on every field of a big answer).
 */
import { buildSubgraphSchema } from '@apollo/subgraph';
import { defaultFieldResolver, graphql, parse, type GraphQLObjectType, type GraphQLSchema } from 'graphql';
import { applyMiddleware } from 'graphql-middleware';
import { allow, createPermissions, effectiveRule, hasAnyRole, deny } from '../src/permissions';

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

  it('still denies unlisted fields and fields whose rule says no, with FORBIDDEN', async () => {
    const schema = build();
    const anonymous = await graphql({ schema, source: '{ publicThing { name secret } unlisted { name } adminThing { name } }', contextValue: asCaller([]) });
    expect(anonymous.data).toEqual({ publicThing: { name: 'Board', secret: null }, unlisted: null, adminThing: null });
    expect(anonymous.errors!.map((error) => [error.path!.join('.'), error.extensions.code])).toEqual(
      expect.arrayContaining([
        ['publicThing.secret', 'FORBIDDEN'],
        ['unlisted', 'FORBIDDEN'],
        ['adminThing', 'FORBIDDEN'],
      ]),
    );
    const administrator = await graphql({ schema, source: '{ adminThing { name secret } unlisted { name } }', contextValue: asCaller(['partnership-admin']) });
    expect(administrator.data).toEqual({ adminThing: { name: 'Board', secret: 'minutes' }, unlisted: null });
  });
});
