import { randomUUID } from 'node:crypto';
import { grant, startTestFederation, type TestFederation } from '@safeguarding/testkit';
import { AttendanceEntity, MembershipEntity, PostEntity } from '../entities';
import { createLoaders } from '../loaders';
import { attendanceAt } from '../operations/attendance';

/**
 * Attendance belongs to a meeting, not a date: an extraordinary second meeting of a body on the date
 * of another keeps its own attendance (meetingId); body and date alone are accepted while the date's
 * attendance belongs to one meeting, and refused (meetingId required) once it belongs to two.
 */
let federation: TestFederation;
beforeAll(async () => {
  federation = await startTestFederation({ only: ['arrangements', 'membership'] });
});
afterAll(async () => {
  await federation?.stop();
});

const EXECUTIVE = 'telford-and-wrekin.executive';
const MEETING_DATE = '2026-07-14';
const twAdmin = [grant('partnership-admin', 'telford-and-wrekin')];
const rows = () => federation.dataSources.membership!.getRepository(AttendanceEntity);
const RECORD = `mutation ($input: RecordAttendanceInput!) { recordAttendance(input: $input) { membership { id } organisation { id } outcome attendedAs meetingId } }`;
const snapshot = async () => JSON.stringify(await rows().find({ where: { bodyId: EXECUTIVE }, order: { id: 'ASC' } }));

async function seatId(organisationId: string, title: string): Promise<string> {
  const post = await federation.dataSources.membership!.getRepository(PostEntity).findOneByOrFail({ organisationId, title });
  return (
    await federation.dataSources
      .membership!.getRepository(MembershipEntity)
      .findOneByOrFail({ bodyId: EXECUTIVE, organisationId, postId: post.id, role: 'MEMBER' })
  ).id;
}

/** The seeded Executive meeting of the date, with its attendance, through the gateway. */
async function seededMeeting(): Promise<{ id: string; attendance: { membership: { id: string }; outcome: string }[] }> {
  const { data, errors } = await federation.query(
    `{ body(id: "${EXECUTIVE}") { meetings(from: "${MEETING_DATE}", to: "${MEETING_DATE}") { id attendance { membership { id } outcome } } } }`,
    { as: twAdmin },
  );
  expect(errors).toBeUndefined();
  expect(data!.body.meetings).toHaveLength(1);
  return data!.body.meetings[0];
}

/** A meeting's attendance read as the gateway would resolve it (for a meeting arrangements does not hold in this test). */
const attendanceOf = (meetingId: string) =>
  attendanceAt({ id: meetingId, body: { id: EXECUTIVE }, date: MEETING_DATE }, createLoaders(federation.dataSources.membership!));

describe('an extraordinary second meeting on the same date', () => {
  const extraordinary = randomUUID();
  let police: string;
  let council: string;
  beforeAll(async () => {
    police = await seatId('west-mercia-police', 'Telford & Wrekin Local Policing Area Commander');
    council = await seatId('telford-and-wrekin-council', 'Assistant Director Adult Social Services');
  });

  it('keeps separate attendance: the seeded meeting keeps its records, the extraordinary one has its own', async () => {
    const seeded = await seededMeeting();
    expect(seeded.attendance.length).toBeGreaterThan(0);
    const { data, errors } = await federation.query(RECORD, {
      as: twAdmin,
      variables: { input: { bodyId: EXECUTIVE, meetingDate: MEETING_DATE, meetingId: extraordinary, records: [{ membershipId: police, outcome: 'ABSENT' }] } },
    });
    expect(errors).toBeUndefined();
    expect(data!.recordAttendance).toEqual([
      { membership: { id: police }, organisation: { id: 'west-mercia-police' }, outcome: 'ABSENT', attendedAs: null, meetingId: extraordinary },
    ]);
    expect(await seededMeeting()).toEqual(seeded);
    expect((await attendanceOf(extraordinary)).map((r) => [r.seat.id, r.record!.outcome])).toEqual([[police, 'ABSENT']]);
    expect(await rows().countBy({ bodyId: EXECUTIVE, meetingDate: MEETING_DATE, meetingId: extraordinary })).toBe(1);
  });

  it('then refuses body and date alone, naming meetingId, and records nothing', async () => {
    const before = await snapshot();
    const { errors } = await federation.query(RECORD, {
      as: twAdmin,
      variables: { input: { bodyId: EXECUTIVE, meetingDate: MEETING_DATE, records: [{ membershipId: council, outcome: 'ATTENDED' }] } },
    });
    expect(errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(errors![0]!.extensions!.field).toBe('meetingId');
    expect(errors![0]!.message).toMatch(/already recorded for 2 meetings/);
    expect(await snapshot()).toBe(before);
  });

  it("adds to the extraordinary meeting's attendance by its id, leaving the seeded meeting's alone", async () => {
    const seeded = await seededMeeting();
    const { errors } = await federation.query(RECORD, {
      as: twAdmin,
      variables: {
        input: { bodyId: EXECUTIVE, meetingDate: MEETING_DATE, meetingId: extraordinary, records: [{ membershipId: council, outcome: 'ATTENDED' }] },
      },
    });
    expect(errors).toBeUndefined();
    expect((await attendanceOf(extraordinary)).map((r) => r.seat.id).sort()).toEqual([police, council].sort());
    expect(await seededMeeting()).toEqual(seeded);
  });

  it('replaces a seat recorded again for the same meeting; two writers at once leave one record per seat', async () => {
    const results = await Promise.all(
      ['ATTENDED', 'ABSENT'].map((outcome) =>
        federation.query(RECORD, {
          as: twAdmin,
          variables: { input: { bodyId: EXECUTIVE, meetingDate: MEETING_DATE, meetingId: extraordinary, records: [{ membershipId: police, outcome }] } },
        }),
      ),
    );
    // Both land in turn (the later replaces the earlier), or one is told to retry (CONFLICT): never two records for the seat.
    for (const result of results) if (result.errors) expect(result.errors[0]!.extensions!.code).toBe('CONFLICT');
    expect(results.some((r) => !r.errors)).toBe(true);
    expect(await rows().countBy({ meetingId: extraordinary, membershipId: police })).toBe(1);
  });

  it.each([
    ['a meetingId that is not a meeting id', twAdmin, { meetingId: 'not-a-meeting' }, 'BAD_USER_INPUT'],
    ['an admin of another partnership', [grant('partnership-admin', 'shropshire')], { meetingId: randomUUID() }, 'FORBIDDEN'],
    ['a member who is not an admin', [grant('member', 'telford-and-wrekin')], { meetingId: randomUUID() }, 'FORBIDDEN'],
  ])('refuses %s and records nothing', async (_case, as, change, code) => {
    const before = await snapshot();
    const { errors } = await federation.query(RECORD, {
      as,
      variables: { input: { bodyId: EXECUTIVE, meetingDate: MEETING_DATE, records: [{ membershipId: council, outcome: 'ATTENDED' }], ...change } },
    });
    expect(errors![0]!.extensions!.code).toBe(code);
    if (code === 'BAD_USER_INPUT') expect(errors![0]!.extensions!.field).toBe('meetingId');
    expect(await snapshot()).toBe(before);
  });
});

describe('a date with one meeting', () => {
  it('still accepts body and date alone, replacing the seat’s record (no meetingId stored)', async () => {
    const date = '2026-01-13';
    const records = await rows().findBy({ bodyId: EXECUTIVE, meetingDate: date });
    expect(records.length).toBeGreaterThan(0);
    const { errors } = await federation.query(RECORD, {
      as: twAdmin,
      variables: { input: { bodyId: EXECUTIVE, meetingDate: date, records: [{ membershipId: records[0]!.membershipId, outcome: 'ABSENT' }] } },
    });
    expect(errors).toBeUndefined();
    expect(await rows().countBy({ bodyId: EXECUTIVE, meetingDate: date })).toBe(records.length);
    expect(await rows().findOneByOrFail({ bodyId: EXECUTIVE, meetingDate: date, membershipId: records[0]!.membershipId })).toMatchObject({
      outcome: 'ABSENT',
      meetingId: null,
    });
  });
});
