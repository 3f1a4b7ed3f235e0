import path from 'node:path';
import { loadTypeDefs, type SubgraphModule } from '@safeguarding/subgraph-runtime';
import { entities } from './entities';
import { createLoaders, type MembershipLoaders } from './loaders';
import { migrations } from './migrations';
import { permissions } from './permissions';
import { resolvers } from './resolvers';
import { seedMembership } from './seed/load';

/** The membership subgraph: the organisation registry, posts, seats on bodies, designations, chairs and attendance. */
export const membershipSubgraph: SubgraphModule<MembershipLoaders> = {
  name: 'membership',
  databaseSchema: 'membership',
  typeDefs: loadTypeDefs(path.join(__dirname, __dirname.endsWith('dist') ? '..' : '.', 'schema')),
  resolvers: resolvers as SubgraphModule<MembershipLoaders>['resolvers'],
  permissions,
  entities,
  migrations,
  createLoaders,
  seed: seedMembership,
};

export default membershipSubgraph;
