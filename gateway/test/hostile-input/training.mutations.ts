/** Training's mutations under hostile input (see harness.ts). */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { REPOSITORY_ROOT } from '@safeguarding/config';
import { ORGANISATION_SECTORS } from '@safeguarding/packs';
import { grant, type TestFederation } from '@safeguarding/testkit';
import {
  callers,
  editorMostly,
  halfCharacter,
  hostileDate,
  hostileText,
  isoDay,
  OTHERS,
  OWN,
  plausibleText,
  trimmed,
  version,
  wrongId,
  type HostileInputSuite,
} from './harness';

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
  /** Courses only the own partnership offers (admins of it may keep them), and courses only others offer. */
  ownCourses: string[];
  otherCourses: string[];
  themeIds: string[];
}

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

// ---------------------------------------------------------------------------------------------
// Keeping the programme (issue 16): courses, sessions, evaluations. Admins of the own partnership
// mostly; the others are tried too. Cancellation and retirement come last, so the sessions they
// take out of play do not starve the other mutations of accepted calls.
// ---------------------------------------------------------------------------------------------

const text = fc.oneof({ arbitrary: hostileText, weight: 9 }, { arbitrary: halfCharacter, weight: 1 });
/** A title that is new (so the accepted path is reached), else hostile text. */
const courseTitle = fc.oneof(
  { arbitrary: fc.uuid().map((uuid) => `Hostile-input course ${uuid.slice(0, 8)}`), weight: 4 },
  { arbitrary: text, weight: 4 },
  { arbitrary: plausibleText, weight: 1 },
);
const AUDIENCES = ['CHILDREN_AND_FAMILIES_WORKFORCE', 'ADULTS_WORKFORCE', 'WHOLE_WORKFORCE', 'MANAGERS_AND_SUPERVISORS'];
const LEVELS = ['AWARENESS', 'FOUNDATION', 'ADVANCED', 'SPECIALIST'];
const SOURCES = ['SAFEGUARDING_PRACTICE_REVIEW', 'INSPECTION', 'SECTION_11_AUDIT', 'PARTNERSHIP_PRIORITY'];
const METHODS = ['E_LEARNING', 'FACE_TO_FACE', 'VIRTUAL', 'CONFERENCE', 'CASE_STUDY', 'ACTION_LEARNING'];
const themeList = (ids: TrainingIds) =>
  fc.oneof(
    { arbitrary: fc.subarray(ids.themeIds, { minLength: 1, maxLength: 3 }), weight: 6 },
    { arbitrary: fc.array(wrongId, { maxLength: 2 }), weight: 2 },
    { arbitrary: fc.constant(ids.themeIds.slice(0, 13)), weight: 1 },
  );
/** Mostly days from a month back to four years ahead (so the 36-month limit is met both ways), else hostile dates. */
const sessionDate = fc.oneof(
  { arbitrary: fc.integer({ min: -30, max: 1500 }).map((days) => isoDay(new Date(Date.now() + days * 86_400_000))), weight: 6 },
  { arbitrary: hostileDate, weight: 2 },
);
const clock = fc.oneof(
  { arbitrary: fc.constantFrom('09:00', '09:30', '13:00', '16:30'), weight: 6 },
  { arbitrary: fc.constantFrom('24:00', '9:30', '10:60', '10:00:00', "10:00'; --", ''), weight: 1 },
  { arbitrary: text, weight: 1 },
);
const link = fc.oneof(
  { arbitrary: fc.constantFrom('https://teams.example/l/1', 'https://zoom.example/j/2?pwd=x'), weight: 4 },
  { arbitrary: fc.constantFrom('http://teams.example/l/1', 'javascript:alert(1)', 'https://', 'https://a b.example/'), weight: 2 },
  { arbitrary: text, weight: 1 },
);
const places = fc.oneof(
  { arbitrary: fc.integer({ min: 1, max: 60 }), weight: 6 },
  { arbitrary: fc.constantFrom(0, -1, 500, 501, 2_147_483_647, -2_147_483_648), weight: 2 },
);
const reason = fc.oneof(
  { arbitrary: plausibleText, weight: 3 },
  { arbitrary: text, weight: 4 },
  { arbitrary: fc.constant('Call 01952 380000 first'), weight: 1 },
);

const ownCourse = (ids: TrainingIds) =>
  fc.oneof(
    { arbitrary: fc.constantFrom(...ids.ownCourses), weight: 6 },
    { arbitrary: fc.constantFrom(...ids.otherCourses), weight: 1 },
    { arbitrary: wrongId, weight: 2 },
  );
const ownSession = (ids: TrainingIds) =>
  fc.oneof(
    { arbitrary: fc.constantFrom(...ids.ownUpcomingSessions), weight: 6 },
    { arbitrary: fc.constantFrom(...ids.ownPastSessions), weight: 1 },
    { arbitrary: fc.constantFrom(...ids.otherSessions), weight: 1 },
    { arbitrary: wrongId, weight: 2 },
  );
const courseVersion = async (federation: TestFederation, id: unknown) =>
  (await federation.query(`query ($id: ID!) { course(id: $id) { version } }`, { variables: { id } })).data?.course?.version as number | undefined;
const sessionVersion = async (federation: TestFederation, id: unknown) =>
  (await federation.query(`query ($id: ID!) { trainingSession(id: $id) { version } }`, { variables: { id } })).data?.trainingSession?.version as
    number | undefined;
const SESSION_FIELDS = 'id date startTime endTime deliveryMethod venue virtualLink capacity bookedPlaces placesLeft status version';

// ---------------------------------------------------------------------------------------------
// The training section of the partnership's pack (issue 17): the seeded training.yaml with a
// hostile course title, or hostile text for the whole file; scopes of other partnerships too.
// ---------------------------------------------------------------------------------------------

const SEEDED_PACK = fs.readFileSync(path.join(REPOSITORY_ROOT, 'packs', OWN, 'training.yaml'), 'utf8');
const FIRST_TITLE = /^ {4}title: .*$/m;

const packMutation: HostileInputSuite<TrainingIds>['mutations'][number] = {
  name: 'applyTrainingPackSection',
  schema: 'training',
  document: `mutation ($scope: String!, $text: String!, $dryRun: Boolean!) {
    applyTrainingPackSection(scope: $scope, text: $text, dryRun: $dryRun) { scope section applied changes { entity key change fields } }
  }`,
  call: () =>
    fc.record({
      as: editorMostly(callers.ownAdmin),
      variables: fc.record({
        scope: fc.oneof(
          { arbitrary: fc.constant(OWN), weight: 6 },
          { arbitrary: fc.constantFrom(...OTHERS, 'regional'), weight: 1 },
          { arbitrary: wrongId, weight: 1 },
        ),
        text: fc.oneof(
          { arbitrary: courseTitle.map((title) => SEEDED_PACK.replace(FIRST_TITLE, `    title: ${JSON.stringify(title)}`)), weight: 6 },
          { arbitrary: text, weight: 2 },
        ),
        dryRun: fc.boolean(),
      }),
    }),
  accepted(variables, data) {
    const result = data.applyTrainingPackSection;
    expect(result).toMatchObject({ scope: variables.scope, section: 'training', applied: !variables.dryRun });
    for (const change of result.changes) expect(['ADDED', 'CHANGED', 'ENDED']).toContain(change.change);
  },
};

const programmeMutations: HostileInputSuite<TrainingIds>['mutations'] = [
  {
    name: 'createCourse',
    schema: 'training',
    document: `mutation ($input: CreateCourseInput!) {
      createCourse(input: $input) { id title summary audience level informedBy version themes { id } offeredBy { id } provider { id } }
    }`,
    call: (ids) =>
      fc.record({
        as: editorMostly(callers.ownAdmin),
        variables: fc.record({
          input: fc.record(
            {
              partnershipIds: fc.oneof(
                { arbitrary: fc.constant([OWN]), weight: 6 },
                { arbitrary: fc.constantFrom([OTHERS[0]!], [OWN, OWN], [OWN, OTHERS[1]!], []), weight: 2 },
                { arbitrary: fc.array(wrongId, { minLength: 1, maxLength: 2 }), weight: 1 },
              ),
              title: courseTitle,
              summary: fc.oneof(plausibleText, text),
              themeIds: themeList(ids),
              audience: fc.oneof({ arbitrary: fc.constantFrom(...AUDIENCES), weight: 8 }, { arbitrary: fc.constant('EVERYONE'), weight: 1 }),
              level: fc.constantFrom(...LEVELS),
              informedBy: fc.subarray(SOURCES),
              providerOrganisationId: fc.oneof(fc.constantFrom(...ids.organisationIds), wrongId),
            },
            { requiredKeys: ['partnershipIds', 'title', 'summary', 'themeIds', 'audience', 'level', 'informedBy'] },
          ),
        }),
      }),
    accepted(variables, data) {
      const input = variables.input as Record<string, any>;
      const course = data.createCourse;
      expect(course).toMatchObject({ title: trimmed(input.title), summary: trimmed(input.summary), audience: input.audience, level: input.level, version: 1 });
      expect(course.themes.map((theme: { id: string }) => theme.id).sort()).toEqual([...input.themeIds].sort());
      expect(course.offeredBy.map((partnership: { id: string }) => partnership.id).sort()).toEqual([...input.partnershipIds].sort());
      expect(course.informedBy.sort()).toEqual([...new Set(input.informedBy as string[])].sort());
      expect(course.provider).toEqual(input.providerOrganisationId === undefined ? null : { id: input.providerOrganisationId });
    },
  },
  {
    name: 'updateCourse',
    schema: 'training',
    document: `mutation ($id: ID!, $expectedVersion: Int!, $input: UpdateCourseInput!) {
      updateCourse(id: $id, expectedVersion: $expectedVersion, input: $input) { id title summary audience level version themes { id } provider { id } }
    }`,
    call: (ids) =>
      fc.record({
        as: editorMostly(callers.ownAdmin),
        variables: fc.record({
          id: ownCourse(ids),
          expectedVersion: version,
          input: fc.record(
            {
              title: courseTitle,
              summary: fc.oneof(plausibleText, text),
              themeIds: themeList(ids),
              audience: fc.constantFrom(...AUDIENCES),
              level: fc.constantFrom(...LEVELS),
              informedBy: fc.subarray(SOURCES),
              providerOrganisationId: fc.oneof(fc.constantFrom(...ids.organisationIds), wrongId),
            },
            { requiredKeys: [] },
          ),
        }),
      }),
    currentVersion: (federation, variables) => courseVersion(federation, variables.id),
    accepted(variables, data) {
      const input = variables.input as Record<string, any>;
      const course = data.updateCourse;
      expect(course.id).toBe(variables.id);
      expect(course.version).toBe(variables.expectedVersion + 1);
      if (input.title !== undefined) expect(course.title).toBe(trimmed(input.title));
      if (input.summary !== undefined) expect(course.summary).toBe(trimmed(input.summary));
      if (input.level !== undefined) expect(course.level).toBe(input.level);
      if (input.themeIds !== undefined) expect(course.themes.map((theme: { id: string }) => theme.id).sort()).toEqual([...input.themeIds].sort());
      if (input.providerOrganisationId !== undefined) expect(course.provider).toEqual({ id: input.providerOrganisationId });
    },
  },
  {
    name: 'scheduleTrainingSession',
    schema: 'training',
    document: `mutation ($input: ScheduleTrainingSessionInput!) { scheduleTrainingSession(input: $input) { ${SESSION_FIELDS} course { id } } }`,
    call: (ids) => {
      const common = { courseId: ownCourse(ids), date: sessionDate, capacity: places };
      const wellTimed = { startTime: fc.constantFrom('09:00', '09:30'), endTime: fc.constantFrom('12:30', '16:30') };
      // Half the calls are a coherent plan (in person with a venue, or online with a link), so the write is reached.
      const inPerson = fc.record({
        ...common,
        ...wellTimed,
        deliveryMethod: fc.constantFrom('FACE_TO_FACE', 'CONFERENCE', 'CASE_STUDY'),
        venue: plausibleText,
      });
      const online = fc.record({ ...common, ...wellTimed, deliveryMethod: fc.constantFrom('VIRTUAL', 'E_LEARNING'), virtualLink: link });
      const anything = fc.record(
        { ...common, startTime: clock, endTime: clock, deliveryMethod: fc.constantFrom(...METHODS), venue: fc.oneof(plausibleText, text), virtualLink: link },
        { requiredKeys: ['courseId', 'date', 'startTime', 'endTime', 'deliveryMethod', 'capacity'] },
      );
      return fc.record({
        as: editorMostly(callers.ownAdmin),
        variables: fc.record({ input: fc.oneof({ arbitrary: inPerson, weight: 3 }, { arbitrary: online, weight: 2 }, { arbitrary: anything, weight: 4 }) }),
      });
    },
    accepted(variables, data) {
      const input = variables.input as Record<string, any>;
      expect(data.scheduleTrainingSession).toMatchObject({
        course: { id: input.courseId },
        date: input.date,
        startTime: input.startTime,
        endTime: input.endTime,
        deliveryMethod: input.deliveryMethod,
        venue: input.venue === undefined ? null : trimmed(input.venue),
        capacity: input.capacity,
        bookedPlaces: 0,
        status: 'SCHEDULED',
        version: 1,
      });
    },
  },
  {
    name: 'rescheduleTrainingSession',
    schema: 'training',
    document: `mutation ($id: ID!, $expectedVersion: Int!, $input: RescheduleTrainingSessionInput!) {
      rescheduleTrainingSession(id: $id, expectedVersion: $expectedVersion, input: $input) { ${SESSION_FIELDS} changes { kind date reason } }
    }`,
    call: (ids) =>
      fc.record({
        as: editorMostly(callers.ownAdmin),
        variables: fc.record({
          id: ownSession(ids),
          expectedVersion: version,
          input: fc.record({ date: sessionDate, startTime: clock, endTime: clock, reason }),
        }),
      }),
    currentVersion: (federation, variables) => sessionVersion(federation, variables.id),
    accepted(variables, data) {
      const input = variables.input as Record<string, any>;
      const session = data.rescheduleTrainingSession;
      expect(session).toMatchObject({
        id: variables.id,
        date: input.date,
        startTime: input.startTime,
        endTime: input.endTime,
        version: variables.expectedVersion + 1,
      });
      expect(session.changes.at(-1)).toEqual({ kind: 'RESCHEDULED', date: input.date, reason: trimmed(input.reason) });
    },
  },
  {
    name: 'changeSessionCapacity',
    schema: 'training',
    document: `mutation ($id: ID!, $expectedVersion: Int!, $capacity: Int!) {
      changeSessionCapacity(id: $id, expectedVersion: $expectedVersion, capacity: $capacity) { ${SESSION_FIELDS} }
    }`,
    call: (ids) =>
      fc.record({
        as: editorMostly(callers.ownAdmin),
        variables: fc.record({ id: ownSession(ids), expectedVersion: version, capacity: places }),
      }),
    currentVersion: (federation, variables) => sessionVersion(federation, variables.id),
    accepted(variables, data) {
      const session = data.changeSessionCapacity;
      expect(session).toMatchObject({ id: variables.id, capacity: variables.capacity, version: variables.expectedVersion + 1 });
      expect(session.bookedPlaces).toBeLessThanOrEqual(session.capacity);
      expect(session.placesLeft).toBe(session.capacity - session.bookedPlaces);
    },
  },
  {
    name: 'recordTrainingEvaluation',
    schema: 'training',
    document: `mutation ($input: RecordTrainingEvaluationInput!) {
      recordTrainingEvaluation(input: $input) { id kind recordedOn summary course { id } partnership { id } }
    }`,
    call: (ids) =>
      fc.record({
        as: editorMostly(callers.ownAdmin),
        variables: fc.record({
          input: fc.record({
            courseId: ownCourse(ids),
            partnershipId: fc.oneof(
              { arbitrary: fc.constant(OWN), weight: 6 },
              { arbitrary: fc.constantFrom(...OTHERS), weight: 1 },
              { arbitrary: wrongId, weight: 1 },
            ),
            kind: fc.oneof(
              { arbitrary: fc.constantFrom('PRACTICE_AUDIT', 'SUPERVISION', 'PRACTICE_CHANGE'), weight: 8 },
              { arbitrary: fc.constant('HUNCH'), weight: 1 },
            ),
            recordedOn: fc.oneof(
              { arbitrary: fc.integer({ min: -900, max: 10 }).map((days) => isoDay(new Date(Date.now() + days * 86_400_000))), weight: 5 },
              { arbitrary: hostileDate, weight: 2 },
            ),
            summary: fc.oneof(
              { arbitrary: plausibleText, weight: 3 },
              { arbitrary: text, weight: 4 },
              { arbitrary: fc.constant('Seen with NHS 943 476 5919'), weight: 1 },
            ),
          }),
        }),
      }),
    accepted(variables, data) {
      const input = variables.input as Record<string, any>;
      expect(data.recordTrainingEvaluation).toMatchObject({
        kind: input.kind,
        recordedOn: input.recordedOn,
        summary: trimmed(input.summary),
        course: { id: input.courseId },
        partnership: { id: input.partnershipId },
      });
    },
  },
  {
    name: 'cancelTrainingSession',
    schema: 'training',
    document: `mutation ($id: ID!, $expectedVersion: Int!, $reason: String!) {
      cancelTrainingSession(id: $id, expectedVersion: $expectedVersion, reason: $reason) { ${SESSION_FIELDS} cancellationReason bookings { status statusReason } }
    }`,
    call: (ids) =>
      fc.record({
        as: editorMostly(callers.ownAdmin),
        variables: fc.record({ id: ownSession(ids), expectedVersion: version, reason }),
      }),
    currentVersion: (federation, variables) => sessionVersion(federation, variables.id),
    accepted(variables, data) {
      const session = data.cancelTrainingSession;
      expect(session).toMatchObject({
        id: variables.id,
        status: 'CANCELLED',
        cancellationReason: trimmed(variables.reason),
        version: variables.expectedVersion + 1,
      });
      for (const booking of session.bookings) expect(booking).toEqual({ status: 'CANCELLED_BY_ORGANISER', statusReason: trimmed(variables.reason) });
    },
  },
  {
    name: 'retireCourse',
    schema: 'training',
    document: `mutation ($id: ID!, $expectedVersion: Int!, $retiredOn: Date!) {
      retireCourse(id: $id, expectedVersion: $expectedVersion, retiredOn: $retiredOn) { id retiredOn version }
    }`,
    call: (ids) =>
      fc.record({
        as: editorMostly(callers.ownAdmin),
        variables: fc.record({ id: ownCourse(ids), expectedVersion: version, retiredOn: fc.oneof(sessionDate, hostileDate) }),
      }),
    currentVersion: (federation, variables) => courseVersion(federation, variables.id),
    accepted(variables, data) {
      expect(data.retireCourse).toEqual({ id: variables.id, retiredOn: variables.retiredOn, version: variables.expectedVersion + 1 });
    },
  },
];

export const trainingSuite: HostileInputSuite<TrainingIds> = {
  // reviews owns the theme vocabulary, the one root list that reaches every course without arrangements.
  only: ['reviews', 'training'],
  async loadIds(federation) {
    const themeIds = new Set<string>();
    const load = async () => {
      const response = await federation.query(
        `{ themes { id courses { id offeredBy { id } sessions { id date bookings { id places organisation { id } } } } } }`,
        { as: reader },
      );
      const loaded = new Map<string, LoadedCourse>();
      for (const theme of response.data!.themes as { id: string; courses: LoadedCourse[] }[]) {
        themeIds.add(theme.id);
        for (const course of theme.courses) loaded.set(course.id, course);
      }
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
      ownCourses: own.filter((course) => course.offeredBy.every((partnership) => partnership.id === OWN)).map((course) => course.id),
      otherCourses: other.map((course) => course.id),
      themeIds: [...themeIds].sort(),
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
                { arbitrary: fc.constantFrom(...ORGANISATION_SECTORS), weight: 8 },
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
    ...programmeMutations,
    // Last: applying the seeded pack ends what the mutations above added and undoes their edits.
    packMutation,
  ],
};
