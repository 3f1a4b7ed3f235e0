import { AddAuditReplaced1733500000000, CreateAuditTrail1733200000000 } from '@safeguarding/subgraph-runtime';
import { CreateReviews1732700000000 } from './1732700000000-create-reviews';
import { ReviewPartnershipNotified1733100000000 } from './1733100000000-review-partnership-notified';
import { ReviewRowLevelSecurity1733300000000 } from './1733300000000-review-row-level-security';

/** Every migration, oldest first. Written by hand and reviewed; never generated at run time. */
export const migrations = [
  CreateReviews1732700000000,
  ReviewPartnershipNotified1733100000000,
  CreateAuditTrail1733200000000,
  AddAuditReplaced1733500000000,
  ReviewRowLevelSecurity1733300000000,
];
