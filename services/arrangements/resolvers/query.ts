import { slugArgument } from '@safeguarding/subgraph-runtime';
import { PartnershipEntity, RegionalProcedureEntity } from '../entities';
import type { Resolvers } from '../generated/graphql';

export const queryResolvers: Resolvers = {
  Query: {
    partnerships: (_root, _args, { dataSource }) => dataSource.getRepository(PartnershipEntity).find({ order: { name: 'ASC' } }),
    partnership: (_root, { slug }, { loaders }) => loaders.partnership.load(slugArgument(slug)),
    body: (_root, { id }, { loaders }) => (id.length > 200 ? null : loaders.body.load(id)),
    regionalProcedures: (_root, _args, { dataSource }) => dataSource.getRepository(RegionalProcedureEntity).find({ order: { title: 'ASC' } }),
  },
};

