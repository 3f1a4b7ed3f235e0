import { z } from 'zod';
import { defineSection } from './definition';

/** The reviews subgraph's section of a partnership pack. (Being filled in: see the helper's brief.) */
export const partnershipReviewsSection = defineSection({
  subgraph: 'reviews',
  scope: 'partnership',
  schema: z.strictObject({}),
  defines: () => [],
  references: () => [],
});

/** The reviews subgraph's section of the regional pack (kinds of review and their default clocks). (Being filled in.) */
export const regionalReviewsSection = defineSection({
  subgraph: 'reviews',
  scope: 'regional',
  schema: z.strictObject({}),
  defines: () => [],
  references: () => [],
});
