import { z } from 'zod';
import { defineSection } from './definition';

/** The arrangements subgraph's section of a partnership pack. (Being filled in: see the helper's brief.) */
export const partnershipArrangementsSection = defineSection({
  subgraph: 'arrangements',
  scope: 'partnership',
  schema: z.strictObject({}),
  defines: () => [],
  references: () => [],
});

/** The arrangements subgraph's section of the regional pack (what the region shares). (Being filled in.) */
export const regionalArrangementsSection = defineSection({
  subgraph: 'arrangements',
  scope: 'regional',
  schema: z.strictObject({}),
  defines: () => [],
  references: () => [],
});
