import { MeetingEntity } from '../entities';
import { generateMeetings } from '../seed/meetings';
import { bodies } from './seeded-packs';
import { projectExpectedMeetings } from '../rules/expected-meetings';
import { todayInEngland } from '@safeguarding/subgraph-runtime';
import { grant, startTestFederation, type TestFederation } from '@safeguarding/testkit';

/** Meetings, their paperwork clock and cadence, through the gateway. */
let federation: TestFederation;
beforeAll(async () => {
  federation = await startTestFederation({ only: ['arrangements', 'membership'] });
});
afterAll(async () => {
  await federation?.stop();
});

const seeded = generateMeetings(bodies);
const meetings = () => federation.dataSources.arrangements!.getRepository(MeetingEntity);

it('gives the Telford & Wrekin Executive its meetings with the paperwork clock', async () => {
  const { data, errors } = await federation.query(`{
    body(id: "telford-and-wrekin.executive") {
      meetings(from: "2025-04-01", to: "2026-03-31") { date status source { synthetic } paperwork { papersDueOn draftActionNotesDueOn amendmentRequestsCloseOn stage(asOf: "2026-11-01") } }
    }
  }`);
  expect(errors).toBeUndefined();
  const expected = seeded.filter((m) => m.bodyId === 'telford-and-wrekin.executive' && m.meetingDate >= '2025-04-01' && m.meetingDate <= '2026-03-31');
  expect(data!.body.meetings.map((m: { date: string }) => m.date)).toEqual(expected.map((m) => m.meetingDate));
  expect(data!.body.meetings).toHaveLength(4);
  const [first] = data!.body.meetings;
  expect(first.source.synthetic).toBe(true);
  expect(first.paperwork.stage).toBe('NOTES_ARE_RECORD');
  const meetingDay = new Date(`${first.date}T00:00:00Z`);
  const shift = (days: number) => new Date(meetingDay.getTime() + days * 86400000).toISOString().slice(0, 10);
  expect(first.paperwork).toMatchObject({ papersDueOn: shift(-7), draftActionNotesDueOn: shift(7), amendmentRequestsCloseOn: shift(14) });
});

it('says when a body states no paperwork rule and the platform default applies', async () => {
  const { data } = await federation.query(`{
    default: body(id: "shropshire.dsp-executive") { meetings { paperwork { statedForThisBody source { document } } } }
    stated: body(id: "telford-and-wrekin.executive") { meetings { paperwork { statedForThisBody source { document } } } }
  }`);
  expect(data!.default.meetings.length).toBeGreaterThan(0);
  expect(data!.default.meetings[0].paperwork).toEqual({ statedForThisBody: false, source: { document: 'platform default' } });
  expect(data!.stated.meetings[0].paperwork).toEqual({ statedForThisBody: true, source: { document: '003_b1549964c7b91fcb.txt' } });
});

it('checks cadence against the seeded meetings', async () => {
  const body = 'shropshire.childrens-case-review-group';
  const held = seeded.filter((m) => m.bodyId === body && m.status === 'HELD' && m.meetingDate >= '2024-04-01' && m.meetingDate <= '2025-03-31').length;
  const { data } = await federation.query(
    `{ body(id: "${body}") { missedCadence(from: "2024-04-01", to: "2025-03-31") { expectedMeetings heldMeetings shortfall missed rule { meetingsPerYear } } } }`,
  );
  expect(data!.body.missedCadence).toEqual({
    expectedMeetings: 12,
    heldMeetings: held,
    shortfall: Math.max(0, 12 - held),
    missed: held < 12,
    rule: { meetingsPerYear: 12 },
  });
});

it('refuses a backwards period', async () => {
  const { errors } = await federation.query(`{ body(id: "telford-and-wrekin.executive") { missedCadence(from: "2025-01-01", to: "2024-01-01") { missed } } }`);
  expect(errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
});

it('judges a period running beyond today only up to today', async () => {
  const today = todayInEngland();
  const { data, errors } = await federation.query(
    `{ body(id: "telford-and-wrekin.executive") { missedCadence(from: "2026-10-13", to: "2099-12-31") { from to } } }`,
  );
  expect(errors).toBeUndefined();
  expect(data!.body.missedCadence).toEqual({ from: '2026-10-13', to: today });
});

describe('expected meetings', () => {
  const FORUM = 'joint.lsp-forum';
  const QUERY = `query ($id: ID!, $from: Date, $to: Date, $limit: Int) { body(id: $id) {
    upcomingMeetings { id date status }
    expectedMeetings(from: $from, to: $to, limit: $limit) { date projectedFrom basis rule { meetingsPerYear period } body { id name } }
  } }`;

  it("shows the joint forum's next expected meetings on any date, apart from its scheduled ones", async () => {
    const today = todayInEngland();
    const rule = bodies.find((body) => body.id === FORUM)!.meetingFrequency!;
    const seededForum = seeded.filter((m) => m.bodyId === FORUM).map((m) => ({ date: m.meetingDate, status: m.status }));
    const { data, errors } = await federation.query(QUERY, { variables: { id: FORUM, limit: 2 } });
    expect(errors).toBeUndefined();
    const expected = data!.body.expectedMeetings;
    expect(expected).toHaveLength(2);
    expect(expected.map((m: { date: string }) => m.date)).toEqual(projectExpectedMeetings(rule, seededForum, { today, limit: 2 }).map((m) => m.date));
    expect(expected[0]).toMatchObject({ rule: { meetingsPerYear: 2, period: 'CALENDAR_YEAR' }, body: { id: FORUM } });
    // The seed's last forum meeting is 2026-10-13 (seed/meetings.ts), so from December 2026 the
    // next is expected six months on; later runs project from the same anchor past today.
    const lastOrdinary = seededForum.filter((m) => m.status !== 'CANCELLED').at(-1)!.date;
    expect(expected[0].projectedFrom).toBe(lastOrdinary);
    expect(expected[0].basis).toMatch(new RegExp(`^twice yearly \\(2 a calendar year\\): \\d+ months after the meeting on ${lastOrdinary}$`));
    for (const m of expected) expect(m.date >= today).toBe(true);
    const scheduledDates = new Set(data!.body.upcomingMeetings.map((m: { date: string }) => m.date));
    for (const m of expected) expect(scheduledDates.has(m.date)).toBe(false);
  });

  it('keeps to a window, and is null for a body with no frequency', async () => {
    const all = await federation.query(QUERY, { variables: { id: FORUM, limit: 4 } });
    const [, second, third] = all.data!.body.expectedMeetings.map((m: { date: string }) => m.date);
    const window = await federation.query(QUERY, { variables: { id: FORUM, from: second, to: third, limit: 50 } });
    expect(window.data!.body.expectedMeetings.map((m: { date: string }) => m.date)).toEqual([second, third]);
    const noFrequency = bodies.find((body) => !body.meetingFrequency)!;
    const none = await federation.query(QUERY, { variables: { id: noFrequency.id } });
    expect(none.errors).toBeUndefined();
    expect(none.data!.body.expectedMeetings).toBeNull();
  });

  it('refuses a limit out of range and a backwards window', async () => {
    const tooMany = await federation.query(QUERY, { variables: { id: FORUM, limit: 51 } });
    expect(tooMany.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    const backwards = await federation.query(QUERY, { variables: { id: FORUM, from: '2028-01-01', to: '2027-01-01' } });
    expect(backwards.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
  });
});

describe('scheduling and recording meetings', () => {
  const admin = [grant('partnership-admin', 'telford-and-wrekin')];
  const SCHEDULE = `mutation ($bodyId: ID!, $input: ScheduleMeetingInput!) { scheduleMeeting(bodyId: $bodyId, input: $input) { id date status version body { id } } }`;

  it('refuses a caller who is not the partnership admin, and adds nothing', async () => {
    const before = await meetings().count();
    const refusals = [
      { as: undefined, code: 'UNAUTHENTICATED' },
      { as: [grant('analyst')], code: 'FORBIDDEN' },
      { as: [grant('partnership-admin', 'shropshire')], code: 'FORBIDDEN' },
    ];
    for (const { as, code } of refusals) {
      const { errors } = await federation.query(SCHEDULE, { as, variables: { bodyId: 'telford-and-wrekin.executive', input: { date: '2027-06-08' } } });
      expect(errors![0]!.extensions!.code).toBe(code);
    }
    expect(await meetings().count()).toBe(before);
  });

  it.each([
    ['a malformed time', { date: '2027-06-08', startTime: '25:00' }, /not a time/],
    ['a date after the body ceased', { date: '2025-01-14' }, /ceased/],
  ])('refuses %s with BAD_USER_INPUT and adds nothing', async (_case, input, message) => {
    const bodyId = _case.includes('ceased') ? 'shropshire.child-safeguarding-and-protection-practice-oversight-group' : 'telford-and-wrekin.executive';
    const as = _case.includes('ceased') ? [grant('partnership-admin', 'shropshire')] : admin;
    const before = await meetings().count();
    const { errors } = await federation.query(SCHEDULE, { as, variables: { bodyId, input } });
    expect(errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(errors![0]!.message).toMatch(message);
    expect(await meetings().count()).toBe(before);
  });

  it('schedules, then records one of two racing status changes', async () => {
    const { data } = await federation.query(SCHEDULE, {
      as: admin,
      variables: { bodyId: 'telford-and-wrekin.executive', input: { date: '2025-06-10', startTime: '10:00' } },
    });
    const meeting = data!.scheduleMeeting;
    expect(meeting).toMatchObject({ date: '2025-06-10', status: 'SCHEDULED', version: 1, body: { id: 'telford-and-wrekin.executive' } });
    const SET = `mutation ($id: ID!, $status: MeetingStatus!) { setMeetingStatus(id: $id, expectedVersion: 1, status: $status) { status version } }`;
    const results = await Promise.all(['HELD', 'CANCELLED'].map((status) => federation.query(SET, { as: admin, variables: { id: meeting.id, status } })));
    const winner = results.find((r) => !r.errors)!;
    const loser = results.find((r) => r.errors)!;
    expect(loser.errors![0]!.extensions!.code).toBe('CONFLICT');
    const stored = await meetings().findOneByOrFail({ id: meeting.id });
    expect(stored.status).toBe(winner.data!.setMeetingStatus.status);
    expect(stored.version).toBe(2);
  });

  it('resolves a meeting by id, and null for an unknown one', async () => {
    const [one] = await meetings().find({ take: 1 });
    const { data } = await federation.query(
      `query ($id: ID!) { meeting(id: $id) { id body { name } } unknown: meeting(id: "00000000-0000-0000-0000-000000000000") { id } }`,
      {
        variables: { id: one!.id },
      },
    );
    expect(data!.meeting.id).toBe(one!.id);
    expect(data!.unknown).toBeNull();
  });
});
