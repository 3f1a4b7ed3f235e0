import { z } from 'zod';
import { provenance } from '../provenance';
import { defineSection, type PackReference } from './definition';

/**
 * The thresholds sections. A partnership's section holds its threshold model of need: the
 * published versions of its threshold document, oldest first, each with its levels (lowest need
 * first), their indicators, and where each level sits on the regional scale (its placement, a
 * judgement someone reasoned, so almost always `inferred`). The regional section holds the scale
 * the placements point at. A version's end date is not a pack field: it follows from the next
 * version's start (the day before), a rule, so the platform derives it.
 */

const slug = (example: string) =>
  z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, `a slug: lowercase letters, digits and hyphens, e.g. "${example}"`)
    .describe(`A slug: lowercase letters, digits and hyphens, e.g. "${example}".`);

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD, e.g. 2019-06-01');

export const THRESHOLD_RESPONSES = [
  'UNIVERSAL_SERVICES',
  'SINGLE_AGENCY_EARLY_HELP',
  'MULTI_AGENCY_EARLY_HELP',
  'EARLY_HELP_ASSESSMENT',
  'TEAM_AROUND_THE_FAMILY',
  'TARGETED_SUPPORT',
  'CHILDRENS_SOCIAL_CARE',
  'SPECIALIST_SERVICES',
  'CHILD_IN_NEED',
  'CHILD_PROTECTION',
] as const;

export const MAPPING_CONFIDENCES = ['HIGH', 'MEDIUM', 'LOW'] as const;

const note = z.string().min(1).max(2000).describe('What is known about it and what is not, in words (shown as the API\'s "provenance" text).');

export const thresholdIndicatorSchema = z
  .strictObject({
    text: z.string().min(1).max(1000).describe('An example of need at this level, as a practitioner would recognise it.'),
    provenance,
  })
  .describe('An indicator of need: an example a practitioner would recognise.');

export const regionalPlacementSchema = z
  .strictObject({
    regionalLevels: z
      .array(slug('level-2'))
      .min(1)
      .max(2)
      .describe('The regional levels (ids from the regional pack) the level sits on: one, or two adjacent ones when it straddles them.'),
    rationale: z.string().min(1).max(2000).describe('Why the level sits there, in one or two sentences.'),
    confidence: z.enum(MAPPING_CONFIDENCES).describe('How sure the placement is: HIGH, MEDIUM or LOW.'),
    provenance,
  })
  .describe('Where the level sits on the regional scale (the crosswalk). A judgement: inferred from the passages it rests on.');

export const thresholdLevelSchema = z
  .strictObject({
    code: slug('vulnerable').describe('The level\'s code, unique within the version, e.g. "vulnerable"; its id is "<partnership>.<version>.<code>".'),
    rank: z.number().int().min(1).max(10).describe('1 is the lowest need; levels are given in rank order 1, 2, ... n.'),
    name: z.string().min(1).max(200).describe("The level's name, as the document gives it."),
    descriptor: z.string().min(1).max(2000).optional().describe("The document's own description of the level; left out when its words are not known."),
    responses: z.array(z.enum(THRESHOLD_RESPONSES)).describe('The help the level triggers.'),
    assessmentRequired: z
      .string()
      .min(1)
      .max(400)
      .optional()
      .describe("The assessment the level requires, in the document's words; left out when none is named."),
    ledBy: z.string().min(1).max(200).optional().describe('Who leads the response; left out when not stated.'),
    verified: z.boolean().describe("False when the level's name and content are assumed, not read from the partnership's document."),
    note,
    provenance,
    responsesProvenance: provenance
      .optional()
      .describe(
        'Where responses, assessmentRequired and ledBy come from when the document does not state them as such (usually inferred from the descriptor); left out when provenance covers them.',
      ),
    indicators: z.array(thresholdIndicatorSchema).max(50).describe('Examples of need at this level, in order.'),
    regionalPlacement: regionalPlacementSchema,
  })
  .describe('One level of need.');

export const frontDoorSchema = z
  .strictObject({
    name: z.string().min(1).max(200).describe('e.g. "Family Connect".'),
    kind: z.string().min(1).max(200).describe('e.g. "Multi-agency safeguarding hub (MASH)".'),
    servesChildren: z.boolean(),
    servesAdults: z.boolean(),
    description: z.string().min(1).max(2000),
    provenance,
  })
  .describe('The first point of contact the model routes concerns to.');

export const thresholdModelVersionSchema = z
  .strictObject({
    code: slug('2019').describe('The version\'s code, unique within the partnership, e.g. "2019"; its id is "<partnership>.<code>".'),
    title: z.string().min(1).max(400).describe("The threshold document's title, or a description of it when the title is not known."),
    documentVersion: z.string().min(1).max(40).optional().describe('The document\'s own version, e.g. "v2.5".'),
    approvedOn: isoDate.optional().describe('When the document was approved, YYYY-MM-DD; left out when not stated.'),
    startDate: isoDate
      .optional()
      .describe(
        "When the version comes into force, YYYY-MM-DD (Popolo's startDate). Only a partnership's first version may leave it out: it then counts as in force since records began. The previous version ends the day before.",
      ),
    startDateProvenance: provenance
      .optional()
      .describe(
        'Where startDate comes from when provenance does not state it (e.g. a month recorded as its first day: inferred); left out when provenance covers it.',
      ),
    verified: z.boolean().describe("False while the model's level names are not established from the document itself."),
    note,
    provenance,
    frontDoor: frontDoorSchema.optional(),
    levels: z.array(thresholdLevelSchema).min(1).max(10).describe('The levels of need, lowest first.'),
  })
  .describe('One published version of the threshold document: the levels of need in force from its start date until the next version starts.');

export const partnershipThresholdsSchema = z
  .strictObject({
    thresholdModelVersions: z
      .array(thresholdModelVersionSchema)
      .min(1)
      .describe(
        "The partnership's threshold model: its published versions, oldest first. A version with a new code is published when the pack is applied; a published version's content is the record and cannot change (its notes, provenance and regional placements can).",
      ),
  })
  .describe("A partnership's threshold model of need and where its levels sit on the regional scale.");

export const regionalLevelSchema = z
  .strictObject({
    id: slug('level-1').describe('The regional level\'s id, e.g. "level-1"; placements refer to it.'),
    rank: z.number().int().min(1).max(10).describe('1 is the least need; levels are given in rank order 1, 2, ... n.'),
    name: z.string().min(1).max(200),
    description: z.string().min(1).max(2000),
    note,
    provenance,
  })
  .describe('One level of the common West Midlands scale.');

export const regionalThresholdsSchema = z
  .strictObject({
    regionalLevels: z
      .array(regionalLevelSchema)
      .min(1)
      .max(10)
      .describe(
        "The common scale every partnership's levels are placed on, lowest need first. A level a partnership's placement uses cannot be removed. (The crosswalk's rule, one regional level or two adjacent ones, is the platform's, in services/thresholds/rules/regional-span.ts.)",
      ),
  })
  .describe('What the region shares for thresholds: the regional scale.');

export type PartnershipThresholds = z.infer<typeof partnershipThresholdsSchema>;
export type ThresholdModelVersionPack = z.infer<typeof thresholdModelVersionSchema>;
export type ThresholdLevelPack = z.infer<typeof thresholdLevelSchema>;
export type RegionalThresholds = z.infer<typeof regionalThresholdsSchema>;

/** The thresholds subgraph's section of a partnership pack. */
export const partnershipThresholdsSection = defineSection({
  subgraph: 'thresholds',
  scope: 'partnership',
  schema: partnershipThresholdsSchema,
  defines: (value, scope) =>
    value.thresholdModelVersions.flatMap((version, versionIndex): PackReference[] => [
      { kind: 'threshold-model', id: `${scope}.${version.code}`, path: ['thresholdModelVersions', versionIndex, 'code'] },
      ...version.levels.map((level, levelIndex): PackReference => ({
        kind: 'threshold-level',
        id: `${scope}.${version.code}.${level.code}`,
        path: ['thresholdModelVersions', versionIndex, 'levels', levelIndex, 'code'],
      })),
    ]),
  references: (value) =>
    value.thresholdModelVersions.flatMap((version, versionIndex) =>
      version.levels.flatMap((level, levelIndex) =>
        level.regionalPlacement.regionalLevels.map((id, index): PackReference => ({
          kind: 'threshold-level',
          id,
          path: ['thresholdModelVersions', versionIndex, 'levels', levelIndex, 'regionalPlacement', 'regionalLevels', index],
        })),
      ),
    ),
});

/** The thresholds subgraph's section of the regional pack: the regional scale. */
export const regionalThresholdsSection = defineSection({
  subgraph: 'thresholds',
  scope: 'regional',
  schema: regionalThresholdsSchema,
  defines: (value) =>
    value.regionalLevels.map((level, index): PackReference => ({ kind: 'threshold-level', id: level.id, path: ['regionalLevels', index, 'id'] })),
  references: () => [],
});
