import { todayInEngland } from '@safeguarding/subgraph-runtime';
import type { Resolvers } from '../generated/graphql';
import { partnershipClocks } from '../operations/deadlines';
import { checkRange, partnershipReviews } from '../operations/review-list';
import { themeIdsOf } from '../operations/themes';
import { partnershipTimeliness } from '../operations/timeliness';

export const partnershipResolvers: Resolvers = {
  Partnership: {
    __resolveReference: (reference) => ({ id: reference.id }),
    reviews: (partnership, { filter, first, offset }, { caller, loaders }) => partnershipReviews(partnership.id, { filter, first, offset }, caller, loaders),
    // Counts over every review of the partnership, published or not: nothing individual is returned.
    reviewTimeliness: (partnership, { from, to, asOf }, { loaders }) => {
      checkRange(from, to, 'from', 'to');
      return partnershipTimeliness(partnership.id, from, to, asOf ?? todayInEngland(), loaders);
    },
    reviewClocks: (partnership, _args, { loaders }) => partnershipClocks(partnership.id, loaders),
    // Theme ids only (an aggregate): every review counts, published or not.
    reviewThemeIds: async (partnership, _args, { loaders }) => themeIdsOf(await loaders.reviewsByPartnership.load(partnership.id), loaders),
  },
};
