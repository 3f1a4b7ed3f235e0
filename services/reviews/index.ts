import path from 'node:path';
import { loadTypeDefs, type SubgraphModule } from '@safeguarding/subgraph-runtime';
import { entities } from './entities';
import { createLoaders, type ReviewsLoaders } from './loaders';
import { migrations } from './migrations';
import { permissions } from './permissions';
import { resolvers } from './resolvers';
import { seedReviews } from './seed/load';

/**
 * The reviews subgraph: case reviews and audits against their statutory clocks, their themes and
 * learning points (the shared Theme vocabulary is owned here), action plans and learning briefings.
 */
export const reviewsSubgraph: SubgraphModule<ReviewsLoaders> = {
  name: 'reviews',
  databaseSchema: 'reviews',
  typeDefs: loadTypeDefs(path.join(__dirname, __dirname.endsWith('dist') ? '..' : '.', 'schema')),
  resolvers: resolvers as SubgraphModule<ReviewsLoaders>['resolvers'],
  permissions,
  entities,
  migrations,
  createLoaders,
  seed: seedReviews,
};

export default reviewsSubgraph;
