/** Training's mutations under hostile input (see harness.ts). */
import fc from 'fast-check';
import { grant, type TestFederation } from '@safeguarding/testkit';
import { callers, editorMostly, OTHERS, OWN, wrongId, type HostileInputSuite } from './harness';

interface TrainingIds extends Record<string, unknown> {
  /** Sessions of courses the own partnership offers, today or later: places may be booked. */
  ownUpcomingSessions: string[];
  ownPastSessions: string[];
  /** Sessions of courses only other partnerships offer. */
  otherSessions: string[];
  /** Bookings on own sessions that have taken place: attendance may be recorded. */
  ownPastBookings: string[];
  ownUpcomingBookings: string[];
  otherBookings: string[];
  /** Places booked, per booking id: attendance is valid from 0 to this. */
  bookedPlaces: Record<string, number>;
  organisationIds: string[];
}

const SECTORS = [
  'LOCAL_AUTHORITY',
  'HEALTH_COMMISSIONER',
  'HEALTH_PROVIDER',
  'PRIMARY_CARE',
  'POLICE',
  'PROBATION',
  'YOUTH_JUSTICE',
  'FIRE_AND_RESCUE',
  'EDUCATION',
  'HOUSING',
  'VOLUNTARY_AND_COMMUNITY',
  'INDEPENDENT',
  'PARTNERSHIP_BUSINESS_UNIT',
  'OTHER_PUBLIC_SERVICE',
];
const ownMember = [grant('member', OWN)];
/** Who may read every session's bookings, to load their ids. */
const reader = [grant('analyst')];

/** A session 60 days ahead on an own course, with one agency's booking: a fixture, inserted directly (no mutation creates sessions). */
async function addUpcomingSession(federation: TestFederation, courseId: string): Promise<void> {
  const heldOn = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);
  const [inserted] = await federation.dataSources.training!.query<{ id: string }[]>(
    `INSERT INTO training.training_session (id, course_id, held_on, delivery_method, capacity, booked_places, source)
     SELECT gen_random_uuid(), $1, $2, delivery_method, 30, 0, source FROM training.training_session WHERE course_id = $1 LIMIT 1 RETURNING id`,
    [courseId, heldOn],
  );
  const id = inserted!.id;
  const booked = await federation.query(
    `mutation ($id: ID!) { bookTrainingPlaces(input: { sessionId: $id, organisationId: "west-mercia-police", organisationSector: POLICE, places: 2 }) { id } }`,
    {
      variables: { id },
      as: callers.ownAdmin,
    },
  );
  if (booked.errors) throw new Error(`Could not book the fixture session: ${JSON.stringify(booked.errors)}`);
}

interface LoadedCourse {
  id: string;
  offeredBy: { id: string }[];
  sessions: { id: string; date: string; bookings: { id: string; places: number; organisation: { id: string } }[] }[];
}

export const trainingSuite: HostileInputSuite<TrainingIds> = {
  // reviews owns the theme vocabulary, the one root list that reaches every course without arrangements.
  only: ['reviews', 'training'],
  async loadIds(federation) {
    const load = async () => {
      const response = await federation.query(
        `{ themes { courses { id offeredBy { id } sessions { id date bookings { id places organisation { id } } } } } }`,
        { as: reader },
      );
      const loaded = new Map<string, LoadedCourse>();
      for (const theme of response.data!.themes as { courses: LoadedCourse[] }[]) for (const course of theme.courses) loaded.set(course.id, course);
      return loaded;
    };
    let courses = await load();
    // The service's "today" is England's; a session on the boundary day is allowed both ways, so either side is fine.
    const today = new Date().toISOString().slice(0, 10);
    // The seed's synthetic sessions run to 31 March 2027; after that, add an upcoming one (with a booking) so the suite keeps working.
    if (
      ![...courses.values()].some(
        (course) => course.offeredBy.some((partnership) => partnership.id === OWN) && course.sessions.some((session) => session.date > today),
      )
    ) {
      await addUpcomingSession(federation, [...courses.values()].find((course) => course.offeredBy.some((partnership) => partnership.id === OWN))!.id);
      courses = await load();
    }
    const own = [...courses.values()].filter((course) => course.offeredBy.some((partnership) => partnership.id === OWN));
    const other = [...courses.values()].filter((course) => course.offeredBy.every((partnership) => OTHERS.includes(partnership.id)));
    const ownSessions = own.flatMap((course) => course.sessions);
    const upcoming = ownSessions.filter((session) => session.date > today);
    const past = ownSessions.filter((session) => session.date < today);
    const allSessions = [...courses.values()].flatMap((course) => course.sessions);
    const bookingIds = (sessions: LoadedCourse['sessions']) => sessions.flatMap((session) => session.bookings.map((booking) => booking.id));
    return {
      ownUpcomingSessions: upcoming.map((session) => session.id),
      ownPastSessions: past.map((session) => session.id),
      otherSessions: other.flatMap((course) => course.sessions.map((session) => session.id)),
      ownPastBookings: bookingIds(past),
      ownUpcomingBookings: bookingIds(upcoming),
      otherBookings: bookingIds(other.flatMap((course) => course.sessions)),
      bookedPlaces: Object.fromEntries(allSessions.flatMap((session) => session.bookings.map((booking) => [booking.id, booking.places]))),
      organisationIds: [...new Set(allSessions.flatMap((session) => session.bookings.map((booking) => booking.organisation.id)))],
    };
  },
  mutations: [
    {
      name: 'bookTrainingPlaces',
      schema: 'training',
      document: `mutation ($input: BookTrainingPlacesInput!) {
        bookTrainingPlaces(input: $input) { id session { id bookedPlaces capacity placesLeft } organisation { id } organisationSector places attendedPlaces bookedOn }
      }`,
      call: (ids) =>
        fc.record({
          as: fc.oneof({ arbitrary: fc.constant(ownMember), weight: 3 }, { arbitrary: editorMostly(callers.ownAdmin), weight: 4 }),
          variables: fc.record({
            input: fc.record({
              sessionId: fc.oneof(
                { arbitrary: fc.constantFrom(...ids.ownUpcomingSessions), weight: 6 },
                { arbitrary: fc.constantFrom(...ids.ownPastSessions), weight: 1 },
                { arbitrary: fc.constantFrom(...ids.otherSessions), weight: 1 },
                { arbitrary: wrongId, weight: 2 },
              ),
              organisationId: fc.oneof(
                { arbitrary: fc.constantFrom(...ids.organisationIds), weight: 5 },
                // An agency the registry may not know yet: training stores the id it is given.
                { arbitrary: fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,30}$/), weight: 1 },
                { arbitrary: wrongId, weight: 2 },
              ),
              organisationSector: fc.oneof(
                { arbitrary: fc.constantFrom(...SECTORS), weight: 8 },
                { arbitrary: fc.constantFrom('NOT_A_SECTOR', 'police', ''), weight: 1 },
              ),
              places: fc.oneof(
                { arbitrary: fc.integer({ min: 1, max: 6 }), weight: 5 },
                { arbitrary: fc.integer({ min: -5, max: 60 }), weight: 2 },
                { arbitrary: fc.constantFrom(0, 50, 51, 2_147_483_647, -2_147_483_648), weight: 1 },
              ),
            }),
          }),
        }),
      accepted(variables, data) {
        const input = variables.input as Record<string, any>;
        const booking = data.bookTrainingPlaces;
        expect(booking).toMatchObject({
          session: { id: input.sessionId },
          organisation: { id: input.organisationId },
          organisationSector: input.organisationSector,
        });
        // A second booking by the agency adds to its places, up to 50; the session is never overbooked.
        expect(booking.places).toBeGreaterThanOrEqual(input.places);
        expect(booking.places).toBeLessThanOrEqual(50);
        expect(booking.session.bookedPlaces).toBeLessThanOrEqual(booking.session.capacity);
        expect(booking.session.placesLeft).toBe(booking.session.capacity - booking.session.bookedPlaces);
      },
    },
    {
      name: 'recordTrainingAttendance',
      schema: 'training',
      document: `mutation ($bookingId: ID!, $attendedPlaces: Int!) {
        recordTrainingAttendance(bookingId: $bookingId, attendedPlaces: $attendedPlaces) { id places attendedPlaces }
      }`,
      call: (ids) => {
        const bookingId = fc.oneof(
          { arbitrary: fc.constantFrom(...ids.ownPastBookings), weight: 6 },
          { arbitrary: fc.constantFrom(...ids.ownUpcomingBookings), weight: 1 },
          { arbitrary: fc.constantFrom(...ids.otherBookings), weight: 1 },
          { arbitrary: wrongId, weight: 2 },
        );
        return bookingId.chain((chosen) =>
          fc.record({
            as: fc.oneof({ arbitrary: editorMostly(callers.ownAdmin), weight: 6 }, { arbitrary: fc.constant(ownMember), weight: 1 }),
            variables: fc.record({
              bookingId: fc.constant(chosen),
              attendedPlaces: fc.oneof(
                { arbitrary: fc.integer({ min: 0, max: ids.bookedPlaces[chosen] ?? 5 }), weight: 5 },
                { arbitrary: fc.integer({ min: -3, max: 60 }), weight: 2 },
                { arbitrary: fc.constantFrom(2_147_483_647, -2_147_483_648), weight: 1 },
              ),
            }),
          }),
        );
      },
      accepted(variables, data) {
        const booking = data.recordTrainingAttendance;
        expect(booking.id).toBe(variables.bookingId);
        expect(booking.attendedPlaces).toBe(variables.attendedPlaces);
        expect(booking.attendedPlaces).toBeLessThanOrEqual(booking.places);
      },
    },
  ],
};
