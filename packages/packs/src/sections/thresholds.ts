import { z } from 'zod';
import { defineSection } from './definition';

/** The thresholds subgraph's section of a partnership pack. (Being filled in: see the helper's brief.) */
export const partnershipThresholdsSection = defineSection({
  subgraph: 'thresholds',
  scope: 'partnership',
  schema: z.strictObject({}),
  defines: () => [],
  references: () => [],
});

/** The thresholds subgraph's section of the regional pack (what the region shares). (Being filled in.) */
export const regionalThresholdsSection = defineSection({
  subgraph: 'thresholds',
  scope: 'regional',
  schema: z.strictObject({}),
  defines: () => [],
  references: () => [],
});
