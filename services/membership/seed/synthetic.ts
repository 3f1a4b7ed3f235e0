/**
 * Synthetic history, labelled so: the documents give the chair rules and meeting frequencies but
 * not who chaired each year or who came to each meeting. Enough is generated for the analysts'
 * questions ("is the rotation kept?", "was the last Executive quorate?") to have answers.
 *
 * Attendance is keyed by (body, meeting date): the dates are those arrangements' seed generates
 * for the two bodies' held meetings (services/arrangements/seed/meetings.ts, fixed seed); a test
 * checks they still match.
 */
import { synthetic, type SyntheticProvenance } from '@safeguarding/packs';
import type { AttendanceOutcome, AttendedAs } from '../entities';
import { SEED_GENERATOR } from '../operations/pack';

// The generator's name starts with SEED_GENERATOR: a pack never exports or ends these rows.
export const SYNTHETIC_CHAIRS: SyntheticProvenance = synthetic(
  `${SEED_GENERATOR} (services/membership/seed/synthetic.ts): chair history following the body's chair rule; not from any document`,
);
export const SYNTHETIC_ATTENDANCE: SyntheticProvenance = synthetic(
  `${SEED_GENERATOR} (services/membership/seed/synthetic.ts): attendance at the synthetic meetings; not from any document`,
);

export interface ChairHistorySeed {
  bodyId: string;
  role: 'CHAIR' | 'VICE_CHAIR';
  organisationId: string;
  postTitle: string;
  startDate: string;
  endDate: string;
}

const TW_COUNCIL_DIRECTOR = ['telford-and-wrekin-council', "Director of Children's Services and Director of Adult Social Services"] as const;
const TW_POLICE_COMMANDER = ['west-mercia-police', 'Telford & Wrekin Local Policing Area Commander'] as const;
const TW_CCG_CHIEF_OFFICER = ['shropshire-telford-and-wrekin-icb', 'Chief Officer, Telford & Wrekin CCG'] as const;

/** Telford & Wrekin Executive, financial years 2019-20 to 2026-27: Council, Police, ICB in turn; each vice-chair chairs the next year. */
const executiveRotation = [TW_COUNCIL_DIRECTOR, TW_POLICE_COMMANDER, TW_CCG_CHIEF_OFFICER];
const executiveChairs: ChairHistorySeed[] = Array.from({ length: 8 }, (_, index) => {
  const year = 2019 + index;
  const chair = executiveRotation[index % 3]!;
  const vice = executiveRotation[(index + 1) % 3]!;
  const term = { startDate: `${year}-04-01`, endDate: `${year + 1}-03-31` };
  return [
    { bodyId: 'telford-and-wrekin.executive', role: 'CHAIR' as const, organisationId: chair[0], postTitle: chair[1], ...term },
    { bodyId: 'telford-and-wrekin.executive', role: 'VICE_CHAIR' as const, organisationId: vice[0], postTitle: vice[1], ...term },
  ];
}).flat();

/** Children Review, Learning & Training Group: one-year terms from June, the vice then chairs. */
const RLT = 'telford-and-wrekin.childrens-review-learning-and-training-group';
const rltRotation = [
  ['shropshire-telford-and-wrekin-icb', 'Designated Nurse for Safeguarding Children, Telford & Wrekin CCG'],
  ['telford-and-wrekin-council', 'Assistant Director Children Safeguarding and Early Help'],
  ['west-mercia-police', 'Major Crime & Strategic PVP Unit'],
] as const;
const rltChairs: ChairHistorySeed[] = rltRotation.flatMap((chair, index) => {
  const vice = rltRotation[(index + 1) % 3]!;
  const term = { startDate: `${2024 + index}-06-01`, endDate: `${2025 + index}-05-31` };
  return [
    { bodyId: RLT, role: 'CHAIR' as const, organisationId: chair[0], postTitle: chair[1], ...term },
    { bodyId: RLT, role: 'VICE_CHAIR' as const, organisationId: vice[0], postTitle: vice[1], ...term },
  ];
});

export const chairHistory: ChairHistorySeed[] = [...executiveChairs, ...rltChairs];

/** A seat is named by its organisation and post title (null for an agency-only seat). */
export type SeatKey = readonly [organisationId: string, postTitle: string | null];

export interface AttendanceOverride {
  seat: SeatKey;
  outcome: AttendanceOutcome;
  attendedAs?: AttendedAs;
  apologyReason?: string;
  apologyReasonValid?: boolean;
}

export interface SyntheticMeetingAttendance {
  bodyId: string;
  meetingDate: string;
  /** Every expected seat attends in person unless overridden here. */
  overrides: AttendanceOverride[];
}

const EXECUTIVE = 'telford-and-wrekin.executive';
const SCP = 'shropshire.safeguarding-children-partnership';
const leave = (seat: SeatKey): AttendanceOverride => ({ seat, outcome: 'APOLOGIES', apologyReason: 'Annual leave', apologyReasonValid: true });
const CCG_CHIEF = ['shropshire-telford-and-wrekin-icb', 'Chief Officer, Telford & Wrekin CCG'] as const;
const CCG_DEPUTY = ['shropshire-telford-and-wrekin-icb', 'Deputy Chief Officer, Telford & Wrekin CCG'] as const;
const TW_COMMANDER = ['west-mercia-police', 'Telford & Wrekin Local Policing Area Commander'] as const;
const TW_SUPERINTENDENT = ['west-mercia-police', 'Local Policing Chief Superintendent Telford and Shropshire'] as const;
const SH_POLICE_COMMANDER = ['west-mercia-police', 'Local Policing Commander'] as const;
const SH_POLICE_SUPERINTENDENT = ['west-mercia-police', 'D/Superintendent Vulnerability & Safeguarding'] as const;

export const syntheticAttendance: SyntheticMeetingAttendance[] = [
  { bodyId: EXECUTIVE, meetingDate: '2024-04-09', overrides: [] },
  { bodyId: EXECUTIVE, meetingDate: '2024-07-09', overrides: [leave(CCG_DEPUTY)] },
  { bodyId: EXECUTIVE, meetingDate: '2024-10-08', overrides: [] },
  // Inquorate: nobody from the CCG/ICB.
  {
    bodyId: EXECUTIVE,
    meetingDate: '2025-01-14',
    overrides: [
      { seat: CCG_CHIEF, outcome: 'APOLOGIES', apologyReason: 'Diary clash', apologyReasonValid: false },
      { seat: CCG_DEPUTY, outcome: 'ABSENT' },
    ],
  },
  { bodyId: EXECUTIVE, meetingDate: '2025-04-08', overrides: [] },
  { bodyId: EXECUTIVE, meetingDate: '2025-07-08', overrides: [leave(TW_SUPERINTENDENT)] },
  { bodyId: EXECUTIVE, meetingDate: '2025-10-14', overrides: [] },
  { bodyId: EXECUTIVE, meetingDate: '2026-01-13', overrides: [leave(CCG_DEPUTY)] },
  { bodyId: EXECUTIVE, meetingDate: '2026-04-14', overrides: [] },
  { bodyId: EXECUTIVE, meetingDate: '2026-07-14', overrides: [] },
  // The last held Executive: quorate because the police commander's named deputy counts here.
  {
    bodyId: EXECUTIVE,
    meetingDate: '2026-10-13',
    overrides: [{ seat: TW_COMMANDER, outcome: 'ATTENDED', attendedAs: 'NAMED_DEPUTY' }, leave(TW_SUPERINTENDENT)],
  },

  { bodyId: SCP, meetingDate: '2024-10-08', overrides: [] },
  { bodyId: SCP, meetingDate: '2024-12-10', overrides: [leave(['shropshire-council', 'Virtual Head Teacher'])] },
  { bodyId: SCP, meetingDate: '2025-02-11', overrides: [] },
  { bodyId: SCP, meetingDate: '2025-04-08', overrides: [] },
  // Inquorate: in Shropshire a deputy does not make the police represented (the documents say nothing of deputies).
  {
    bodyId: SCP,
    meetingDate: '2025-06-10',
    overrides: [{ seat: SH_POLICE_COMMANDER, outcome: 'ATTENDED', attendedAs: 'NAMED_DEPUTY' }, leave(SH_POLICE_SUPERINTENDENT)],
  },
  { bodyId: SCP, meetingDate: '2025-08-12', overrides: [] },
  { bodyId: SCP, meetingDate: '2025-10-14', overrides: [{ seat: ['shropshire-fire-and-rescue-service', 'Area Manager'], outcome: 'ABSENT' }] },
  { bodyId: SCP, meetingDate: '2025-12-09', overrides: [] },
  { bodyId: SCP, meetingDate: '2026-02-10', overrides: [] },
  { bodyId: SCP, meetingDate: '2026-04-14', overrides: [] },
  { bodyId: SCP, meetingDate: '2026-06-09', overrides: [] },
  { bodyId: SCP, meetingDate: '2026-08-11', overrides: [] },
  // Quorate; one agency's apologies give no valid reason, so it is listed for its line manager.
  {
    bodyId: SCP,
    meetingDate: '2026-10-13',
    overrides: [
      {
        seat: ['robert-jones-and-agnes-hunt-orthopaedic-hospital', 'Named Nurse for Safeguarding'],
        outcome: 'APOLOGIES',
        apologyReason: 'Not stated',
        apologyReasonValid: false,
      },
    ],
  },
];
