import { bodies } from '../../arrangements/seed/data';
import { generateMeetings } from '../../arrangements/seed/meetings';
import { startTestFederation, type TestFederation } from '@safeguarding/testkit';
import { bodyReferences } from '../seed/bodies';
import { membershipTables } from '../seed/memberships';
import { organisations } from '../seed/organisations';
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

let federation: TestFederation;
beforeAll(async () => {
  federation = await startTestFederation({ only: ['arrangements', 'membership'] });
});
afterAll(async () => {
  await federation?.stop();
});

describe('membership tables', () => {
  it('seeds every table in the documents and nothing else under their names', () => {
    expect(membershipTables.map((t) => `${t.bodyId}|${t.source.section}`).sort()).toEqual(HAND_COUNTS.map(([body, section]) => `${body}|${section}`).sort());
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

  it('uses only registry organisations and arrangements body ids', () => {
    const registry = new Set(organisations.map((o) => o.id));
    const bodyIds = new Set(bodies.map((b) => b.id));
    for (const table of membershipTables) {
      expect(bodyIds.has(table.bodyId)).toBe(true);
      for (const [organisationId] of table.rows) expect(registry.has(organisationId)).toBe(true);
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

describe('the copies of arrangements data', () => {
  it("body references match arrangements' seed", () => {
    expect(bodyReferences).toEqual(
      bodies.map((b) => ({
        bodyId: b.id,
        kind: b.kind,
        partnershipIds: b.partnershipSlugs,
        chairRule: b.chairRule
          ? {
              appointedFrom: b.chairRule.appointedFrom,
              organisationId: b.chairRule.organisationId ?? null,
              termMonths: b.chairRule.termMonths,
              termAlignedToFinancialYear: b.chairRule.termAlignedToFinancialYear,
              noConsecutiveTermsSameOrganisation: b.chairRule.noConsecutiveTermsSameOrganisation,
              viceChairFromDifferentOrganisation: b.chairRule.viceChairFromDifferentOrganisation,
              viceChairSucceeds: b.chairRule.viceChairSucceeds,
              description: b.chairRule.description,
              source: b.chairRule.source,
            }
          : null,
      })),
    );
  });

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
