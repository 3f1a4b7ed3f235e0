import path from 'node:path';
import { loadTypeDefs, type SubgraphModule } from '@safeguarding/subgraph-runtime';
import { entities } from './entities';
import { createLoaders, type ThresholdsLoaders } from './loaders';
import { migrations } from './migrations';
import { permissions } from './permissions';
import { resolvers } from './resolvers';
import { seedThresholds } from './seed/load';

/**
 * The thresholds subgraph: each partnership's threshold model of need (levels, responses,
 * indicators), versioned, and the regional crosswalk that lines the models up on one West
 * Midlands scale.
 */
export const thresholdsSubgraph: SubgraphModule<ThresholdsLoaders> = {
  name: 'thresholds',
  databaseSchema: 'thresholds',
  typeDefs: loadTypeDefs(path.join(__dirname, __dirname.endsWith('dist') ? '..' : '.', 'schema')),
  resolvers: resolvers as SubgraphModule<ThresholdsLoaders>['resolvers'],
  permissions,
  entities,
  migrations,
  createLoaders,
  seed: seedThresholds,
};

export default thresholdsSubgraph;
