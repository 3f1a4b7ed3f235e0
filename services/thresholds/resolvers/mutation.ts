import type { Resolvers } from '../generated/graphql';
import { updateCrosswalkMapping } from '../operations/crosswalk';
import { applyThresholdsPackSection } from '../operations/pack';
import { discardThresholdModelDraft, draftThresholdModelVersion, publishThresholdModelVersion, updateThresholdModelDraft } from '../operations/model-versions';
import { slugArgument } from '@safeguarding/subgraph-runtime';

/**
 * The shield demands a role that could qualify somewhere (permissions.ts); each operation then
 * checks the caller's right over the record itself (its partnership, published or draft), so the
 * rule lives with the write.
 */
export const mutationResolvers: Resolvers = {
  Mutation: {
    updateCrosswalkMapping: (_root, { levelId, expectedVersion, input }, context) =>
      updateCrosswalkMapping(context.caller, { levelId, expectedVersion, ...input }, context),
    draftThresholdModelVersion: (_root, { partnershipSlug, input }, context) =>
      draftThresholdModelVersion(context.caller, slugArgument(partnershipSlug, 'partnershipSlug'), input, context),
    updateThresholdModelDraft: (_root, { id, expectedVersion, input }, context) =>
      updateThresholdModelDraft(context.caller, { id, expectedVersion, changes: input }, context),
    discardThresholdModelDraft: (_root, { id, expectedVersion }, context) => discardThresholdModelDraft(context.caller, { id, expectedVersion }, context),
    publishThresholdModelVersion: (_root, { id, expectedVersion }, context) => publishThresholdModelVersion(context.caller, { id, expectedVersion }, context),
    applyThresholdsPackSection: (_root, { scope, text, dryRun }, context) => applyThresholdsPackSection(context, { scope, text, dryRun }),
  },
};
