import { hasRole } from '@safeguarding/auth';
import { badUserInput, conflict, multiLineText, notFound, notPermitted } from '@safeguarding/subgraph-runtime';
import { CrosswalkMappingEntity } from '../entities';
import { checkRegionalSpan } from '../evaluators/regional-span';
import type { Resolvers } from '../generated/graphql';
import { allRegionalLevels } from './regional-levels';

export const mutationResolvers: Resolvers = {
  Mutation: {
    updateCrosswalkMapping: async (_root, { levelId, expectedVersion, input }, context) => {
      const { caller, dataSource, loaders } = context;
      // The shield already demands the role; checked again here so the rule lives with the write.
      if (!hasRole(caller, 'regional-admin')) throw notPermitted(caller, 'Only a regional administrator may change the regional crosswalk.');
      const mapping = levelId.length > 200 ? null : await loaders.mappingByLevel.load(levelId);
      if (!mapping) {
        throw notFound(`No crosswalk mapping for the level "${levelId.slice(0, 80)}"; query thresholdModels { levels { id } } for the level ids.`);
      }
      const span = checkRegionalSpan(input.regionalLevelIds, await allRegionalLevels(context));
      if (!span.ok) throw badUserInput(span.problem, 'input.regionalLevelIds');
      const rationale = multiLineText(input.rationale, 'input.rationale', 2000, { refuseIdentifiers: true });
      // Optimistic lock: the update applies only to the version the caller read.
      const result = await dataSource
        .createQueryBuilder()
        .update(CrosswalkMappingEntity)
        .set({ regionalLevelIds: span.regionalLevelIds, rationale, confidence: input.confidence, editedBy: caller.subject, editedAt: () => 'now()', version: () => 'version + 1' })
        .where('level_id = :levelId AND version = :expectedVersion', { levelId, expectedVersion })
        .execute();
      if (result.affected !== 1) {
        throw conflict(`The mapping for "${levelId}" was changed by someone else since version ${expectedVersion}; read it again and reapply your edit.`);
      }
      return dataSource.getRepository(CrosswalkMappingEntity).findOneByOrFail({ levelId });
    },
  },
};
