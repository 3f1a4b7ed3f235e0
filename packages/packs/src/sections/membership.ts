import { z } from 'zod';
import { defineSection } from './definition';

/** The membership subgraph's section of a partnership pack. (Being filled in: see the helper's brief.) */
export const partnershipMembershipSection = defineSection({
  subgraph: 'membership',
  scope: 'partnership',
  schema: z.strictObject({}),
  defines: () => [],
  references: () => [],
});

/** The membership subgraph's section of the regional pack (what the region shares). (Being filled in.) */
export const regionalMembershipSection = defineSection({
  subgraph: 'membership',
  scope: 'regional',
  schema: z.strictObject({}),
  defines: () => [],
  references: () => [],
});
