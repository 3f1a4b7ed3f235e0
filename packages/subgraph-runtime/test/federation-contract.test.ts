import { parse } from 'graphql';
import { contractDefinitionsFor, contractResolvers } from '@safeguarding/federation-contract';
import { servedResolvers } from '../src/served-resolvers';
import type { SubgraphModule } from '../src/server';

const names = (sdl: string) => contractDefinitionsFor(parse(sdl)).map((definition) => definition.name.value);

describe('the federation contract', () => {
  it('serves the shared types a subgraph names, and the ones those name in turn', () => {
    expect(names('type PartnershipComparison @key(fields: "id") { id: ID! reviews: [ComparisonRow!] }')).toEqual([
      'ProvenanceKind',
      'SourceCitation',
      'ComparisonRow',
      'ComparisonCell',
    ]);
    expect(names('type Query { a: Int }')).toEqual([]);
  });

  it('refuses a subgraph that defines a shared type itself, naming the fragment', () => {
    expect(() => names('type SourceCitation @shareable { document: String! } type Query { s: SourceCitation }')).toThrow(
      /SourceCitation is defined by the federation contract \(packages\/federation-contract\/sdl\/source-citation\.graphql\)/,
    );
  });

  it('resolves an AgendaCandidates reference from its key, keeping what the gateway passed for @requires', () => {
    const own = parse('type AgendaCandidates @key(fields: "id") { id: ID! membership: [AgendaCandidate!] }');
    const resolver = contractResolvers(own).AgendaCandidates as { __resolveReference(reference: object): unknown };
    const id = '2670ca44-47bd-4bf7-b20d-d49a5909fb43|2026-01-01|2026-03-01|shropshire,telford-and-wrekin';
    expect(resolver.__resolveReference({ __typename: 'AgendaCandidates', id, bodyQuorumRules: [] })).toEqual({
      id,
      meetingId: '2670ca44-47bd-4bf7-b20d-d49a5909fb43',
      since: '2026-01-01',
      until: '2026-03-01',
      partnershipSlugs: ['shropshire', 'telford-and-wrekin'],
      bodyQuorumRules: [],
    });
    expect(() => resolver.__resolveReference({ id: 'nonsense' })).toThrow('"nonsense" is not an agenda-candidates id');
  });

  it('stops a subgraph that still resolves a contract reference itself', () => {
    const module = {
      name: 'things',
      databaseSchema: 'things',
      typeDefs: parse('type Query { a: Int } type PartnershipComparison @key(fields: "id") { id: ID! things: [ComparisonRow!] }'),
      resolvers: { PartnershipComparison: { __resolveReference: () => null } },
    } as unknown as SubgraphModule<unknown>;
    expect(() => servedResolvers(module, { subgraph: 'things', schema: 'things', dataSource: undefined as never, logger: undefined as never })).toThrow(
      /PartnershipComparison.__resolveReference has a resolver in both "services\/things\/resolvers" and "@safeguarding\/federation-contract"/,
    );
  });
});
