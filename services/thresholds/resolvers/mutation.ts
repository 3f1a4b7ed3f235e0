import { notPermitted } from '@safeguarding/subgraph-runtime';
import { mayAct } from '../access';
import type { Resolvers } from '../generated/graphql';
import { updateCrosswalkMapping } from '../operations/crosswalk';

export const mutationResolvers: Resolvers = {
  Mutation: {
    updateCrosswalkMapping: (_root, { levelId, expectedVersion, input }, context) => {
      // The shield already demands the role; checked again here so the rule lives with the write.
      if (!mayAct(context.caller, 'editCrosswalk')) throw notPermitted(context.caller, 'Only a regional administrator may change the regional crosswalk.');
      return updateCrosswalkMapping(context.caller, { levelId, expectedVersion, ...input }, context);
    },
  },
};
