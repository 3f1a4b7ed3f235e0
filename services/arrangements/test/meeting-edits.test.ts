import { Not } from 'typeorm';
import { isUniqueViolation, todayInEngland } from '@safeguarding/subgraph-runtime';
import { grant, startTestFederation, type TestFederation } from '@safeguarding/testkit';
import { MeetingEntity } from '../entities';

/**
 * Meetings as a system of record, through the gateway: the forum secretariat schedules the joint
 * forum's own meetings, one ordinary meeting of a body a day (extraordinary ones may share), and
 * rescheduling keeps the date a meeting moved from.
 */
let federation: TestFederation;
beforeAll(async () => {
  federation = await startTestFederation({ only: ['arrangements'] });
});
afterAll(async () => {
  await federation?.stop();
});

const FORUM = 'joint.lsp-forum';
const EXECUTIVE = 'telford-and-wrekin.executive';
const secretariat = [grant('forum-secretariat')];
const admin = [grant('partnership-admin', 'telford-and-wrekin')];
const meetings = () => federation.dataSources.arrangements!.getRepository(MeetingEntity);

const MEETING_FIELDS = 'id date status extraordinary version viewerCanEdit rescheduledFrom reschedules { from to reason recordedOn recordedBy } body { id }';
const SCHEDULE = `mutation ($bodyId: ID!, $input: ScheduleMeetingInput!) { scheduleMeeting(bodyId: $bodyId, input: $input) { ${MEETING_FIELDS} } }`;
const SET_STATUS = `mutation ($id: ID!, $expectedVersion: Int!, $status: MeetingStatus!) { setMeetingStatus(id: $id, expectedVersion: $expectedVersion, status: $status) { ${MEETING_FIELDS} } }`;
const RESCHEDULE = `mutation ($id: ID!, $expectedVersion: Int!, $date: Date!, $reason: String!) {
  rescheduleMeeting(id: $id, expectedVersion: $expectedVersion, date: $date, reason: $reason) { ${MEETING_FIELDS} }
}`;

const today = todayInEngland;

async function schedule(bodyId: string, input: Record<string, unknown>, as = admin) {
  const { data, errors } = await federation.query(SCHEDULE, { as, variables: { bodyId, input } });
  expect(errors).toBeUndefined();
  return data!.scheduleMeeting as { id: string; date: string; version: number; extraordinary: boolean };
}

/** A seeded ordinary meeting of the body that holds its day (scheduled or held). */
async function seededMeetingOf(bodyId: string) {
  return meetings().findOneOrFail({ where: { bodyId, status: Not('CANCELLED'), extraordinary: false }, order: { meetingDate: 'ASC' } });
}

describe('the joint forum secretariat and the forum’s own meetings', () => {
  it('schedules, reschedules and cancels a forum meeting, and is told it may in advance', async () => {
    const meeting = await schedule(FORUM, { date: '2027-05-11', startTime: '10:00', location: 'Shirehall, Shrewsbury' }, secretariat);
    expect(meeting).toMatchObject({ date: '2027-05-11', status: 'SCHEDULED', extraordinary: false, version: 1, viewerCanEdit: true, body: { id: FORUM } });

    const moved = await federation.query(RESCHEDULE, {
      as: secretariat,
      variables: { id: meeting.id, expectedVersion: 1, date: '2027-05-18', reason: 'The police lead cannot attend on the 11th' },
    });
    expect(moved.errors).toBeUndefined();
    expect(moved.data!.rescheduleMeeting).toMatchObject({ date: '2027-05-18', version: 2, rescheduledFrom: '2027-05-11' });

    const cancelled = await federation.query(SET_STATUS, { as: secretariat, variables: { id: meeting.id, expectedVersion: 2, status: 'CANCELLED' } });
    expect(cancelled.errors).toBeUndefined();
    expect(cancelled.data!.setMeetingStatus).toMatchObject({ status: 'CANCELLED', version: 3 });
    expect(await meetings().findOneByOrFail({ id: meeting.id })).toMatchObject({ meetingDate: '2027-05-18', status: 'CANCELLED', version: 3 });
  });

  it("still lets the forum's partnerships' admins schedule it, and says who may edit each meeting", async () => {
    const meeting = await schedule(FORUM, { date: '2027-06-08' }, [grant('partnership-admin', 'shropshire')]);
    const { data } = await federation.query(`query ($id: ID!) { meeting(id: $id) { viewerCanEdit } }`, { as: secretariat, variables: { id: meeting.id } });
    expect(data!.meeting.viewerCanEdit).toBe(true);
    const executiveMeeting = await seededMeetingOf(EXECUTIVE);
    const other = await federation.query(`query ($id: ID!) { meeting(id: $id) { viewerCanEdit } }`, {
      as: secretariat,
      variables: { id: executiveMeeting.id },
    });
    expect(other.data!.meeting.viewerCanEdit).toBe(false);
  });

  it("refuses the secretariat any other body's meetings, and Solihull's admin the forum's, changing nothing", async () => {
    const executiveMeeting = await seededMeetingOf(EXECUTIVE);
    const before = await meetings().count();
    const refusals = [
      { as: secretariat, document: SCHEDULE, variables: { bodyId: EXECUTIVE, input: { date: '2027-07-13' } } },
      { as: secretariat, document: SET_STATUS, variables: { id: executiveMeeting.id, expectedVersion: executiveMeeting.version, status: 'CANCELLED' } },
      {
        as: secretariat,
        document: RESCHEDULE,
        variables: { id: executiveMeeting.id, expectedVersion: executiveMeeting.version, date: '2027-07-14', reason: 'Moved' },
      },
      { as: [grant('partnership-admin', 'solihull')], document: SCHEDULE, variables: { bodyId: FORUM, input: { date: '2027-07-13' } } },
      { as: [grant('analyst')], document: SCHEDULE, variables: { bodyId: FORUM, input: { date: '2027-07-13' } } },
    ];
    for (const { as, document, variables } of refusals) {
      const { errors } = await federation.query(document, { as, variables });
      expect(errors![0]!.extensions!.code).toBe('FORBIDDEN');
    }
    expect(await meetings().count()).toBe(before);
    expect(await meetings().findOneByOrFail({ id: executiveMeeting.id })).toEqual(executiveMeeting);
  });
});

describe('one ordinary meeting of a body a day', () => {
  it('refuses a second ordinary meeting on a day with CONFLICT naming the meeting there, and adds nothing', async () => {
    const existing = await seededMeetingOf(EXECUTIVE);
    const before = await meetings().count();
    const { errors } = await federation.query(SCHEDULE, { as: admin, variables: { bodyId: EXECUTIVE, input: { date: existing.meetingDate } } });
    expect(errors![0]!.extensions!.code).toBe('CONFLICT');
    expect(errors![0]!.message).toContain(existing.id);
    expect(errors![0]!.message).toMatch(/extraordinary/);
    expect(await meetings().count()).toBe(before);
  });

  it('accepts an extraordinary meeting on that day, and says it is extraordinary', async () => {
    const existing = await seededMeetingOf(EXECUTIVE);
    const meeting = await schedule(EXECUTIVE, { date: existing.meetingDate, extraordinary: true, startTime: '15:00' });
    expect(meeting).toMatchObject({ date: existing.meetingDate, extraordinary: true });
    expect(await meetings().countBy({ bodyId: EXECUTIVE, meetingDate: existing.meetingDate })).toBe(2);
  });

  it('frees the day of a cancelled meeting, and refuses to restore it once another meeting holds the day', async () => {
    const first = await schedule(EXECUTIVE, { date: '2027-08-10' });
    const cancelled = await federation.query(SET_STATUS, { as: admin, variables: { id: first.id, expectedVersion: 1, status: 'CANCELLED' } });
    expect(cancelled.errors).toBeUndefined();
    const second = await schedule(EXECUTIVE, { date: '2027-08-10' });
    const restored = await federation.query(SET_STATUS, { as: admin, variables: { id: first.id, expectedVersion: 2, status: 'SCHEDULED' } });
    expect(restored.errors![0]!.extensions!.code).toBe('CONFLICT');
    expect(restored.errors![0]!.message).toContain(second.id);
    expect(await meetings().findOneByOrFail({ id: first.id })).toMatchObject({ status: 'CANCELLED', version: 2 });
  });

  it('lets exactly one of two writers scheduling the body on the same day win', async () => {
    const date = '2027-09-14';
    const results = await Promise.all(
      ['10:00', '14:00', '09:30'].map((startTime) => federation.query(SCHEDULE, { as: admin, variables: { bodyId: EXECUTIVE, input: { date, startTime } } })),
    );
    const winners = results.filter((result) => !result.errors);
    const losers = results.filter((result) => result.errors);
    expect(winners).toHaveLength(1);
    expect(losers.map((loser) => loser.errors![0]!.extensions!.code)).toEqual(['CONFLICT', 'CONFLICT']);
    for (const loser of losers) expect(loser.errors![0]!.message).toContain(winners[0]!.data!.scheduleMeeting.id);
    expect(await meetings().countBy({ bodyId: EXECUTIVE, meetingDate: date })).toBe(1);
  });

  it('is kept by the database too: a second ordinary row on a held day fails the unique index, an extraordinary one does not', async () => {
    const existing = await seededMeetingOf(EXECUTIVE);
    const row = { bodyId: EXECUTIVE, meetingDate: existing.meetingDate, status: 'SCHEDULED' as const, source: { document: 'test', section: 'test' } };
    const failure = await meetings()
      .insert({ ...row, extraordinary: false })
      .then(
        () => null,
        (error: unknown) => error,
      );
    expect(isUniqueViolation(failure)).toBe(true);
    await expect(meetings().insert({ ...row, extraordinary: true })).resolves.toBeDefined();
    await expect(meetings().insert({ ...row, extraordinary: false, status: 'CANCELLED' })).resolves.toBeDefined();
  });

  it('lets exactly one of two meetings rescheduled onto the same free day have it', async () => {
    const [a, b] = [await schedule(EXECUTIVE, { date: '2027-10-12' }), await schedule(EXECUTIVE, { date: '2027-10-19' })];
    const results = await Promise.all(
      [a, b].map((meeting) =>
        federation.query(RESCHEDULE, { as: admin, variables: { id: meeting.id, expectedVersion: 1, date: '2027-10-26', reason: 'Half term' } }),
      ),
    );
    expect(results.filter((result) => !result.errors)).toHaveLength(1);
    expect(results.find((result) => result.errors)!.errors![0]!.extensions!.code).toBe('CONFLICT');
    expect(await meetings().countBy({ bodyId: EXECUTIVE, meetingDate: '2027-10-26' })).toBe(1);
  });
});

describe('rescheduling a meeting', () => {
  it('moves it, keeping every date it left with the reason, who and when', async () => {
    const meeting = await schedule(EXECUTIVE, { date: '2027-11-09' });
    const first = await federation.query(RESCHEDULE, {
      as: admin,
      variables: { id: meeting.id, expectedVersion: 1, date: '2027-11-16', reason: '  Room unavailable  ' },
    });
    expect(first.errors).toBeUndefined();
    const second = await federation.query(RESCHEDULE, {
      as: admin,
      variables: { id: meeting.id, expectedVersion: 2, date: '2027-11-23', reason: 'Chair on leave' },
    });
    expect(second.errors).toBeUndefined();
    expect(second.data!.rescheduleMeeting).toMatchObject({
      date: '2027-11-23',
      version: 3,
      rescheduledFrom: '2027-11-16',
      reschedules: [
        { from: '2027-11-09', to: '2027-11-16', reason: 'Room unavailable', recordedOn: today(), recordedBy: 'test-user' },
        { from: '2027-11-16', to: '2027-11-23', reason: 'Chair on leave', recordedOn: today(), recordedBy: 'test-user' },
      ],
    });
    const { data } = await federation.query(`{ body(id: "${EXECUTIVE}") { meetings(from: "2027-11-01", to: "2027-11-30") { id date } } }`);
    expect(data!.body.meetings).toEqual([{ id: meeting.id, date: '2027-11-23' }]);
  });

  it('lets one of two writers with the same version move it; the other gets CONFLICT', async () => {
    const meeting = await schedule(EXECUTIVE, { date: '2027-12-07' });
    const results = await Promise.all(
      ['2027-12-14', '2027-12-21'].map((date) =>
        federation.query(RESCHEDULE, { as: admin, variables: { id: meeting.id, expectedVersion: 1, date, reason: 'Clash with Christmas events' } }),
      ),
    );
    const winner = results.find((result) => !result.errors)!;
    expect(results.find((result) => result.errors)!.errors![0]!.extensions!.code).toBe('CONFLICT');
    const stored = await meetings().findOneByOrFail({ id: meeting.id });
    expect(stored).toMatchObject({ meetingDate: winner.data!.rescheduleMeeting.date, version: 2 });
    expect(stored.reschedules).toHaveLength(1);
  });

  it('refuses a stale version with CONFLICT, changing nothing', async () => {
    const meeting = await schedule(EXECUTIVE, { date: '2028-01-11' });
    const { errors } = await federation.query(RESCHEDULE, {
      as: admin,
      variables: { id: meeting.id, expectedVersion: 7, date: '2028-01-18', reason: 'Moved' },
    });
    expect(errors![0]!.extensions!.code).toBe('CONFLICT');
    expect(await meetings().findOneByOrFail({ id: meeting.id })).toMatchObject({ meetingDate: '2028-01-11', version: 1, reschedules: [] });
  });

  it('refuses a day another ordinary meeting holds with CONFLICT naming it, unless the meeting moved is extraordinary', async () => {
    const holder = await seededMeetingOf(EXECUTIVE);
    const ordinary = await schedule(EXECUTIVE, { date: '2028-02-08' });
    const refused = await federation.query(RESCHEDULE, {
      as: admin,
      variables: { id: ordinary.id, expectedVersion: 1, date: holder.meetingDate, reason: 'Combine' },
    });
    expect(refused.errors![0]!.extensions!.code).toBe('CONFLICT');
    expect(refused.errors![0]!.message).toContain(holder.id);
    expect(await meetings().findOneByOrFail({ id: ordinary.id })).toMatchObject({ meetingDate: '2028-02-08', version: 1 });

    const extraordinary = await schedule(EXECUTIVE, { date: '2028-02-15', extraordinary: true });
    const moved = await federation.query(RESCHEDULE, {
      as: admin,
      variables: { id: extraordinary.id, expectedVersion: 1, date: holder.meetingDate, reason: 'Straight after the ordinary meeting' },
    });
    expect(moved.errors).toBeUndefined();
    expect(moved.data!.rescheduleMeeting).toMatchObject({ date: holder.meetingDate, extraordinary: true });
  });

  describe('bad input', () => {
    const SCP = 'shropshire.safeguarding-children-partnership';
    const shropshireAdmin = [grant('partnership-admin', 'shropshire')];
    let movable: string;
    beforeAll(async () => {
      movable = (await schedule(SCP, { date: '2028-03-14' }, shropshireAdmin)).id;
    });

    it.each([
      ['a blank reason', { date: '2028-03-21', reason: '   ' }, 'reason'],
      ['a reason on two lines', { date: '2028-03-21', reason: 'Moved\nagain' }, 'reason'],
      ['a reason over 500 characters', { date: '2028-03-21', reason: 'r'.repeat(501) }, 'reason'],
      ['the date it is on already', { date: '2028-03-14', reason: 'Moved' }, 'date'],
      ['a date before the body was established (1 October 2024)', { date: '2024-09-10', reason: 'Moved' }, 'date'],
    ])('refuses %s with BAD_USER_INPUT naming the field, changing nothing', async (_case, variables, field) => {
      const before = await meetings().findOneByOrFail({ id: movable });
      const { errors } = await federation.query(RESCHEDULE, { as: shropshireAdmin, variables: { id: movable, expectedVersion: before.version, ...variables } });
      expect(errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(await meetings().findOneByOrFail({ id: movable })).toEqual(before);
    });
  });

  it('refuses to move a meeting that was held or cancelled', async () => {
    const held = await meetings().findOneOrFail({ where: { bodyId: EXECUTIVE, status: 'HELD' }, order: { meetingDate: 'ASC' } });
    const { errors } = await federation.query(RESCHEDULE, {
      as: admin,
      variables: { id: held.id, expectedVersion: held.version, date: '2028-04-11', reason: 'Moved' },
    });
    expect(errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    expect(await meetings().findOneByOrFail({ id: held.id })).toEqual(held);
  });

  it('answers NOT_FOUND for an unknown meeting and FORBIDDEN for another partnership’s admin', async () => {
    const unknown = await federation.query(RESCHEDULE, {
      as: admin,
      variables: { id: '00000000-0000-0000-0000-000000000000', expectedVersion: 1, date: '2028-04-11', reason: 'Moved' },
    });
    expect(unknown.errors![0]!.extensions!.code).toBe('NOT_FOUND');
    const meeting = await schedule(EXECUTIVE, { date: '2028-04-11' });
    const other = await federation.query(RESCHEDULE, {
      as: [grant('partnership-admin', 'shropshire')],
      variables: { id: meeting.id, expectedVersion: 1, date: '2028-04-18', reason: 'Moved' },
    });
    expect(other.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    const anonymous = await federation.query(RESCHEDULE, { variables: { id: meeting.id, expectedVersion: 1, date: '2028-04-18', reason: 'Moved' } });
    expect(anonymous.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    expect(await meetings().findOneByOrFail({ id: meeting.id })).toMatchObject({ meetingDate: '2028-04-11', version: 1 });
  });
});
