import { z } from 'zod';
import { defineSection } from './definition';

/** The training subgraph's section of a partnership pack. (Being filled in: see the helper's brief.) */
export const partnershipTrainingSection = defineSection({
  subgraph: 'training',
  scope: 'partnership',
  schema: z.strictObject({}),
  defines: () => [],
  references: () => [],
});
