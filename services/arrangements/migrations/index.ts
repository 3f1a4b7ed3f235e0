import { AddAuditReplaced1733500000000, CreateAuditTrail1733200000000 } from '@safeguarding/subgraph-runtime';
import { CreateArrangements1732600000000 } from './1732600000000-create-arrangements';
import { CreateMeetings1732700000000 } from './1732700000000-create-meetings';
import { CreateStrategicPlans1732800000000 } from './1732800000000-create-strategic-plans';
import { CreateAgendas1732900000000 } from './1732900000000-create-agendas';
import { BodiesSystemOfRecord1734100000000 } from './1734100000000-bodies-system-of-record';
import { PartnershipFactsHistory1734110000000 } from './1734110000000-partnership-facts-history';
import { MeetingExtraordinaryAndReschedules1734130000000 } from './1734130000000-meeting-extraordinary-and-reschedules';
import { CreateEscalationProcedures1734130000001 } from './1734130000001-create-escalation-procedures';
import { StrategicPlanEdits1734120000000 } from './1734120000000-strategic-plan-edits';
import { RegionalProcedureEdits1734120000001 } from './1734120000001-regional-procedure-edits';
import { PublishedBodyForMembershipSeed1734150000000 } from './1734150000000-published-body-for-membership-seed';
import { PartnershipPackFacts1734140000000 } from './1734140000000-partnership-pack-facts';

/** Every migration, oldest first. Written by hand and reviewed; never generated at run time. */
export const migrations = [
  CreateArrangements1732600000000,
  CreateMeetings1732700000000,
  CreateStrategicPlans1732800000000,
  CreateAgendas1732900000000,
  CreateAuditTrail1733200000000,
  AddAuditReplaced1733500000000,
  BodiesSystemOfRecord1734100000000,
  PartnershipFactsHistory1734110000000,
  MeetingExtraordinaryAndReschedules1734130000000,
  CreateEscalationProcedures1734130000001,
  StrategicPlanEdits1734120000000,
  RegionalProcedureEdits1734120000001,
  PartnershipPackFacts1734140000000,
  PublishedBodyForMembershipSeed1734150000000,
];
