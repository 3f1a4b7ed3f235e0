import { DateScalar } from '@safeguarding/subgraph-runtime';
import type { Resolvers } from '../generated/graphql';
import { comparisonResolvers } from './comparison';
import { modelResolvers } from './models';
import { mutationResolvers } from './mutation';
import { partnershipComparisonResolvers } from './partnership-comparison';
import { queryResolvers } from './query';

export const resolvers: Resolvers = {
  Date: DateScalar,
  Query: { ...queryResolvers.Query, ...comparisonResolvers.Query },
  ...mutationResolvers,
  ...modelResolvers,
  ThresholdComparisonEntry: comparisonResolvers.ThresholdComparisonEntry,
  LevelTranslation: comparisonResolvers.LevelTranslation,
  EquivalentLevel: comparisonResolvers.EquivalentLevel,
  PartnershipComparison: partnershipComparisonResolvers.PartnershipComparison,
};
