import { AttendanceEntity, BodyReferenceEntity, MembershipEntity, PostEntity } from '../entities';
import { grant, startTestFederation, type TestFederation } from '@safeguarding/testkit';

/** The analysts' questions, attendance permissions and the membership mutations, through the gateway. */
let federation: TestFederation;
beforeAll(async () => {
  federation = await startTestFederation({ only: ['arrangements', 'membership'] });
});
afterAll(async () => {
  await federation?.stop();
});

const EXECUTIVE = 'telford-and-wrekin.executive';
const SCP = 'shropshire.safeguarding-children-partnership';
const seats = () => federation.dataSources.membership!.getRepository(MembershipEntity);
const attendanceRows = () => federation.dataSources.membership!.getRepository(AttendanceEntity);
const twAdmin = [grant('partnership-admin', 'telford-and-wrekin')];

async function postId(organisationId: string, title: string): Promise<string> {
  return (await federation.dataSources.membership!.getRepository(PostEntity).findOneByOrFail({ organisationId, title })).id;
}
async function seatId(bodyId: string, organisationId: string, title: string): Promise<string> {
  return (await seats().findOneByOrFail({ bodyId, organisationId, postId: await postId(organisationId, title), role: 'MEMBER' })).id;
}

describe('which agencies sit on both partnerships’ exploitation groups?', () => {
  it('finds West Mercia Police, chairing one and a member of the other', async () => {
    const { data, errors } = await federation.query(`{
      sharedAgencies(partnershipSlugs: ["shropshire", "telford-and-wrekin"], bodyIds: ["shropshire.tackling-exploitation-group", "telford-and-wrekin.exploitation"]) {
        organisation { id } partnerships { partnership { slug name } bodies { id name } }
      }
    }`);
    expect(errors).toBeUndefined();
    expect(data!.sharedAgencies).toEqual([
      {
        organisation: { id: 'west-mercia-police' },
        partnerships: [
          {
            partnership: { slug: 'shropshire', name: 'Shropshire Safeguarding Community Partnership' },
            bodies: [{ id: 'shropshire.tackling-exploitation-group', name: 'Tackling Exploitation Group' }],
          },
          {
            partnership: { slug: 'telford-and-wrekin', name: 'Telford & Wrekin Safeguarding Partnership' },
            bodies: [{ id: 'telford-and-wrekin.exploitation', name: 'Exploitation thematic group' }],
          },
        ],
      },
    ]);
  });

  it('lists the agencies serving both partnerships across all bodies', async () => {
    const { data } = await federation.query(
      `{ sharedAgencies(partnershipSlugs: ["shropshire", "telford-and-wrekin"], asOf: "2025-06-01") { organisation { id } } }`,
    );
    const ids = data!.sharedAgencies.map((s: { organisation: { id: string } }) => s.organisation.id);
    for (const id of [
      'west-mercia-police',
      'shropshire-community-health-nhs-trust',
      'shrewsbury-and-telford-hospital-nhs-trust',
      'midlands-partnership-nhs-foundation-trust',
      'national-probation-service',
      'west-mercia-youth-justice-service',
    ]) {
      expect(ids).toContain(id);
    }
    expect(ids).not.toContain('telford-college');
  });

  it.each([
    ['one partnership', '["shropshire"]', '', /between 2 and 10/],
    ['an unknown partnership', '["shropshire", "nowhere"]', '', /nowhere/],
    ['an unknown body', '["shropshire", "telford-and-wrekin"]', ', bodyIds: ["telford-and-wrekin.nothing"]', /telford-and-wrekin.nothing/],
  ])('refuses %s with BAD_USER_INPUT', async (_case, slugs, extra, message) => {
    const { errors } = await federation.query(`{ sharedAgencies(partnershipSlugs: ${slugs}${extra}) { organisation { id } } }`);
    expect(errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(errors![0]!.message).toMatch(message);
  });
});

describe('who chairs what, and is the rotation rule kept?', () => {
  it('names the Shropshire partnership chair, a DSP, within the 18-month rotation', async () => {
    const { data, errors } = await federation.query(`{ body(id: "${SCP}") {
      chair(asOf: "2025-06-01") { organisation { name } post { title alsoKnownAs } startDate endDate description }
      chairCompliance { compliant appointmentsChecked breaches { check } }
    } }`);
    expect(errors).toBeUndefined();
    expect(data!.body.chair).toEqual({
      organisation: { name: 'Shropshire Council' },
      post: { title: 'Executive Director of People', alsoKnownAs: ['Director of People', 'Executive Director for People'] },
      startDate: '2024-10-01',
      endDate: '2026-03-31',
      description: 'Tanya Miles',
    });
    expect(data!.body.chairCompliance).toEqual({ compliant: true, appointmentsChecked: 1, breaches: [] });
  });

  it('finds the Telford & Wrekin Executive rotation kept over eight financial years', async () => {
    const { data } = await federation.query(`{ body(id: "${EXECUTIVE}") {
      chair(asOf: "2025-06-01") { organisation { id } } viceChair(asOf: "2025-06-01") { organisation { id } }
      chairCompliance { compliant appointmentsChecked }
      chairRule { termAlignedToFinancialYear description }
    } }`);
    expect(data!.body).toEqual({
      chair: { organisation: { id: 'telford-and-wrekin-council' } },
      viceChair: { organisation: { id: 'west-mercia-police' } },
      chairCompliance: { compliant: true, appointmentsChecked: 16 },
      chairRule: { termAlignedToFinancialYear: true, description: expect.stringMatching(/^An annual appointment \(financial year\)/) },
    });
  });

  it('flags recorded history that breaks the rule, read against the live rule', async () => {
    // History recorded straight into the table (as an import would), not through appointChair.
    const body = 'telford-and-wrekin.corporate-parenting-strategic-group';
    const inserted = await seats().insert({
      bodyId: body,
      organisationId: 'west-mercia-police',
      postId: null,
      role: 'CHAIR',
      startDate: '2018-01-01',
      endDate: '2018-12-31',
      source: null,
    });
    const { data } = await federation.query(
      `{ body(id: "${body}") { chairCompliance { compliant breaches { check appointment { organisation { id } } explanation } } } }`,
    );
    expect(data!.body.chairCompliance.compliant).toBe(false);
    // Not from the named organisation; and it overlaps the document's chair, whose term has no dates.
    expect(data!.body.chairCompliance.breaches).toEqual([
      {
        check: 'OVERLAPPING_TERMS',
        appointment: { organisation: { id: 'west-mercia-police' } },
        explanation: expect.stringMatching(/overlaps the term an unknown date to open-ended/),
      },
      {
        check: 'CHAIR_SOURCE',
        appointment: { organisation: { id: 'west-mercia-police' } },
        explanation: expect.stringMatching(/the rule says the chair comes from Telford & Wrekin Council/),
      },
    ]);
    await seats().delete({ id: inserted.identifiers[0]!.id });
  });

  it('answers null compliance for a body without a chair rule', async () => {
    const { data } = await federation.query(`{ body(id: "telford-and-wrekin.neglect") { chairCompliance { compliant } chair { id } } }`);
    expect(data!.body).toEqual({ chairCompliance: null, chair: null });
  });
});

describe('was the last Executive quorate?', () => {
  const MEETINGS = `query ($id: ID!, $from: Date, $to: Date) { body(id: $id) { meetings(from: $from, to: $to) { id date status
    quorum { kind quorate attendanceRecorded missingAgencies { id } representedAgencies { id } reportUnexplainedAbsencesToLineManager }
    attendance { organisation { id } post { title } outcome attendedAs apologyReason apologyReasonValid unexplained }
    unexplainedAbsences { organisation { id } post { title } outcome }
  } } }`;
  const analyst = [grant('analyst')];

  it('yes: the police commander sent a named deputy, which counts in Telford & Wrekin', async () => {
    const { data, errors } = await federation.query(MEETINGS, { as: analyst, variables: { id: EXECUTIVE, from: '2026-10-01', to: '2026-10-31' } });
    expect(errors).toBeUndefined();
    const [last] = data!.body.meetings;
    expect(last.date).toBe('2026-10-13');
    expect(last.status).toBe('HELD');
    expect(last.quorum).toEqual({
      kind: 'ALL_STATUTORY_PARTNERS_REPRESENTED',
      quorate: true,
      attendanceRecorded: true,
      missingAgencies: [],
      representedAgencies: [{ id: 'telford-and-wrekin-council' }, { id: 'shropshire-telford-and-wrekin-icb' }, { id: 'west-mercia-police' }],
      reportUnexplainedAbsencesToLineManager: false,
    });
    expect(last.attendance).toHaveLength(8);
    expect(last.attendance).toContainEqual({
      organisation: { id: 'west-mercia-police' },
      post: { title: 'Telford & Wrekin Local Policing Area Commander' },
      outcome: 'ATTENDED',
      attendedAs: 'NAMED_DEPUTY',
      apologyReason: null,
      apologyReasonValid: null,
      unexplained: false,
    });
    expect(last.unexplainedAbsences).toEqual([]);
  });

  it('January 2025 was not: nobody came from the ICB, and both absences are unexplained', async () => {
    const { data } = await federation.query(MEETINGS, { as: analyst, variables: { id: EXECUTIVE, from: '2025-01-01', to: '2025-01-31' } });
    const [meeting] = data!.body.meetings;
    expect(meeting.quorum.quorate).toBe(false);
    expect(meeting.quorum.missingAgencies).toEqual([{ id: 'shropshire-telford-and-wrekin-icb' }]);
    expect(meeting.unexplainedAbsences.map((a: { post: { title: string }; outcome: string }) => [a.post.title, a.outcome]).sort()).toEqual([
      ['Chief Officer, Telford & Wrekin CCG', 'APOLOGIES'],
      ['Deputy Chief Officer, Telford & Wrekin CCG', 'ABSENT'],
    ]);
  });

  it('in Shropshire a deputy does not make an agency represented, and unexplained absences go to the line manager', async () => {
    const { data } = await federation.query(MEETINGS, { as: analyst, variables: { id: SCP, from: '2025-06-01', to: '2025-06-30' } });
    expect(data!.body.meetings[0].quorum).toMatchObject({
      quorate: false,
      missingAgencies: [{ id: 'west-mercia-police' }],
      reportUnexplainedAbsencesToLineManager: true,
    });
    const last = await federation.query(MEETINGS, { as: analyst, variables: { id: SCP, from: '2026-10-01', to: '2026-10-31' } });
    const [meeting] = last.data!.body.meetings;
    expect(meeting.quorum.quorate).toBe(true);
    expect(meeting.attendance).toHaveLength(24);
    expect(meeting.unexplainedAbsences).toEqual([
      { organisation: { id: 'robert-jones-and-agnes-hunt-orthopaedic-hospital' }, post: { title: 'Named Nurse for Safeguarding' }, outcome: 'APOLOGIES' },
    ]);
  });

  it('resolves attendance from a meeting fetched on its own, and leaves an unrecorded meeting unjudged', async () => {
    const { data } = await federation.query(`{ body(id: "${EXECUTIVE}") { meetings(from: "2027-01-01") { id } } }`);
    const next = await federation.query(
      `query ($id: ID!) { meeting(id: $id) { date quorum { quorate attendanceRecorded missingAgencies { id } } attendance { outcome } unexplainedAbsences { outcome } } }`,
      {
        as: analyst,
        variables: { id: data!.body.meetings[0].id },
      },
    );
    expect(next.errors).toBeUndefined();
    expect(next.data!.meeting).toEqual({
      date: '2027-01-12',
      quorum: { quorate: null, attendanceRecorded: false, missingAgencies: [] },
      attendance: [],
      unexplainedAbsences: [],
    });
  });

  it.each([
    ['the anonymous public', 'UNAUTHENTICATED', undefined],
    ['a member of another partnership', 'FORBIDDEN', [grant('member', 'solihull')]],
    ['an admin of another partnership', 'FORBIDDEN', [grant('partnership-admin', 'shropshire')]],
    ['the forum secretariat (outside the forum)', 'FORBIDDEN', [grant('forum-secretariat')]],
  ])('keeps attendance from %s (%s) while the membership list stays public', async (_who, code, as) => {
    for (const field of ['attendance { outcome }', 'unexplainedAbsences { outcome }', 'quorum { quorate }']) {
      const { errors } = await federation.query(`{ body(id: "${EXECUTIVE}") { meetings(from: "2026-10-01", to: "2026-10-31") { date ${field} } } }`, { as });
      expect(errors![0]!.extensions!.code).toBe(code);
    }
    const { data, errors } = await federation.query(`{ body(id: "${EXECUTIVE}") { members(asOf: "2025-06-01") { role organisation { name } } } }`, { as });
    expect(errors).toBeUndefined();
    expect(data!.body.members).toHaveLength(10);
  });

  it.each([
    ['a member of the partnership', [grant('member', 'telford-and-wrekin')]],
    ['its partnership admin', twAdmin],
    ['a regional admin', [grant('regional-admin')]],
  ])('shows attendance to %s', async (_who, as) => {
    const { errors, data } = await federation.query(`{ body(id: "${EXECUTIVE}") { meetings(from: "2026-10-01", to: "2026-10-31") { quorum { quorate } } } }`, {
      as,
    });
    expect(errors).toBeUndefined();
    expect(data!.body.meetings[0].quorum.quorate).toBe(true);
  });
});

describe("a body's members", () => {
  it('answer the same whether the seats are read with their listing columns only or whole', async () => {
    const listed = 'id role startDate endDate organisation { id name } post { title } deputyFor { id } body { id }';
    const lean = await federation.query(`{ body(id: "${EXECUTIVE}") { members(asOf: "2025-06-01") { ${listed} } } }`);
    const whole = await federation.query(
      `{ body(id: "${EXECUTIVE}") { members(asOf: "2025-06-01") { ${listed} version list description source { document } } } }`,
    );
    const fragment = await federation.query(
      `{ body(id: "${EXECUTIVE}") { members(asOf: "2025-06-01") { ...Seat } } } fragment Seat on Membership { ${listed} version source { document } }`,
    );
    expect([lean.errors, whole.errors, fragment.errors]).toEqual([undefined, undefined, undefined]);
    expect(lean.data!.body.members).toHaveLength(10);
    const listedPart = ({ version: _version, list: _list, description: _description, source: _source, ...rest }: Record<string, unknown>) => rest;
    expect(whole.data!.body.members.map(listedPart)).toEqual(lean.data!.body.members);
    expect(fragment.data!.body.members.map(listedPart)).toEqual(lean.data!.body.members);
    // The columns a listing leaves out are still answered when asked for, through a named fragment too.
    for (const answer of [whole, fragment]) {
      expect(answer.data!.body.members.every((seat: { version: number; source: { document: string } | null }) => seat.version >= 1)).toBe(true);
      expect(answer.data!.body.members.some((seat: { source: { document: string } | null }) => seat.source?.document)).toBe(true);
    }
  });

  it('read beside whole seats (the chair) in the same statement as the chair alone', async () => {
    const chairOnly = await federation.countStatements(() => federation.query(`{ body(id: "${EXECUTIVE}") { chair(asOf: "2025-06-01") { role } } }`));
    let answer: Record<string, any> | undefined;
    const both = await federation.countStatements(async () => {
      answer = await federation.query(`{ body(id: "${EXECUTIVE}") { members(asOf: "2025-06-01") { role } chair(asOf: "2025-06-01") { role } } }`);
    });
    expect(answer!.errors).toBeUndefined();
    expect(answer!.data.body.members).toHaveLength(10);
    expect(both).toBe(chairOnly);
  });
});

describe('organisations across partnerships', () => {
  it('West Mercia Police serves Shropshire and Telford & Wrekin; West Midlands Police only Solihull', async () => {
    const { data, errors } = await federation.query(`{
      wmp: organisation(id: "west-mercia-police") { partnerships(asOf: "2025-06-01") { slug } memberships(asOf: "2025-06-01") { role body { id } } designations { kind partnership { slug } } }
      wmids: organisation(id: "west-midlands-police") { partnerships { slug } memberships { body { id } } designations { kind post { title } } }
    }`);
    expect(errors).toBeUndefined();
    expect(data!.wmp.partnerships).toEqual([{ slug: 'shropshire' }, { slug: 'telford-and-wrekin' }]);
    expect(data!.wmp.memberships).toContainEqual({ role: 'CHAIR', body: { id: 'shropshire.tackling-exploitation-group' } });
    expect(data!.wmp.designations).toHaveLength(4);
    expect(data!.wmids).toEqual({
      partnerships: [{ slug: 'solihull' }],
      // 004 in prose: the delegated officers of the three lead partners meet as the Executive.
      memberships: [{ body: { id: 'solihull.executive' } }],
      designations: [
        { kind: 'DELEGATED_SAFEGUARDING_PARTNER', post: null },
        { kind: 'LEAD_SAFEGUARDING_PARTNER', post: { title: 'Chief Constable' } },
      ],
    });
  });

  it('gives a partnership its designations from its own page', async () => {
    const { data } = await federation.query(
      `{ partnership(slug: "solihull") { name designations(kind: LEAD_SAFEGUARDING_PARTNER) { organisation { name } post { title } } } }`,
    );
    expect(data!.partnership.designations).toContainEqual({
      organisation: { name: 'Solihull Metropolitan Borough Council' },
      post: { title: 'Chief Executive' },
    });
  });
});

const ADD = `mutation ($input: AddMembershipInput!) { addMembership(input: $input) { id role organisation { id } post { title } startDate endDate body { id name } deputyFor { id } coOptedForReview } }`;
const APPOINT = `mutation ($input: AppointChairInput!) { appointChair(input: $input) { id role organisation { id } startDate endDate } }`;

describe('addMembership and endMembership', () => {
  const base = { bodyId: 'telford-and-wrekin.neglect', organisationId: 'cafcass', role: 'MEMBER', startDate: '2026-01-01' };

  it.each([
    ['the anonymous public', 'UNAUTHENTICATED', undefined],
    ['an analyst', 'FORBIDDEN', [grant('analyst')]],
    ['a member of the partnership', 'FORBIDDEN', [grant('member', 'telford-and-wrekin')]],
    ["another partnership's admin", 'FORBIDDEN', [grant('partnership-admin', 'shropshire')]],
    ['the forum secretariat, outside the forum', 'FORBIDDEN', [grant('forum-secretariat')]],
  ])('refuses %s with %s and changes nothing', async (_who, code, as) => {
    const before = await seats().count();
    const { errors } = await federation.query(ADD, { as, variables: { input: base } });
    expect(errors![0]!.extensions!.code).toBe(code);
    expect(await seats().count()).toBe(before);
  });

  it('seats an agency for the body’s partnership admin, and ends the seat', async () => {
    const { data, errors } = await federation.query(ADD, { as: twAdmin, variables: { input: base } });
    expect(errors).toBeUndefined();
    expect(data!.addMembership).toMatchObject({
      role: 'MEMBER',
      organisation: { id: 'cafcass' },
      post: null,
      startDate: '2026-01-01',
      endDate: null,
      body: { id: 'telford-and-wrekin.neglect', name: 'Neglect thematic group' },
    });
    const ended = await federation.query(`mutation ($id: ID!) { endMembership(id: $id, endDate: "2026-06-30") { endDate } }`, {
      as: twAdmin,
      variables: { id: data!.addMembership.id },
    });
    expect(ended.data!.endMembership.endDate).toBe('2026-06-30');
    const again = await federation.query(`mutation ($id: ID!) { endMembership(id: $id, endDate: "2026-07-31") { endDate } }`, {
      as: twAdmin,
      variables: { id: data!.addMembership.id },
    });
    expect(again.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(again.errors![0]!.message).toMatch(/already ended on 2026-06-30/);
  });

  it('lets the forum secretariat seat an agency on the joint LSP forum', async () => {
    const { errors } = await federation.query(ADD, {
      as: [grant('forum-secretariat')],
      variables: {
        input: {
          ...base,
          bodyId: 'joint.lsp-forum',
          organisationId: 'shropshire-independent-scrutineer',
          role: 'CO_OPTED',
          coOptedForReview: 'Child H rapid review',
        },
      },
    });
    expect(errors).toBeUndefined();
  });

  it('seats a named deputy for a member of the same organisation', async () => {
    const member = await seatId(EXECUTIVE, 'west-mercia-police', 'Telford & Wrekin Local Policing Area Commander');
    const { data, errors } = await federation.query(ADD, {
      as: twAdmin,
      variables: { input: { ...base, bodyId: EXECUTIVE, organisationId: 'west-mercia-police', role: 'NAMED_DEPUTY', deputyForMembershipId: member } },
    });
    expect(errors).toBeUndefined();
    expect(data!.addMembership.deputyFor).toEqual({ id: member });
  });

  it.each([
    ['dates out of order', { endDate: '2025-12-31' }, 'BAD_USER_INPUT', /before startDate/],
    [
      'a post of another organisation',
      { postIdOf: ['west-mercia-police', 'Chief Inspector'] },
      'BAD_USER_INPUT',
      /belongs to west-mercia-police, not to cafcass/,
    ],
    ['an unknown body', { bodyId: 'telford-and-wrekin.nothing' }, 'NOT_FOUND', /No body/],
    ['an unknown organisation', { organisationId: 'nobody' }, 'NOT_FOUND', /No organisation/],
    ['a deputy for nobody', { role: 'NAMED_DEPUTY' }, 'BAD_USER_INPUT', /deputyForMembershipId/],
    ['a co-opted member without a review', { role: 'CO_OPTED' }, 'BAD_USER_INPUT', /coOptedForReview/],
    ['a review for a plain member', { coOptedForReview: 'Child H' }, 'BAD_USER_INPUT', /CO_OPTED seats only/],
    ['an impossible date', { startDate: '2026-02-30' }, 'BAD_USER_INPUT', /not a real calendar date/],
  ])('refuses %s and changes nothing', async (_case, change, code, message) => {
    const { postIdOf, ...rest } = change as Record<string, unknown> & { postIdOf?: [string, string] };
    const input = { ...base, ...rest, ...(postIdOf ? { postId: await postId(...postIdOf) } : {}) };
    const before = await seats().count();
    const { errors } = await federation.query(ADD, { as: twAdmin, variables: { input } });
    expect(errors![0]!.extensions!.code).toBe(code);
    expect(errors![0]!.message).toMatch(message);
    expect(await seats().count()).toBe(before);
  });

  it('never loses a write when two admins seat agencies on one body at once', async () => {
    const body = 'telford-and-wrekin.domestic-violence-and-abuse';
    const version = async () =>
      (await federation.dataSources.membership!.getRepository(BodyReferenceEntity).findOneByOrFail({ bodyId: body })).membershipVersion;
    const before = { seats: await seats().countBy({ bodyId: body }), version: await version() };
    const results = await Promise.all(
      ['care-quality-commission', 'healthwatch', 'ofsted'].map((organisationId) =>
        federation.query(ADD, { as: twAdmin, variables: { input: { ...base, bodyId: body, organisationId } } }),
      ),
    );
    expect(results.map((r) => r.errors)).toEqual([undefined, undefined, undefined]);
    expect(await seats().countBy({ bodyId: body })).toBe(before.seats + 3);
    expect(await version()).toBe(before.version + 3);
  });

  it('refuses the same seat twice for overlapping periods, even when two admins race', async () => {
    const input = { ...base, organisationId: 'west-mercia-womens-aid' };
    const results = await Promise.all([1, 2].map(() => federation.query(ADD, { as: twAdmin, variables: { input } })));
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(results.find((r) => r.errors)!.errors![0]!.extensions!.code).toBe('CONFLICT');
  });
});

describe('appointChair', () => {
  const next = (organisationId: string, change: Record<string, unknown> = {}) => ({
    bodyId: EXECUTIVE,
    role: 'CHAIR',
    organisationId,
    startDate: '2027-04-01',
    endDate: '2028-03-31',
    ...change,
  });

  it.each([
    // 2026-27: the police chair, the ICB vice-chair; so 2027-28 belongs to the ICB.
    ['the same partner two years running', next('west-mercia-police'), /straight after its own previous term/],
    ['someone other than the vice-chair who should succeed', next('telford-and-wrekin-council'), /the vice-chair succeeds the chair/],
    ['a chair who is not a statutory partner', next('telford-college'), /statutory \(lead safeguarding\) partners/],
    [
      'a term that is not a financial year',
      next('shropshire-telford-and-wrekin-icb', { startDate: '2027-05-01', endDate: '2028-04-30' }),
      /not a financial year/,
    ],
  ])('refuses %s with BAD_USER_INPUT and appoints nobody', async (_case, input, message) => {
    const before = await seats().countBy({ bodyId: EXECUTIVE });
    const { errors } = await federation.query(APPOINT, { as: twAdmin, variables: { input } });
    expect(errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(errors![0]!.message).toMatch(message);
    expect(await seats().countBy({ bodyId: EXECUTIVE })).toBe(before);
  });

  it('appoints the vice-chair’s organisation for the next financial year, then refuses a second chair for it', async () => {
    const { data, errors } = await federation.query(APPOINT, {
      as: twAdmin,
      variables: {
        input: next('shropshire-telford-and-wrekin-icb', { postId: await postId('shropshire-telford-and-wrekin-icb', 'Chief Officer, Telford & Wrekin CCG') }),
      },
    });
    expect(errors).toBeUndefined();
    expect(data!.appointChair).toMatchObject({
      role: 'CHAIR',
      organisation: { id: 'shropshire-telford-and-wrekin-icb' },
      startDate: '2027-04-01',
      endDate: '2028-03-31',
    });
    const second = await federation.query(APPOINT, { as: twAdmin, variables: { input: next('shropshire-telford-and-wrekin-icb') } });
    expect(second.errors![0]!.extensions!.code).toBe('CONFLICT');
    expect(second.errors![0]!.message).toMatch(/overlaps/);
    const sameOrganisationVice = await federation.query(APPOINT, {
      as: twAdmin,
      variables: { input: { ...next('shropshire-telford-and-wrekin-icb'), role: 'VICE_CHAIR' } },
    });
    expect(sameOrganisationVice.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(sameOrganisationVice.errors![0]!.message).toMatch(/the vice-chair must come from a different organisation/);
    const compliance = await federation.query(
      `{ body(id: "${EXECUTIVE}") { chair(asOf: "2027-06-01") { organisation { id } } chairCompliance { compliant } } }`,
    );
    expect(compliance.data!.body).toEqual({ chair: { organisation: { id: 'shropshire-telford-and-wrekin-icb' } }, chairCompliance: { compliant: true } });
  });

  it('appoints one chair when two admins appoint different chairs for the same term at once', async () => {
    const body = 'telford-and-wrekin.early-help';
    const results = await Promise.all(
      ['telford-and-wrekin-council', 'west-mercia-police'].map((organisationId) =>
        federation.query(APPOINT, {
          as: twAdmin,
          variables: { input: { bodyId: body, role: 'CHAIR', organisationId, startDate: '2026-04-01', endDate: '2027-03-31' } },
        }),
      ),
    );
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(results.find((r) => r.errors)!.errors![0]!.extensions!.code).toBe('CONFLICT');
    expect(await seats().countBy({ bodyId: body, role: 'CHAIR' })).toBe(1);
  });

  it('refuses an admin of another partnership', async () => {
    const { errors } = await federation.query(APPOINT, {
      as: [grant('partnership-admin', 'solihull')],
      variables: { input: next('shropshire-telford-and-wrekin-icb') },
    });
    expect(errors![0]!.extensions!.code).toBe('FORBIDDEN');
  });
});

describe('recordAttendance', () => {
  const RECORD = `mutation ($input: RecordAttendanceInput!) { recordAttendance(input: $input) { organisation { id } outcome attendedAs apologyReason apologyReasonValid unexplained } }`;
  const MEETING_DATE = '2026-07-14';

  it('records apologies, replacing the earlier record, and the quorum follows', async () => {
    const chief = await seatId(EXECUTIVE, 'shropshire-telford-and-wrekin-icb', 'Chief Officer, Telford & Wrekin CCG');
    const deputy = await seatId(EXECUTIVE, 'shropshire-telford-and-wrekin-icb', 'Deputy Chief Officer, Telford & Wrekin CCG');
    const before = await attendanceRows().countBy({ bodyId: EXECUTIVE, meetingDate: MEETING_DATE });
    const { data, errors } = await federation.query(RECORD, {
      as: twAdmin,
      variables: {
        input: {
          bodyId: EXECUTIVE,
          meetingDate: MEETING_DATE,
          records: [
            { membershipId: chief, outcome: 'APOLOGIES', apologyReason: 'Illness', apologyReasonValid: true },
            { membershipId: deputy, outcome: 'APOLOGIES', apologyReason: 'Another meeting', apologyReasonValid: false },
          ],
        },
      },
    });
    expect(errors).toBeUndefined();
    expect(data!.recordAttendance).toEqual([
      {
        organisation: { id: 'shropshire-telford-and-wrekin-icb' },
        outcome: 'APOLOGIES',
        attendedAs: null,
        apologyReason: 'Illness',
        apologyReasonValid: true,
        unexplained: false,
      },
      {
        organisation: { id: 'shropshire-telford-and-wrekin-icb' },
        outcome: 'APOLOGIES',
        attendedAs: null,
        apologyReason: 'Another meeting',
        apologyReasonValid: false,
        unexplained: true,
      },
    ]);
    expect(await attendanceRows().countBy({ bodyId: EXECUTIVE, meetingDate: MEETING_DATE })).toBe(before);
    const { data: after } = await federation.query(
      `{ body(id: "${EXECUTIVE}") { meetings(from: "${MEETING_DATE}", to: "${MEETING_DATE}") { quorum { quorate missingAgencies { id } } } } }`,
      { as: twAdmin },
    );
    expect(after!.body.meetings[0].quorum).toEqual({ quorate: false, missingAgencies: [{ id: 'shropshire-telford-and-wrekin-icb' }] });
  });

  it.each([
    ['a meeting that has not happened', { meetingDate: '2099-01-01' }, /has not happened yet/],
    ['a seat on another body', { seat: [SCP, 'shropshire-council', 'Virtual Head Teacher'] }, /is not a seat on telford-and-wrekin.executive/],
    ['apologies without saying whether the reason is valid', { record: { outcome: 'APOLOGIES', apologyReason: 'Busy' } }, /apologyReasonValid/],
    ['a reason for someone who attended', { record: { outcome: 'ATTENDED', apologyReason: 'Busy' } }, /APOLOGIES only/],
    ['no records', { records: [] }, /between 1 and 200/],
  ])('refuses %s with BAD_USER_INPUT and records nothing', async (_case, change, message) => {
    const { seat, record, ...rest } = change as { seat?: [string, string, string]; record?: Record<string, unknown> };
    const membershipId = seat ? await seatId(...seat) : await seatId(EXECUTIVE, 'telford-and-wrekin-council', 'Assistant Director Adult Social Services');
    const input = { bodyId: EXECUTIVE, meetingDate: MEETING_DATE, records: [{ membershipId, outcome: 'ABSENT', ...record }], ...rest };
    const before = await attendanceRows().find({ where: { bodyId: EXECUTIVE }, order: { id: 'ASC' } });
    const { errors } = await federation.query(RECORD, { as: twAdmin, variables: { input } });
    expect(errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(errors![0]!.message).toMatch(message);
    expect(await attendanceRows().find({ where: { bodyId: EXECUTIVE }, order: { id: 'ASC' } })).toEqual(before);
  });

  it('refuses a member who is not an admin', async () => {
    const membershipId = await seatId(EXECUTIVE, 'telford-and-wrekin-council', 'Assistant Director Adult Social Services');
    const { errors } = await federation.query(RECORD, {
      as: [grant('member', 'telford-and-wrekin')],
      variables: { input: { bodyId: EXECUTIVE, meetingDate: MEETING_DATE, records: [{ membershipId, outcome: 'ABSENT' }] } },
    });
    expect(errors![0]!.extensions!.code).toBe('FORBIDDEN');
  });
});

describe('addPost', () => {
  const ADD_POST = `mutation ($input: AddPostInput!) { addPost(input: $input) { title organisation { id } } }`;
  it('adds a post once per organisation, whatever its case', async () => {
    const input = { organisationId: 'cafcass', title: 'Service Manager' };
    const { data } = await federation.query(ADD_POST, { as: twAdmin, variables: { input } });
    expect(data!.addPost).toEqual({ title: 'Service Manager', organisation: { id: 'cafcass' } });
    const again = await federation.query(ADD_POST, { as: twAdmin, variables: { input: { ...input, title: 'SERVICE MANAGER' } } });
    expect(again.errors![0]!.extensions!.code).toBe('CONFLICT');
    const anonymous = await federation.query(ADD_POST, { variables: { input: { ...input, title: 'Other' } } });
    expect(anonymous.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
  });
});
