import { grant, startTestFederation, type TestFederation } from '@safeguarding/testkit';
import { TrainingBookingEntity, TrainingSessionEntity } from '../entities';
import { AGENCY_SECTORS } from '../seed/history';
import { insertCourse, insertSessions } from './fixtures';

/** Booking places and recording attendance: the overbooking race, bad input, and who may. */
let federation: TestFederation;
let raceSession: string;
let openSession: string;
let pastSession: string;
const COURSE = 'telford-and-wrekin.fixture-booking';
const member = [grant('member', 'telford-and-wrekin')];
const admin = [grant('partnership-admin', 'telford-and-wrekin')];

beforeAll(async () => {
  federation = await startTestFederation({ only: ['membership', 'training'] });
  const training = federation.dataSources.training!;
  await insertCourse(training, { id: COURSE, partnershipIds: ['telford-and-wrekin'], themeIds: ['neglect'] });
  [raceSession, openSession, pastSession] = (await insertSessions(training, COURSE, [
    { heldOn: '2031-06-01', deliveryMethod: 'FACE_TO_FACE', capacity: 5 },
    { heldOn: '2031-07-01', deliveryMethod: 'VIRTUAL', capacity: 20 },
    {
      heldOn: '2020-01-15',
      deliveryMethod: 'FACE_TO_FACE',
      capacity: 10,
      bookings: [{ organisationId: 'telford-college', sector: 'EDUCATION', places: 3 }],
    },
  ])) as [string, string, string];
});
afterAll(async () => {
  await federation?.stop();
});

const BOOK = `mutation ($input: BookTrainingPlacesInput!) {
  bookTrainingPlaces(input: $input) { id places organisationSector attendedPlaces synthetic organisation { id name } session { id bookedPlaces placesLeft } }
}`;
const ATTEND = `mutation ($id: ID!, $attended: Int!) { recordTrainingAttendance(bookingId: $id, attendedPlaces: $attended) { id places attendedPlaces } }`;

const stored = async (sessionId: string) => {
  const training = federation.dataSources.training!;
  const session = await training.getRepository(TrainingSessionEntity).findOneByOrFail({ id: sessionId });
  const bookings = await training.getRepository(TrainingBookingEntity).find({ where: { sessionId }, order: { organisationId: 'ASC' } });
  return { bookedPlaces: session.bookedPlaces, bookings };
};

describe('the overbooking race', () => {
  it('sells exactly the 5 places of a session to 12 agencies booking at once; the other 7 get CONFLICT', async () => {
    const agencies = Object.keys(AGENCY_SECTORS).slice(0, 12);
    const results = await Promise.all(
      agencies.map((organisationId) =>
        federation.query(BOOK, {
          as: member,
          variables: { input: { sessionId: raceSession, organisationId, organisationSector: AGENCY_SECTORS[organisationId], places: 1 } },
        }),
      ),
    );
    const booked = results.filter((result) => !result.errors);
    const refused = results.filter((result) => result.errors);
    expect(booked).toHaveLength(5);
    expect(refused).toHaveLength(7);
    for (const result of refused) {
      expect(result.errors![0]!.extensions!.code).toBe('CONFLICT');
      expect(result.errors![0]!.message).toMatch(/full \(5 places\)|Only \d+ of 5 places/);
    }
    const after = await stored(raceSession);
    expect(after.bookedPlaces).toBe(5);
    expect(after.bookings.reduce((total, booking) => total + booking.places, 0)).toBe(5);
    expect(after.bookings.map((booking) => booking.organisationId).sort()).toEqual(
      booked.map((result) => result.data!.bookTrainingPlaces.organisation.id).sort(),
    );
  });

  it('refuses a booking bigger than the places left, naming how many are', async () => {
    const before = await stored(openSession);
    const first = await federation.query(BOOK, {
      as: member,
      variables: { input: { sessionId: openSession, organisationId: 'west-mercia-police', organisationSector: 'POLICE', places: 18 } },
    });
    expect(first.errors).toBeUndefined();
    expect(first.data!.bookTrainingPlaces).toMatchObject({
      places: 18,
      organisationSector: 'POLICE',
      attendedPlaces: null,
      synthetic: false,
      organisation: { id: 'west-mercia-police', name: 'West Mercia Police' },
      session: { bookedPlaces: before.bookedPlaces + 18, placesLeft: 2 },
    });
    const tooMany = await federation.query(BOOK, {
      as: member,
      variables: { input: { sessionId: openSession, organisationId: 'telford-college', organisationSector: 'EDUCATION', places: 3 } },
    });
    expect(tooMany.errors![0]!.extensions!.code).toBe('CONFLICT');
    expect(tooMany.errors![0]!.message).toMatch(/Only 2 of 20 places are left/);
    // A second booking by the same agency adds to its places instead of making another row.
    const again = await federation.query(BOOK, {
      as: member,
      variables: { input: { sessionId: openSession, organisationId: 'west-mercia-police', organisationSector: 'POLICE', places: 2 } },
    });
    expect(again.data!.bookTrainingPlaces).toMatchObject({ id: first.data!.bookTrainingPlaces.id, places: 20, session: { placesLeft: 0 } });
    const after = await stored(openSession);
    expect(after.bookedPlaces).toBe(20);
    expect(after.bookings).toHaveLength(1);
  });
});

describe('booking bad input', () => {
  const input = { sessionId: '', organisationId: 'west-mercia-police', organisationSector: 'POLICE', places: 1 };
  it.each([
    ['no places', () => ({ ...input, sessionId: raceSession, places: 0 }), 'BAD_USER_INPUT', /between 1 and 50/],
    ['too many places', () => ({ ...input, sessionId: raceSession, places: 51 }), 'BAD_USER_INPUT', /between 1 and 50/],
    ['a session that already took place', () => ({ ...input, sessionId: pastSession }), 'BAD_USER_INPUT', /took place on 2020-01-15/],
    ['a malformed session id', () => ({ ...input, sessionId: 'session-1' }), 'BAD_USER_INPUT', /not a session id/],
    ['a malformed organisation id', () => ({ ...input, sessionId: raceSession, organisationId: 'West Mercia Police' }), 'BAD_USER_INPUT', /not a slug/],
    ['an unknown session', () => ({ ...input, sessionId: '00000000-0000-4000-8000-000000000000' }), 'NOT_FOUND', /No training session/],
  ])('refuses %s and changes nothing', async (_case, makeInput, code, message) => {
    const before = await Promise.all([stored(raceSession), stored(pastSession)]);
    const { data, errors } = await federation.query(BOOK, { as: member, variables: { input: makeInput() } });
    expect(data?.bookTrainingPlaces ?? null).toBeNull();
    expect(errors![0]!.extensions!.code).toBe(code);
    expect(errors![0]!.message).toMatch(message);
    expect(await Promise.all([stored(raceSession), stored(pastSession)])).toEqual(before);
  });

  it('refuses an unknown sector value at the schema, before anything runs', async () => {
    const { errors } = await federation.query(BOOK, { as: member, variables: { input: { ...input, sessionId: raceSession, organisationSector: 'POLICING' } } });
    expect(errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
  });
});

describe('booking permissions', () => {
  it.each([
    ['the anonymous public', 'UNAUTHENTICATED', undefined],
    ['an analyst', 'FORBIDDEN', [grant('analyst')]],
    ['a member of a partnership not offering the course', 'FORBIDDEN', [grant('member', 'solihull')]],
    ['an admin of a partnership not offering the course', 'FORBIDDEN', [grant('partnership-admin', 'shropshire')]],
  ])('refuses %s with %s and changes nothing', async (_who, code, as) => {
    const before = await stored(openSession);
    const { errors } = await federation.query(BOOK, {
      as,
      variables: { input: { sessionId: openSession, organisationId: 'cafcass', organisationSector: 'OTHER_PUBLIC_SERVICE', places: 1 } },
    });
    expect(errors![0]!.extensions!.code).toBe(code);
    expect(await stored(openSession)).toEqual(before);
  });
});

describe('recording attendance', () => {
  const pastBookingId = async () => (await stored(pastSession)).bookings[0]!.id;

  it("lets the offering partnership's admin record attendance per agency", async () => {
    const { data, errors } = await federation.query(ATTEND, { as: admin, variables: { id: await pastBookingId(), attended: 2 } });
    expect(errors).toBeUndefined();
    expect(data!.recordTrainingAttendance).toMatchObject({ places: 3, attendedPlaces: 2 });
  });

  it.each([
    ['more attended than booked', async () => ({ id: await pastBookingId(), attended: 4 }), 'BAD_USER_INPUT', /between 0 and the 3 places/],
    [
      'a session still to come',
      async () => ({ id: (await stored(openSession)).bookings[0]!.id, attended: 1 }),
      'BAD_USER_INPUT',
      /record attendance on or after/,
    ],
    ['a malformed booking id', async () => ({ id: 'booking-1', attended: 1 }), 'BAD_USER_INPUT', /not a booking id/],
    ['an unknown booking', async () => ({ id: '00000000-0000-4000-8000-000000000000', attended: 1 }), 'NOT_FOUND', /No booking/],
  ])('refuses %s and changes nothing', async (_case, makeVariables, code, message) => {
    const before = await Promise.all([stored(pastSession), stored(openSession)]);
    const { errors } = await federation.query(ATTEND, { as: admin, variables: await makeVariables() });
    expect(errors![0]!.extensions!.code).toBe(code);
    expect(errors![0]!.message).toMatch(message);
    expect(await Promise.all([stored(pastSession), stored(openSession)])).toEqual(before);
  });

  it.each([
    ['a member (not an admin)', member],
    ["another partnership's admin", [grant('partnership-admin', 'solihull')]],
    ['an analyst', [grant('analyst')]],
  ])('refuses %s with FORBIDDEN', async (_who, as) => {
    const before = await stored(pastSession);
    const { errors } = await federation.query(ATTEND, { as, variables: { id: await pastBookingId(), attended: 0 } });
    expect(errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect(await stored(pastSession)).toEqual(before);
  });
});
