import { AddAuditReplaced1733500000000, CreateAuditTrail1733200000000 } from '@safeguarding/subgraph-runtime';
import { CreateOrganisationRegistry1732600000000 } from './1732600000000-create-organisation-registry';
import { CreateMemberships1732800000000 } from './1732800000000-create-memberships';
import { PartnershipIdColumns1733400000000 } from './1733400000000-partnership-id-columns';
import { DesignationTerms1734140000000 } from './1734140000000-designation-terms';
import { SeatVersion1734140000001 } from './1734140000001-seat-version';
import { AttendanceMeetingId1734140000002 } from './1734140000002-attendance-meeting-id';
import { SeatTermSource1765000000000 } from './1765000000000-seat-term-source';

/** Every migration, oldest first. Written by hand and reviewed; never generated at run time. */
export const migrations = [
  CreateOrganisationRegistry1732600000000,
  CreateMemberships1732800000000,
  CreateAuditTrail1733200000000,
  AddAuditReplaced1733500000000,
  PartnershipIdColumns1733400000000,
  DesignationTerms1734140000000,
  SeatVersion1734140000001,
  AttendanceMeetingId1734140000002,
  SeatTermSource1765000000000,
];
