import { badUserInput, boundedText, slugArgument, todayInEngland } from '@safeguarding/subgraph-runtime';
import { canSeeModel } from '../access';
import type { Resolvers } from '../generated/graphql';
import { compareThresholds, translateLevel } from '../operations/crosswalk';
import { thresholdsPackSection } from '../operations/pack';
import { allRegionalLevels } from '../operations/regional-scale';
import { searchIndicators, thresholdModels } from '../operations/threshold-models';

/** Longest search text: a sentence or two; longer text is not a search. */
export const SEARCH_TEXT_MAXIMUM = 200;

export const queryResolvers: Resolvers = {
  Query: {
    thresholdModels: (_root, { partnershipSlug, asOf, allVersions }, context) => {
      const partnershipId = partnershipSlug == null ? null : slugArgument(partnershipSlug, 'partnershipSlug');
      return thresholdModels({ partnershipId, asOf: asOf ?? todayInEngland(), allVersions: allVersions === true }, context);
    },
    // A draft is answered as missing outside its partnership (access.ts).
    thresholdModel: async (_root, { id }, { caller, loaders }) => {
      const model = id.length > 128 ? null : await loaders.model.load(id);
      return model && canSeeModel(caller, model) ? model : null;
    },
    regionalLevels: (_root, _args, context) => allRegionalLevels(context),
    // The operation checks the caller's scope (a partnership-admin: their own partnership only).
    thresholdsPackSection: (_root, { scope }, context) => thresholdsPackSection(context, scope),
    compareThresholds: (_root, { partnershipSlugs, asOf }, context) => {
      if (partnershipSlugs.length === 0) throw badUserInput('Name at least one partnership, e.g. ["shropshire", "telford-and-wrekin"].', 'partnershipSlugs');
      if (partnershipSlugs.length > 20)
        throw badUserInput(`At most 20 partnerships can be compared at once; ${partnershipSlugs.length} were given.`, 'partnershipSlugs');
      const partnershipIds = partnershipSlugs.map((slug) => slugArgument(slug, 'partnershipSlugs'));
      if (new Set(partnershipIds).size !== partnershipIds.length)
        throw badUserInput('Each partnership may be named once in partnershipSlugs.', 'partnershipSlugs');
      return compareThresholds(partnershipIds, asOf ?? todayInEngland(), context);
    },
    translateLevel: (_root, { fromPartnership, level, toPartnership, asOf }, { loaders }) => {
      const fromPartnershipId = slugArgument(fromPartnership, 'fromPartnership');
      const toPartnershipId = slugArgument(toPartnership, 'toPartnership');
      if (fromPartnershipId === toPartnershipId)
        throw badUserInput('fromPartnership and toPartnership are the same; name the partnership the child is moving to.', 'toPartnership');
      if (level.trim().length === 0 || level.length > 200)
        throw badUserInput('level must be a level name or code of 1 to 200 characters, e.g. "Vulnerable".', 'level');
      return translateLevel({ fromPartnershipId, level, toPartnershipId, asOf: asOf ?? todayInEngland() }, loaders);
    },
    searchIndicators: (_root, { text, partnershipSlug, limit }, context) => {
      const searchText = boundedText(text, 'text', SEARCH_TEXT_MAXIMUM);
      const partnershipId = partnershipSlug == null ? null : slugArgument(partnershipSlug, 'partnershipSlug');
      const rows = limit ?? 20;
      if (rows < 1 || rows > 100) throw badUserInput(`limit must be between 1 and 100; ${rows} was given.`, 'limit');
      return searchIndicators({ text: searchText, partnershipId, limit: rows, today: todayInEngland() }, context);
    },
  },
};
