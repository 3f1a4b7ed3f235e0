import path from 'node:path';
import { loadTypeDefs, type SubgraphModule } from '@safeguarding/subgraph-runtime';
import { entities } from './entities';
import { createLoaders, type TrainingLoaders } from './loaders';
import { migrations } from './migrations';
import { permissions } from './permissions';
import { resolvers } from './resolvers';
import { seedTraining } from './seed/load';

/** The training subgraph: the multi-agency training programme, who it reaches, and whether it follows the learning. */
export const trainingSubgraph: SubgraphModule<TrainingLoaders> = {
  name: 'training',
  databaseSchema: 'training',
  typeDefs: loadTypeDefs(path.join(__dirname, __dirname.endsWith('dist') ? '..' : '.', 'schema')),
  resolvers: resolvers as SubgraphModule<TrainingLoaders>['resolvers'],
  permissions,
  entities,
  migrations,
  createLoaders,
  seed: seedTraining,
};

export default trainingSubgraph;
