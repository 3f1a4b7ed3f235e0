import { CreateAuditTrail1733200000000 } from '@safeguarding/subgraph-runtime';
import { CreateArrangements1732600000000 } from './1732600000000-create-arrangements';
import { CreateMeetings1732700000000 } from './1732700000000-create-meetings';
import { CreateStrategicPlans1732800000000 } from './1732800000000-create-strategic-plans';
import { CreateAgendas1732900000000 } from './1732900000000-create-agendas';
import { StrategicPlanEdits1734120000000 } from './1734120000000-strategic-plan-edits';
import { RegionalProcedureEdits1734120000001 } from './1734120000001-regional-procedure-edits';

/** Every migration, oldest first. Written by hand and reviewed; never generated at run time. */
export const migrations = [
  CreateArrangements1732600000000,
  CreateMeetings1732700000000,
  CreateStrategicPlans1732800000000,
  CreateAgendas1732900000000,
  CreateAuditTrail1733200000000,
  StrategicPlanEdits1734120000000,
  RegionalProcedureEdits1734120000001,
];
