import type { Resolvers } from '../generated/graphql';
import { modelInForce } from '../evaluators/model-in-force';

/** The thresholds section of the analysts' comparison: which model and levels each partnership uses. */
export const partnershipComparisonResolvers: Resolvers = {
  PartnershipComparison: {
    thresholds: async (comparison, _args, { loaders }) => {
      const models = await Promise.all(
        comparison.partnershipSlugs.map(async (slug) => ({ slug, model: modelInForce(await loaders.modelsByPartnership.load(slug), comparison.asOf) })),
      );
      const levels = await Promise.all(models.map(({ model }) => (model ? loaders.levelsByModel.load(model.id) : Promise.resolve([]))));
      const missing = (slug: string) => ({ partnershipSlug: slug, value: null, text: null, missingReason: `No threshold model in force on ${comparison.asOf} is recorded.`, source: null });
      return [
        {
          measure: 'Threshold model in force',
          unit: null,
          cells: models.map(({ slug, model }) =>
            model ? { partnershipSlug: slug, value: null, text: `${model.title}${model.documentVersion ? ` (${model.documentVersion.startsWith('v') ? '' : 'v'}${model.documentVersion})` : ''}`, missingReason: null, source: model.source } : missing(slug),
          ),
        },
        {
          measure: 'Threshold levels',
          unit: 'levels',
          cells: models.map(({ slug, model }, index) =>
            model
              ? {
                  partnershipSlug: slug,
                  value: levels[index]!.length,
                  text: `${levels[index]!.map((level) => level.name).join(' / ')}${model.verified ? '' : ' (level names unverified)'}`,
                  missingReason: null,
                  source: model.source,
                }
              : missing(slug),
          ),
        },
      ];
    },
  },
};
