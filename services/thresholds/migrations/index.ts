import { AddAuditReplaced1733500000000, CreateAuditTrail1733200000000 } from '@safeguarding/subgraph-runtime';
import { CreateThresholdModels1733000000000 } from './1733000000000-create-threshold-models';
import { ThresholdModelDrafts1734160000000 } from './1734160000000-threshold-model-drafts';
import { ValueProvenance1734900000000 } from './1734900000000-value-provenance';

/** Every migration, oldest first. Written by hand and reviewed; never generated at run time. */
export const migrations = [
  CreateThresholdModels1733000000000,
  CreateAuditTrail1733200000000,
  AddAuditReplaced1733500000000,
  ThresholdModelDrafts1734160000000,
  ValueProvenance1734900000000,
];
