import { notPermitted } from '@safeguarding/subgraph-runtime';
import { learningCoverageDenied, mayAct } from '../access';
import type { Resolvers } from '../generated/graphql';
import { coverageOf, reviewThemesKnown } from '../operations/learning-coverage';

export const learningCoverageResolvers: Resolvers = {
  LearningCoverage: {
    // Reached only through the gateway after Query.learningCoverage, which checked the caller; checked again all the same.
    // The representation carries `partnership { reviewThemeIds }`, fetched from reviews by the gateway (@requires).
    __resolveReference: (reference, { caller }) => {
      if (!mayAct(caller, 'readLearningCoverage', [reference.id])) throw notPermitted(caller, learningCoverageDenied(reference.id));
      return reference;
    },
    partnership: (coverage) => ({ id: coverage.id }),
    // Without the review themes (reviews was down, so the gateway sent none) the coverage is
    // unknown, not empty: null, beside the gateway's error at partnership.reviewThemeIds.
    themes: async (coverage, _args, { loaders }) => (reviewThemesKnown(coverage) ? (await coverageOf(coverage, loaders)).themes : null),
    gaps: async (coverage, _args, { loaders }) =>
      reviewThemesKnown(coverage) ? (await coverageOf(coverage, loaders)).gapThemeIds.map((id) => ({ id })) : null,
  },
};
