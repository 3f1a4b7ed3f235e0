import { AddAuditReplaced1733500000000, CreateAuditTrail1733200000000 } from '@safeguarding/subgraph-runtime';
import { CreateTraining1732700000000 } from './1732700000000-create-training';
import { TrainingSystemOfRecord1734150000000 } from './1734150000000-training-system-of-record';
import { TrainingPacks1764600000000 } from './1764600000000-training-packs';

/** Every migration, oldest first. Written by hand and reviewed; never generated at run time. */
export const migrations = [
  CreateTraining1732700000000,
  CreateAuditTrail1733200000000,
  AddAuditReplaced1733500000000,
  TrainingSystemOfRecord1734150000000,
  TrainingPacks1764600000000,
];
