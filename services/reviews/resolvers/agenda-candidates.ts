import type { Resolvers } from '../generated/graphql';
import { reviewCandidates, reviewThemesByPartnership } from '../operations/agenda-candidates';

export const agendaCandidatesResolvers: Resolvers = {
  AgendaCandidates: {
    reviews: (key, _args, { caller, loaders }) => reviewCandidates(key, caller, loaders),
    // Theme ids only (an aggregate): every review counts, published or not, as for Partnership.reviewThemeIds.
    reviewThemesByPartnership: (key, _args, { loaders }) => reviewThemesByPartnership(key, loaders),
  },
};
