import path from 'node:path';
import { loadTypeDefs, type SubgraphModule } from '@safeguarding/subgraph-runtime';
import { entities } from './entities';
import { createLoaders, type ArrangementsLoaders } from './loaders';
import { migrations } from './migrations';
import { permissions } from './permissions';
import { resolvers } from './resolvers';
import { seedArrangements } from './seed/load';

/** The arrangements subgraph: partnerships, their governance bodies and shared regional procedures. */
export const arrangementsSubgraph: SubgraphModule<ArrangementsLoaders> = {
  name: 'arrangements',
  databaseSchema: 'arrangements',
  typeDefs: loadTypeDefs(path.join(__dirname, __dirname.endsWith('dist') ? '..' : '.', 'schema')),
  resolvers: resolvers as SubgraphModule<ArrangementsLoaders>['resolvers'],
  permissions,
  entities,
  migrations,
  createLoaders,
  seed: seedArrangements,
};

export default arrangementsSubgraph;
