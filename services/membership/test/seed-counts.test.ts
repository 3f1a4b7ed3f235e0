import fs from 'node:fs';
import path from 'node:path';
import { generateMeetings } from '../../arrangements/seed/meetings';
import {
  partnershipMembershipSection,
  readPackFile,
  regionalMembershipSection,
  REPOSITORY_PACKS,
  type PartnershipMembershipValue,
  type Provenance,
  type RegionalMembershipValue,
} from '@safeguarding/packs';
import { startTestFederation, type TestFederation } from '@safeguarding/testkit';
import { chairHistory, syntheticAttendance } from '../seed/synthetic';

/**
 * Every membership table in the seed documents is seeded, complete, and queryable through the
 * gateway. The numbers are hand counts of the documents' rows (a cell listing several roles of one
 * organisation counts once per role), not counts of the seed file.
 */
const HAND_COUNTS: [bodyId: string, section: string, rows: number][] = [
  // 001 "Relevant Agencies" table: Independent Scrutineer 1, Shropshire Council 8, ICB 1, Police 2,
  // Shropshire Community Health 2, SaTH 1, RJAH 1, MPFT 1, LCSPR panel chair 1, GP 1, Education
  // Partnership Board 1, Fire 1, SSCP 1, Probation 1, Youth Justice 1.
  ['shropshire.safeguarding-children-partnership', 'Relevant Agencies (Organisation/Sector and Role table)', 24],
  // 003 App. A, Telford & Wrekin Safeguarding Partnership, "Children" table: Independent Chair 1,
  // Council 8, Police 1, SCHT 1, SaTH 1, MPFT 1, CCG 1, GP 1, Partners in Care 1, NPS 1, CRC 1,
  // College 1, Healthwatch 1, Wrekin Housing 1, Chief Officer Group 1, CQC 1, Education 6,
  // Probation 2, YJT 1, CAFCASS 1, Voluntary 1.
  [
    'telford-and-wrekin.safeguarding-partnership',
    'Appendix A – Terms of Reference: Telford & Wrekin Safeguarding Partnership, Membership (Children table)',
    34,
  ],
  // ... and its "Virtual Members": West Midlands Ambulance Service.
  [
    'telford-and-wrekin.safeguarding-partnership',
    'Appendix A – Terms of Reference: Telford & Wrekin Safeguarding Partnership, Membership (Virtual Members)',
    1,
  ],
  // Safeguarding Partnership Executive, "Team/role & Agency" table.
  ['telford-and-wrekin.executive', 'Appendix A – Terms of Reference: Safeguarding Partnership Executive, Membership', 8],
  // Children Review, Learning & Training Group: 11 rows, then "Virtual Members" 1.
  [
    'telford-and-wrekin.childrens-review-learning-and-training-group',
    'Appendix A – Terms of Reference: Children Review, Learning & Training Group, Membership',
    11,
  ],
  [
    'telford-and-wrekin.childrens-review-learning-and-training-group',
    'Appendix A – Terms of Reference: Children Review, Learning & Training Group, Membership (Virtual Members)',
    1,
  ],
  // Adult Review, Learning & Training Group.
  ['telford-and-wrekin.adults-review-learning-and-training-group', 'Appendix A – Terms of Reference: Adult Review, Learning & Training Group, Membership', 10],
  // Thematic groups: Neglect; Exploitation "Adults" and "Children"; Domestic Abuse.
  ['telford-and-wrekin.neglect', 'Appendix A – Terms of Reference: Thematic Working Groups and Sub-Groups, Neglect', 19],
  ['telford-and-wrekin.exploitation', 'Appendix A – Terms of Reference: Thematic Working Groups and Sub-Groups, Exploitation (Adults)', 14],
  ['telford-and-wrekin.exploitation', 'Appendix A – Terms of Reference: Thematic Working Groups and Sub-Groups, Exploitation (Children)', 20],
  ['telford-and-wrekin.domestic-violence-and-abuse', 'Appendix A – Terms of Reference: Thematic Working Groups and Sub-Groups, Domestic Abuse', 24],
  // Corporate Parenting Strategic Group, "Team and Agency" table (its first row is the chair).
  ['telford-and-wrekin.corporate-parenting-strategic-group', 'Appendix A – Terms of Reference: Corporate Parenting Strategic Group, Membership', 18],
  // "Early Help - TBC": no table.
];

function pack<Value>(scope: string, schema: typeof partnershipMembershipSection.schema | typeof regionalMembershipSection.schema): Value {
  const file = path.join(REPOSITORY_PACKS, scope, 'membership.yaml');
  const read = readPackFile(file, fs.readFileSync(file, 'utf8'), schema);
  if (read.value === undefined) throw new Error(`${file} does not read: ${JSON.stringify(read.problems.slice(0, 3))}`);
  return read.value as Value;
}
const regional = pack<RegionalMembershipValue>('regional', regionalMembershipSection.schema);
const partnershipSeats = ['shropshire', 'telford-and-wrekin', 'solihull'].flatMap(
  (scope) => pack<PartnershipMembershipValue>(scope, partnershipMembershipSection.schema).memberships,
);
/** The section of the table a seat is read from: its own (stated) or the first passage it is inferred from. */
const sectionOf = (provenance: Provenance) =>
  provenance.kind === 'stated' ? provenance.section : provenance.kind === 'inferred' ? provenance.from[0]!.section : null;
const tableSections = new Set(HAND_COUNTS.map(([, section]) => section));
const tableSeats = partnershipSeats.filter((seat) => tableSections.has(sectionOf(seat.provenance) ?? ''));

let federation: TestFederation;
beforeAll(async () => {
  federation = await startTestFederation({ only: ['arrangements', 'membership'] });
});
afterAll(async () => {
  await federation?.stop();
});

describe('membership tables', () => {
  it('holds every table of the documents in the packs, row by row, and nothing else under their names', () => {
    const counted = new Map<string, number>();
    for (const seat of tableSeats)
      counted.set(`${seat.body}|${sectionOf(seat.provenance)}`, (counted.get(`${seat.body}|${sectionOf(seat.provenance)}`) ?? 0) + 1);
    expect(Object.fromEntries(counted)).toEqual(Object.fromEntries(HAND_COUNTS.map(([body, section, rows]) => [`${body}|${section}`, rows])));
    // 001: 24; 003 Appendix A: 35 + 8 + 12 + 10 + 19 + 34 + 24 + 18 = 160.
    expect(HAND_COUNTS.reduce((sum, [, , rows]) => sum + rows, 0)).toBe(184);
  });

  it.each(HAND_COUNTS)('%s has the %#th table complete through the gateway', async (bodyId, section, rows) => {
    const { data, errors } = await federation.query(
      `query ($id: ID!) { body(id: $id) { name membershipHistory { role organisation { id name } source { section } } } }`,
      { variables: { id: bodyId } },
    );
    expect(errors).toBeUndefined();
    const seats = data!.body.membershipHistory.filter((seat: { source: { section: string } | null }) => seat.source?.section === section);
    expect(seats).toHaveLength(rows);
    for (const seat of seats) expect(seat.organisation.name).toEqual(expect.any(String));
  });

  it('uses only registry organisations and the bodies arrangements publishes', async () => {
    const registry = new Set(regional.organizations.map((organisation) => organisation.id));
    const published = await federation.dataSources.membership!.query<{ body_id: string }[]>(`SELECT body_id FROM arrangements.published_body`);
    const bodyIds = new Set(published.map((row) => row.body_id));
    for (const seat of [...partnershipSeats, ...(regional.memberships ?? [])]) {
      expect(bodyIds).toContain(seat.body);
      expect(registry).toContain(seat.organization);
    }
  });
});

describe('designations', () => {
  it('names three lead safeguarding partners per partnership, and the delegated partners, scrutiny and accountable body', async () => {
    const { data, errors } = await federation.query(`{ designations { kind partnership { slug } organisation { id } post { title } } }`);
    expect(errors).toBeUndefined();
    // 000/001: Shropshire 3 LSP + 3 DSP + scrutineer + independent chair + accountable body = 9;
    // 003: Telford & Wrekin 3 + 3 + independent chair = 7; 004: Solihull 3 + 3 = 6.
    expect(data!.designations).toHaveLength(22);
    const lead = (slug: string) =>
      data!.designations
        .filter((d: { kind: string; partnership: { slug: string } }) => d.kind === 'LEAD_SAFEGUARDING_PARTNER' && d.partnership.slug === slug)
        .map((d: { organisation: { id: string } }) => d.organisation.id)
        .sort();
    expect(lead('shropshire')).toEqual(['shropshire-council', 'shropshire-telford-and-wrekin-icb', 'west-mercia-police']);
    expect(lead('telford-and-wrekin')).toEqual(['shropshire-telford-and-wrekin-icb', 'telford-and-wrekin-council', 'west-mercia-police']);
    expect(lead('solihull')).toEqual(['birmingham-and-solihull-icb', 'solihull-mbc', 'west-midlands-police']);
    expect(data!.designations).toContainEqual({
      kind: 'DELEGATED_SAFEGUARDING_PARTNER',
      partnership: { slug: 'shropshire' },
      organisation: { id: 'shropshire-telford-and-wrekin-icb' },
      post: { title: 'Chief Nursing Officer' },
    });
    expect(data!.designations).toContainEqual({
      kind: 'ACCOUNTABLE_BODY',
      partnership: { slug: 'shropshire' },
      organisation: { id: 'shropshire-council' },
      post: null,
    });
  });
});

describe('the synthetic history', () => {
  it("synthetic attendance is for meetings arrangements' seed holds", () => {
    const held = new Set(
      generateMeetings()
        .filter((m) => m.status === 'HELD')
        .map((m) => `${m.bodyId}|${m.meetingDate}`),
    );
    for (const meeting of syntheticAttendance) expect(held).toContain(`${meeting.bodyId}|${meeting.meetingDate}`);
    // Every held meeting of the two bodies has attendance.
    for (const bodyId of ['telford-and-wrekin.executive', 'shropshire.safeguarding-children-partnership']) {
      const heldForBody = [...held].filter((key) => key.startsWith(`${bodyId}|`));
      expect(syntheticAttendance.filter((m) => m.bodyId === bodyId)).toHaveLength(heldForBody.length);
    }
    expect(chairHistory.every((c) => c.startDate < c.endDate)).toBe(true);
  });
});
