import { z } from 'zod';
import { provenance } from '../provenance';
import { defineSection } from './definition';

/**
 * The reviews subgraph's sections. The regional pack names the kinds of case review and audit
 * (they are national: every partnership reviews under the same statutory kinds) and any default
 * clocks; a partnership's pack lists the clocks that partnership works to. A clock is stated only
 * where the partnership's own document states it; a clock assumed from another partnership's
 * document is inferred, and says from which passage and why.
 */

const reviewKindId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{1,63}$/, 'a review kind id is a lowercase slug such as "rapid-review"')
  .describe('A kind of review, by the id the regional pack gives it (reviewKinds[].id), e.g. "rapid-review".');

export const reviewKind = z
  .strictObject({
    id: reviewKindId.describe('A stable slug, never changed once reviews use it, e.g. "safeguarding-adult-review".'),
    name: z.string().min(3).max(120).describe('The name of the kind as the documents use it, e.g. "Rapid Review".'),
    category: z.enum(['CASE_REVIEW', 'AUDIT']).describe('CASE_REVIEW (e.g. a Rapid Review) or AUDIT (e.g. a Multi-Agency Case File Audit).'),
    concerns: z.enum(['CHILDREN', 'ADULTS', 'ALL']).describe('Whom the kind concerns; the themes a review may carry follow from it.'),
    codePrefix: z
      .enum(['Child', 'Adult', 'Family', 'Case', 'Audit'])
      .describe('How the codes of this kind begin ("Child H", "Audit C12"): reviews are named by code, never by a person.'),
    description: z.string().min(10).max(400).describe("What the kind is, in the platform's words for readers (a gloss, not a fact the documents state)."),
    provenance: provenance.describe('Where a document names this kind of review or audit.'),
  })
  .describe('A kind of case review or audit (a SKOS concept in a scheme of review kinds).');

const milestone = z
  .enum(['REVIEW_COMPLETION', 'ACTION_PLAN_COMPLETION', 'LEARNING_BRIEFING_PUBLICATION'])
  .describe(
    'What the clock times: REVIEW_COMPLETION runs from notification to sign-off; ACTION_PLAN_COMPLETION and LEARNING_BRIEFING_PUBLICATION run from sign-off (the platform starts each milestone from its own event).',
  );

const clockFields = {
  reviewKind: reviewKindId,
  milestone,
  length: z.number().int().min(1).max(520).describe('How long the clock runs, a whole number: 1 to 520 working days, or 1 to 36 months.'),
  unit: z.enum(['WORKING_DAYS', 'MONTHS']).describe('WORKING_DAYS (England & Wales bank holidays skipped) or calendar MONTHS.'),
};

export const reviewClock = z
  .strictObject({
    ...clockFields,
    provenance: provenance
      .optional()
      .describe(
        "Where the timescale comes from: stated where this partnership's own document states it; inferred (from which passage, and why it is assumed to apply) otherwise. Absent only for a clock a partnership-admin set through setReviewClock, which cites no document.",
      ),
  })
  .describe('A timescale the partnership works to for one milestone of one kind of review.');

export const defaultReviewClock = z
  .strictObject({ ...clockFields, provenance: provenance.describe('Where the default timescale comes from, and why it applies to every partnership.') })
  .describe('A clock every partnership runs unless its own pack (or setReviewClock) gives one for the same kind and milestone.');

export const partnershipReviewsSchema = z
  .strictObject({
    clocks: z
      .array(reviewClock)
      .describe('The clocks this partnership works to, by kind of review then milestone. A kind with no clock here has no due dates.'),
  })
  .describe("A partnership's reviews section: the clocks it works to. Its reviews themselves are synthetic history, generated, not kept in the pack.");

export const regionalReviewsSchema = z
  .strictObject({
    reviewKinds: z.array(reviewKind).min(1).describe('The kinds of case review and audit, in the order lists show them.'),
    defaultClocks: z
      .array(defaultReviewClock)
      .optional()
      .describe(
        "Clocks every partnership runs unless it has its own. None today: no source document states a timescale for the region, so each partnership's pack lists its own.",
      ),
  })
  .describe("The regional pack's reviews section: the kinds of review and audit every partnership uses, and any default clocks.");

export type ReviewKindValue = z.infer<typeof reviewKind>;
export type ReviewClockValue = z.infer<typeof reviewClock>;
export type DefaultReviewClockValue = z.infer<typeof defaultReviewClock>;
export type PartnershipReviewsSection = z.infer<typeof partnershipReviewsSchema>;
export type RegionalReviewsSection = z.infer<typeof regionalReviewsSchema>;

/** The reviews subgraph's section of a partnership pack: the clocks the partnership works to. */
export const partnershipReviewsSection = defineSection({
  subgraph: 'reviews',
  scope: 'partnership',
  schema: partnershipReviewsSchema,
  defines: () => [],
  // The regional pack (or the platform) must define every kind a clock names.
  references: (value) => value.clocks.map((clock, index) => ({ kind: 'review-kind' as const, id: clock.reviewKind, path: ['clocks', index, 'reviewKind'] })),
});

/** The reviews subgraph's section of the regional pack: kinds of review and audit, and default clocks. */
export const regionalReviewsSection = defineSection({
  subgraph: 'reviews',
  scope: 'regional',
  schema: regionalReviewsSchema,
  defines: (value) => value.reviewKinds.map((kind, index) => ({ kind: 'review-kind' as const, id: kind.id, path: ['reviewKinds', index, 'id'] })),
  references: (value) =>
    (value.defaultClocks ?? []).map((clock, index) => ({ kind: 'review-kind' as const, id: clock.reviewKind, path: ['defaultClocks', index, 'reviewKind'] })),
});
