import { grant, startTestFederation, type TestFederation } from '@safeguarding/testkit';
import { AttendanceEntity, MembershipEntity } from '../entities';

/**
 * Chair appointments kept honest: appointChair checks every part of the body's chair rule and its
 * refusal quotes the rule; a wrongly recorded appointment is corrected (re-checked) or withdrawn.
 */
let federation: TestFederation;
beforeAll(async () => {
  federation = await startTestFederation({ only: ['arrangements', 'membership'] });
});
afterAll(async () => {
  await federation?.stop();
});

const EXECUTIVE = 'telford-and-wrekin.executive';
const SCP = 'shropshire.safeguarding-children-partnership';
const twAdmin = [grant('partnership-admin', 'telford-and-wrekin')];
const shAdmin = [grant('partnership-admin', 'shropshire')];
const seats = () => federation.dataSources.membership!.getRepository(MembershipEntity);
const APPOINT = `mutation ($input: AppointChairInput!) { appointChair(input: $input) { id version role organisation { id } startDate endDate } }`;
const CORRECT = `mutation ($id: ID!, $expectedVersion: Int!, $input: CorrectChairAppointmentInput!) {
  correctChairAppointment(id: $id, expectedVersion: $expectedVersion, input: $input) { id version role organisation { id } post { title } startDate endDate }
}`;
const WITHDRAW = `mutation ($id: ID!, $expectedVersion: Int!) { withdrawChairAppointment(id: $id, expectedVersion: $expectedVersion) { id role organisation { id } startDate endDate } }`;
/** The body's chair seats as stored: a refused call must leave them exactly as they were. */
const chairSeats = async (bodyId: string) =>
  JSON.stringify((await seats().findBy({ bodyId })).filter((s) => s.role === 'CHAIR' || s.role === 'VICE_CHAIR').sort((a, b) => a.id.localeCompare(b.id)));

const EXECUTIVE_QUOTE =
  '"An annual appointment (financial year) from the statutory partners. The chair cannot be from the same statutory partner on consecutive years.';
const EXECUTIVE_SOURCE = '(003_b1549964c7b91fcb.txt, Appendix A – Terms of Reference: Safeguarding Partnership Executive, Chair)';
const SCP_QUOTE = '"The meeting will be chaired by a DSP Lead on an 18-month rotational basis';

describe('appointChair checks every part of the rule and quotes it', () => {
  const executive = (organisationId: string, change: Record<string, unknown> = {}) => ({
    bodyId: EXECUTIVE,
    role: 'CHAIR',
    organisationId,
    startDate: '2027-04-01',
    endDate: '2028-03-31',
    ...change,
  });
  const scp = (organisationId: string, change: Record<string, unknown> = {}) => ({
    bodyId: SCP,
    role: 'CHAIR',
    organisationId,
    startDate: '2026-04-01',
    endDate: '2027-09-30',
    ...change,
  });

  it.each([
    // Telford & Wrekin Executive (003 App. A): 2026-27 is the police chair with the ICB vice-chair.
    [
      'who is eligible: a chair who is not a statutory partner',
      twAdmin,
      executive('telford-college'),
      EXECUTIVE_QUOTE,
      /statutory \(lead safeguarding\) partners/,
    ],
    [
      'who is eligible: a vice-chair who would succeed but could not chair',
      twAdmin,
      executive('telford-college', { role: 'VICE_CHAIR' }),
      EXECUTIVE_QUOTE,
      /vice-chair succeeds the chair, so must come from/,
    ],
    ['the rotation: the same partner two years running', twAdmin, executive('west-mercia-police'), EXECUTIVE_QUOTE, /straight after its own previous term/],
    [
      'the rotation: not the vice-chair who should succeed',
      twAdmin,
      executive('telford-and-wrekin-council'),
      EXECUTIVE_QUOTE,
      /the vice-chair succeeds the chair/,
    ],
    [
      'alignment: a term that is not a financial year',
      twAdmin,
      executive('shropshire-telford-and-wrekin-icb', { startDate: '2027-05-01', endDate: '2028-04-30' }),
      EXECUTIVE_QUOTE,
      /not a financial year/,
    ],
    [
      'length: a term without an end where the rule sets one',
      twAdmin,
      executive('shropshire-telford-and-wrekin-icb', { endDate: null }),
      EXECUTIVE_QUOTE,
      /has no fixed dates; the rule sets a 12-month term/,
    ],
    // Shropshire Safeguarding Children Partnership (001): a DSP lead, 18 months, rotating. Shropshire Council chairs to 2026-03-31.
    [
      'length: a 19-month term where the rule says 18',
      shAdmin,
      scp('shropshire-telford-and-wrekin-icb', { endDate: '2027-10-31' }),
      SCP_QUOTE,
      /longer than 18 months/,
    ],
    ['the rotation: the same DSP straight after its own term', shAdmin, scp('shropshire-council'), SCP_QUOTE, /must rotate to another organisation/],
    ['who is eligible: a chair who is not a DSP', shAdmin, scp('shropshire-fire-and-rescue-service'), SCP_QUOTE, /Delegated Safeguarding Partners/],
  ])('refuses %s with BAD_USER_INPUT, quoting the rule, and appoints nobody', async (_case, as, input, quote, breach) => {
    const before = await chairSeats(input.bodyId);
    const { errors } = await federation.query(APPOINT, { as, variables: { input } });
    expect(errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(errors![0]!.message).toContain(`The rule: ${quote}`);
    expect(errors![0]!.message).toMatch(breach);
    expect(await chairSeats(input.bodyId)).toBe(before);
  });

  it("quotes the rule's source too", async () => {
    const { errors } = await federation.query(APPOINT, { as: twAdmin, variables: { input: executive('west-mercia-police') } });
    expect(errors![0]!.message).toContain(EXECUTIVE_SOURCE);
  });

  it('refuses a chair who is no longer a Delegated Safeguarding Partner on the day the term begins', async () => {
    // The ICB's DSP designation ends before the term; its chair from then is refused (designations have terms).
    const dsp = (
      await federation.query(`{ partnership(slug: "shropshire") { designations(kind: DELEGATED_SAFEGUARDING_PARTNER) { id version organisation { id } } } }`)
    ).data!.partnership.designations.find((d: { organisation: { id: string } }) => d.organisation.id === 'shropshire-telford-and-wrekin-icb');
    const ended = await federation.query(`mutation ($id: ID!, $v: Int!) { endDesignation(id: $id, expectedVersion: $v, endDate: "2026-03-31") { endDate } }`, {
      as: shAdmin,
      variables: { id: dsp.id, v: dsp.version },
    });
    expect(ended.errors).toBeUndefined();
    const { errors } = await federation.query(APPOINT, { as: shAdmin, variables: { input: scp('shropshire-telford-and-wrekin-icb') } });
    expect(errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(errors![0]!.message).toMatch(/Delegated Safeguarding Partners/);
    // West Mercia Police is still a DSP then: its 18-month term is accepted.
    const accepted = await federation.query(APPOINT, { as: shAdmin, variables: { input: scp('west-mercia-police') } });
    expect(accepted.errors).toBeUndefined();
    expect(accepted.data!.appointChair).toMatchObject({
      version: 1,
      organisation: { id: 'west-mercia-police' },
      startDate: '2026-04-01',
      endDate: '2027-09-30',
    });
  });
});

describe('correctChairAppointment', () => {
  let appointment: { id: string; version: number };
  beforeAll(async () => {
    const { data, errors } = await federation.query(APPOINT, {
      as: twAdmin,
      variables: {
        input: { bodyId: EXECUTIVE, role: 'CHAIR', organisationId: 'shropshire-telford-and-wrekin-icb', startDate: '2027-04-01', endDate: '2028-03-31' },
      },
    });
    expect(errors).toBeUndefined();
    appointment = data!.appointChair;
  });

  it('refuses a correction that breaks the rule, quoting it, and changes nothing', async () => {
    const before = await chairSeats(EXECUTIVE);
    const { errors } = await federation.query(CORRECT, {
      as: twAdmin,
      variables: { id: appointment.id, expectedVersion: 1, input: { organisationId: 'west-mercia-police' } },
    });
    expect(errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(errors![0]!.message).toContain(`The rule: ${EXECUTIVE_QUOTE}`);
    expect(errors![0]!.message).toMatch(/straight after its own previous term/);
    const notFinancialYear = await federation.query(CORRECT, {
      as: twAdmin,
      variables: { id: appointment.id, expectedVersion: 1, input: { endDate: '2028-02-29' } },
    });
    expect(notFinancialYear.errors![0]!.message).toMatch(/not a financial year/);
    const inOrder = await federation.query(CORRECT, { as: twAdmin, variables: { id: appointment.id, expectedVersion: 1, input: { endDate: '2027-01-01' } } });
    expect(inOrder.errors![0]!.extensions!.field).toBe('endDate');
    const nothing = await federation.query(CORRECT, { as: twAdmin, variables: { id: appointment.id, expectedVersion: 1, input: {} } });
    expect(nothing.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(await chairSeats(EXECUTIVE)).toBe(before);
  });

  it('refuses an admin of another partnership (FORBIDDEN) and a seat that is not a chair', async () => {
    const before = await chairSeats(EXECUTIVE);
    const forbidden = await federation.query(CORRECT, { as: shAdmin, variables: { id: appointment.id, expectedVersion: 1, input: { postId: null } } });
    expect(forbidden.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    const member = await seats().findOneByOrFail({ bodyId: EXECUTIVE, role: 'MEMBER' });
    const notChair = await federation.query(CORRECT, { as: twAdmin, variables: { id: member.id, expectedVersion: 1, input: { postId: null } } });
    expect(notChair.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(await chairSeats(EXECUTIVE)).toBe(before);
  });

  it('corrects the post in place; two corrections with the same version: exactly one wins, the stale one is CONFLICT', async () => {
    const posts = (await federation.query(`{ organisation(id: "shropshire-telford-and-wrekin-icb") { posts { id title } } }`)).data!.organisation.posts as {
      id: string;
      title: string;
    }[];
    const results = await Promise.all(
      posts
        .slice(0, 2)
        .map((post) => federation.query(CORRECT, { as: twAdmin, variables: { id: appointment.id, expectedVersion: 1, input: { postId: post.id } } })),
    );
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(results.find((r) => r.errors)!.errors![0]!.extensions!.code).toBe('CONFLICT');
    const winner = results.find((r) => !r.errors)!.data!.correctChairAppointment;
    expect(winner).toMatchObject({
      id: appointment.id,
      version: 2,
      organisation: { id: 'shropshire-telford-and-wrekin-icb' },
      startDate: '2027-04-01',
      endDate: '2028-03-31',
    });
    expect(posts.map((p) => p.title)).toContain(winner.post.title);
  });
});

describe('withdrawChairAppointment', () => {
  it('removes an appointment recorded in error; a stale version is CONFLICT and changes nothing', async () => {
    const { data } = await federation.query(APPOINT, {
      as: twAdmin,
      variables: {
        input: {
          bodyId: 'telford-and-wrekin.early-help',
          role: 'CHAIR',
          organisationId: 'telford-and-wrekin-council',
          startDate: '2030-04-01',
          endDate: '2031-03-31',
        },
      },
    });
    const id = data!.appointChair.id;
    const before = await chairSeats('telford-and-wrekin.early-help');
    const stale = await federation.query(WITHDRAW, { as: twAdmin, variables: { id, expectedVersion: 2 } });
    expect(stale.errors![0]!.extensions!.code).toBe('CONFLICT');
    const forbidden = await federation.query(WITHDRAW, { as: shAdmin, variables: { id, expectedVersion: 1 } });
    expect(forbidden.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect(await chairSeats('telford-and-wrekin.early-help')).toBe(before);
    const results = await Promise.all([1, 2].map(() => federation.query(WITHDRAW, { as: twAdmin, variables: { id, expectedVersion: 1 } })));
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(results.filter((r) => !r.errors)[0]!.data!.withdrawChairAppointment).toEqual({
      id,
      role: 'CHAIR',
      organisation: { id: 'telford-and-wrekin-council' },
      startDate: '2030-04-01',
      endDate: '2031-03-31',
    });
    expect(['CONFLICT', 'NOT_FOUND']).toContain(results.find((r) => r.errors)!.errors![0]!.extensions!.code);
    expect(await seats().findOneBy({ id })).toBeNull();
    const history = await federation.query(`{ body(id: "telford-and-wrekin.early-help") { chairAppointments { id } } }`);
    expect(history.data!.body.chairAppointments.map((a: { id: string }) => a.id)).not.toContain(id);
  });

  it('refuses to withdraw a chair whose attendance was recorded: it was not recorded in error', async () => {
    // The 2025-26 chair attended a meeting (recorded as an import would, straight into the table).
    const chairSeat = await seats().findOneByOrFail({ bodyId: EXECUTIVE, role: 'CHAIR', startDate: '2025-04-01' });
    await federation.dataSources.membership!.getRepository(AttendanceEntity).insert({
      bodyId: EXECUTIVE,
      meetingDate: '2025-07-15',
      meetingId: null,
      membershipId: chairSeat.id,
      outcome: 'ATTENDED',
      attendedAs: 'MEMBER',
      apologyReason: null,
      apologyReasonValid: null,
      source: null,
    });
    const before = await chairSeats(EXECUTIVE);
    const { errors } = await federation.query(WITHDRAW, { as: twAdmin, variables: { id: chairSeat.id, expectedVersion: chairSeat.version } });
    expect(errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(errors![0]!.message).toMatch(/end it with endMembership/);
    expect(await chairSeats(EXECUTIVE)).toBe(before);
  });
});
