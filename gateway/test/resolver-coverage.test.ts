/**
 * The resolver map is merged from files (mergeResolvers), so a type or field left out is not
 * caught by a spread order: this fails when a subgraph serves a field that takes arguments, or an
 * entity whose fields it resolves, without a resolver for it in its merged map (its resolvers/,
 * the federation contract's, the audit trail's).
 */
import { missingResolvers } from '@safeguarding/subgraph-runtime';
import { loadSubgraphModule } from '@safeguarding/testkit';
import { presentSubgraphs } from '../src/compose';

describe('the resolver map', () => {
  it.each(presentSubgraphs().map(({ name }) => [name]))('of %s resolves every field with arguments and every entity reference it serves', (name) => {
    expect(missingResolvers(loadSubgraphModule(name))).toEqual([]);
  });
});
