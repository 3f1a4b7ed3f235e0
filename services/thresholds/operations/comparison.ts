import type { ComparisonKey } from '@safeguarding/federated-keys';
import type { SourceCitation } from '@safeguarding/packs';
import type { ThresholdsLoaders } from '../loaders';
import { modelInForce } from '../rules/model-in-force';

/** One row of the shared comparison table; field names are the public ComparisonRow/ComparisonCell ones. */
export interface ThresholdsComparisonRow {
  measure: string;
  unit: string | null;
  cells: { partnershipSlug: string; value: number | null; text: string | null; missingReason: string | null; source: SourceCitation | null }[];
}

/** The thresholds section of the analysts' comparison: which model and levels each partnership uses on `asOf`. */
export async function thresholdsComparisonRows(comparison: ComparisonKey, loaders: ThresholdsLoaders): Promise<ThresholdsComparisonRow[]> {
  const models = await Promise.all(
    comparison.partnershipSlugs.map(async (partnershipId) => ({
      partnershipId,
      model: modelInForce(await loaders.modelsByPartnership.load(partnershipId), comparison.asOf),
    })),
  );
  const levels = await Promise.all(models.map(({ model }) => (model ? loaders.levelsByModel.load(model.id) : Promise.resolve([]))));
  const missing = (partnershipId: string) => ({
    partnershipSlug: partnershipId,
    value: null,
    text: null,
    missingReason: `No threshold model in force on ${comparison.asOf} is recorded.`,
    source: null,
  });
  return [
    {
      measure: 'Threshold model in force',
      unit: null,
      cells: models.map(({ partnershipId, model }) =>
        model
          ? {
              partnershipSlug: partnershipId,
              value: null,
              text: `${model.title}${model.documentVersion ? ` (${model.documentVersion.startsWith('v') ? '' : 'v'}${model.documentVersion})` : ''}`,
              missingReason: null,
              source: model.source,
            }
          : missing(partnershipId),
      ),
    },
    {
      measure: 'Threshold levels',
      unit: 'levels',
      cells: models.map(({ partnershipId, model }, index) =>
        model
          ? {
              partnershipSlug: partnershipId,
              value: levels[index]!.length,
              text: `${levels[index]!.map((level) => level.name).join(' / ')}${model.verified ? '' : ' (level names unverified)'}`,
              missingReason: null,
              source: model.source,
            }
          : missing(partnershipId),
      ),
    },
  ];
}
