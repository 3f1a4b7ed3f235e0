import { faker } from '@faker-js/faker';
import type { SourceCitation } from '@safeguarding/packs';
import { isoDate } from '@safeguarding/subgraph-runtime';
import type { MeetingFrequencySeed } from '@safeguarding/packs';
import type { MeetingStatus } from '../entities';
import { packBodies } from './packs';

/**
 * Synthetic meetings: the documents give each body's frequency but not its meeting dates. For
 * every body with a frequency, meetings are spread evenly from April 2024 (or the body's start) to
 * March 2027 (or its end); those before SEED_REFERENCE_DATE are held, except a few cancelled ones
 * (fixed random seed), so cadence checks have something to find. Labelled synthetic.
 */
export const SEED_REFERENCE_DATE = '2026-11-01';
const PERIOD_START = '2024-04-01';
const PERIOD_END = '2027-03-31';
const SYNTHETIC: SourceCitation = {
  document: 'synthetic',
  section: "Generated from the body's meeting frequency (seed/meetings.ts); dates, places and cancellations are not from any document",
  synthetic: true,
};

export interface MeetingSeed {
  bodyId: string;
  meetingDate: string;
  startTime: string;
  location: string | null;
  isVirtual: boolean;
  status: MeetingStatus;
  source: SourceCitation;
}

/** The second Tuesday of a month: a plausible, stable meeting day. */
function secondTuesday(year: number, monthIndex: number): string {
  const first = new Date(Date.UTC(year, monthIndex, 1));
  const offset = (2 - first.getUTCDay() + 7) % 7;
  return isoDate(new Date(Date.UTC(year, monthIndex, 1 + offset + 7)));
}

/** What the generator reads of a body: the frequency and dates the packs give it. */
export interface BodyForMeetings {
  id: string;
  meetingFrequency?: MeetingFrequencySeed | null;
  validFrom?: string | null;
  validTo?: string | null;
}

/**
 * The order the fixed random seed walks the bodies in: the order the TypeScript seed listed them
 * before the packs, so the generated history (which meetings were cancelled) stays what the other
 * subgraphs' synthetic attendance is keyed to. Bodies not listed follow, by id.
 */
const WALK_ORDER = [
  'joint.lsp-forum',
  'shropshire.tackling-exploitation-group',
  'shropshire.safeguarding-children-partnership',
  'shropshire.dsp-executive',
  'shropshire.childrens-case-review-group',
  'telford-and-wrekin.safeguarding-partnership',
  'telford-and-wrekin.executive',
  'telford-and-wrekin.childrens-review-learning-and-training-group',
  'telford-and-wrekin.adults-review-learning-and-training-group',
  'telford-and-wrekin.corporate-parenting-strategic-group',
];
const walkPosition = (id: string) => (WALK_ORDER.includes(id) ? WALK_ORDER.indexOf(id) : WALK_ORDER.length);

/** Meetings for every body with a frequency, from the packs' bodies (any order; by default those in packs/). */
export function generateMeetings(bodies: readonly BodyForMeetings[] = packBodies()): MeetingSeed[] {
  faker.seed(20241001);
  const meetings: MeetingSeed[] = [];
  const ordered = [...bodies].sort((a, b) => walkPosition(a.id) - walkPosition(b.id) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const body of ordered) {
    if (!body.meetingFrequency) continue;
    const stepMonths = Math.max(1, Math.round(12 / body.meetingFrequency.meetingsPerYear));
    const start = body.validFrom && body.validFrom > PERIOD_START ? body.validFrom : PERIOD_START;
    const end = body.validTo && body.validTo < PERIOD_END ? body.validTo : PERIOD_END;
    const startDate = new Date(`${start}T00:00:00Z`);
    for (let month = startDate.getUTCMonth(), year = startDate.getUTCFullYear(); ; month += stepMonths) {
      const date = secondTuesday(year + Math.floor(month / 12), month % 12);
      if (date > end) break;
      if (date < start) continue;
      const isVirtual = faker.number.int({ min: 0, max: 2 }) === 0;
      const past = date < SEED_REFERENCE_DATE;
      meetings.push({
        bodyId: body.id,
        meetingDate: date,
        startTime: faker.helpers.arrayElement(['09:30', '10:00', '13:30', '14:00']),
        location: isVirtual
          ? null
          : faker.helpers.arrayElement(['Shirehall, Shrewsbury', 'Addenbrooke House, Telford', 'Solihull Council House', 'Police HQ, Hindlip']),
        isVirtual,
        status: past ? (faker.number.int({ min: 0, max: 11 }) === 0 ? 'CANCELLED' : 'HELD') : 'SCHEDULED',
        source: SYNTHETIC,
      });
    }
  }
  return meetings;
}
