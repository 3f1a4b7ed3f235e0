import { grant, startTestFederation, type TestFederation } from '@safeguarding/testkit';
import { insertCourse, insertSessions } from './fixtures';

/**
 * Keeping the programme through the API: courses, sessions and evaluations. Bad input is refused
 * naming the field with nothing changed, callers outside the offering partnerships get FORBIDDEN,
 * a stale version CONFLICT, a capacity below the bookings is refused, and when two writers meet
 * (two updates from one version; the last place wanted by two agencies; a capacity cut against a
 * booking) exactly one wins.
 */
let federation: TestFederation;
const OWN = 'telford-and-wrekin';
const COURSE = 'telford-and-wrekin.fixture-records';
const admin = [grant('partnership-admin', OWN)];
const member = [grant('member', OWN)];
const otherAdmin = [grant('partnership-admin', 'solihull')];

beforeAll(async () => {
  federation = await startTestFederation({ only: ['membership', 'training'] });
  await insertCourse(federation.dataSources.training!, { id: COURSE, title: 'Fixture records course', partnershipIds: [OWN], themeIds: ['neglect'] });
});
afterAll(async () => {
  await federation?.stop();
});

/** A digest of every training table but the audit trail: equal before and after means nothing changed. */
async function snapshot(): Promise<string> {
  const training = federation.dataSources.training!;
  const tables = [
    'course',
    'course_theme',
    'course_partnership',
    'training_session',
    'training_booking',
    'training_session_change',
    'training_booking_notice',
    'impact_evidence',
  ];
  const parts: string[] = [];
  for (const table of tables) {
    const [row] = await training.query<{ digest: string }[]>(
      `SELECT count(*) || ':' || coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') AS digest FROM training.${table} t`,
    );
    parts.push(`${table}=${row!.digest}`);
  }
  return parts.join(';');
}

async function ask<T = Record<string, any>>(document: string, variables: Record<string, unknown> = {}, as = admin): Promise<T> {
  const response = await federation.query<T>(document, { variables, as });
  if (response.errors) throw new Error(`${document.slice(0, 60)}: ${JSON.stringify(response.errors)}`);
  return response.data!;
}

/** Sends a call that must be refused with `code` (and `field` for BAD_USER_INPUT), and checks nothing changed. */
async function refused(
  document: string,
  variables: Record<string, unknown>,
  as: typeof admin | undefined,
  code: string,
  expected: { field?: string; message?: RegExp } = {},
) {
  const before = await snapshot();
  const response = await federation.query(document, { variables, as });
  expect(response.errors?.[0]?.extensions?.code).toBe(code);
  if (expected.field) expect(response.errors![0]!.extensions!.field).toBe(expected.field);
  if (expected.message) expect(response.errors![0]!.message).toMatch(expected.message);
  expect(await snapshot()).toBe(before);
}

const CREATE = `mutation ($input: CreateCourseInput!) { createCourse(input: $input) { id title summary version viewerCanEdit audience level informedBy themes { id } offeredBy { id } provider { id } retiredOn } }`;
const UPDATE = `mutation ($id: ID!, $v: Int!, $input: UpdateCourseInput!) { updateCourse(id: $id, expectedVersion: $v, input: $input) { id title version themes { id } level } }`;
const RETIRE = `mutation ($id: ID!, $v: Int!, $on: Date!) { retireCourse(id: $id, expectedVersion: $v, retiredOn: $on) { id retiredOn version } }`;
const SCHEDULE = `mutation ($input: ScheduleTrainingSessionInput!) { scheduleTrainingSession(input: $input) { id date startTime endTime venue virtualLink capacity status version viewerCanEdit } }`;
const RESCHEDULE = `mutation ($id: ID!, $v: Int!, $input: RescheduleTrainingSessionInput!) {
  rescheduleTrainingSession(id: $id, expectedVersion: $v, input: $input) { id date startTime endTime version changes { kind previousDate previousStartTime date startTime reason recordedOn } }
}`;
const CANCEL = `mutation ($id: ID!, $v: Int!, $reason: String!) { cancelTrainingSession(id: $id, expectedVersion: $v, reason: $reason) { id status cancellationReason version } }`;
const CAPACITY = `mutation ($id: ID!, $v: Int!, $capacity: Int!) { changeSessionCapacity(id: $id, expectedVersion: $v, capacity: $capacity) { id capacity bookedPlaces placesLeft version } }`;
const EVALUATE = `mutation ($input: RecordTrainingEvaluationInput!) { recordTrainingEvaluation(input: $input) { id kind recordedOn summary partnership { id } course { id impactEvidence { id } } source { synthetic } } }`;
const BOOK = `mutation ($input: BookTrainingPlacesInput!) { bookTrainingPlaces(input: $input) { id places session { bookedPlaces capacity } } }`;

const courseInput = (overrides: Record<string, unknown> = {}) => ({
  partnershipIds: [OWN],
  title: 'Exploitation: spotting the signs',
  summary: 'Child exploitation, criminal and sexual, for the whole workforce.',
  themeIds: ['exploitation'],
  audience: 'WHOLE_WORKFORCE',
  level: 'AWARENESS',
  informedBy: ['SAFEGUARDING_PRACTICE_REVIEW', 'PARTNERSHIP_PRIORITY'],
  ...overrides,
});
const sessionInput = (overrides: Record<string, unknown> = {}) => ({
  courseId: COURSE,
  date: '2027-06-09',
  startTime: '13:00',
  endTime: '16:30',
  deliveryMethod: 'FACE_TO_FACE',
  venue: 'Addenbrooke House, Telford',
  capacity: 10,
  ...overrides,
});
const schedule = async (overrides: Record<string, unknown> = {}) =>
  (await ask<{ scheduleTrainingSession: { id: string; version: number } }>(SCHEDULE, { input: sessionInput(overrides) })).scheduleTrainingSession;
const book = (sessionId: string, organisationId: string, places: number) =>
  federation.query(BOOK, { as: member, variables: { input: { sessionId, organisationId, organisationSector: 'OTHER_PUBLIC_SERVICE', places } } });

describe('courses', () => {
  it('creates a course with everything the read API shows, and refuses the same title again with CONFLICT', async () => {
    const { createCourse } = await ask(CREATE, { input: courseInput({ providerOrganisationId: 'west-mercia-police' }) });
    expect(createCourse).toEqual({
      id: 'telford-and-wrekin.exploitation-spotting-the-signs',
      title: 'Exploitation: spotting the signs',
      summary: 'Child exploitation, criminal and sexual, for the whole workforce.',
      version: 1,
      viewerCanEdit: true,
      audience: 'WHOLE_WORKFORCE',
      level: 'AWARENESS',
      informedBy: ['SAFEGUARDING_PRACTICE_REVIEW', 'PARTNERSHIP_PRIORITY'],
      themes: [{ id: 'exploitation' }],
      offeredBy: [{ id: OWN }],
      provider: { id: 'west-mercia-police' },
      retiredOn: null,
    });
    await refused(CREATE, { input: courseInput() }, admin, 'CONFLICT', { message: /already exists/ });
  });

  it('creates a joint course only for an admin of every partnership offering it', async () => {
    const joint = courseInput({ partnershipIds: [OWN, 'shropshire'], title: 'Joint fixture course' });
    await refused(CREATE, { input: joint }, admin, 'FORBIDDEN', { message: /not one of shropshire/ });
    const both = [grant('partnership-admin', OWN), grant('partnership-admin', 'shropshire')];
    const { createCourse } = await ask(CREATE, { input: joint }, both);
    expect(createCourse.id).toBe('joint.joint-fixture-course');
    expect(createCourse.offeredBy.map((p: { id: string }) => p.id).sort()).toEqual(['shropshire', OWN]);
  });

  it.each([
    ['an empty title', { title: '   ' }, 'title'],
    ['a title on two lines', { title: 'Two\nlines' }, 'title'],
    ['a title with no letters', { title: '!!!' }, 'title'],
    ['a title of 201 characters', { title: 'a'.repeat(201) }, 'title'],
    ['no theme', { themeIds: [] }, 'themeIds'],
    ['an unknown theme', { themeIds: ['not-a-theme'] }, 'themeIds'],
    ['a malformed provider', { providerOrganisationId: 'West Mercia' }, 'providerOrganisationId'],
    ['no partnership', { partnershipIds: [] }, 'partnershipIds'],
    ['a malformed partnership', { partnershipIds: ['Telford'] }, 'partnershipIds'],
    ['a bidi control in the summary', { title: 'Fine title', summary: 'evil \u202E text' }, 'summary'],
  ])('refuses %s naming the field, and changes nothing', async (_case, overrides, field) => {
    await refused(CREATE, { input: courseInput({ title: 'Another title', ...overrides }) }, admin, 'BAD_USER_INPUT', { field });
  });

  it.each([
    ['the anonymous public', 'UNAUTHENTICATED', undefined],
    ['a member (not an admin)', 'FORBIDDEN', member],
    ["another partnership's admin", 'FORBIDDEN', otherAdmin],
    ['a regional admin', 'FORBIDDEN', [grant('regional-admin')]],
    ['an analyst', 'FORBIDDEN', [grant('analyst')]],
  ])('refuses %s with %s, creating or updating', async (_who, code, as) => {
    await refused(CREATE, { input: courseInput({ title: 'Not theirs' }) }, as, code);
    await refused(UPDATE, { id: COURSE, v: 1, input: { title: 'Not theirs' } }, as, code);
  });

  it('updates from the version read; a stale version is CONFLICT; two updates from one version: exactly one wins', async () => {
    const { createCourse } = await ask(CREATE, { input: courseInput({ title: 'Versioned course' }) });
    const { updateCourse } = await ask(UPDATE, {
      id: createCourse.id,
      v: 1,
      input: { title: 'Versioned course (revised)', themeIds: ['neglect', 'exploitation'] },
    });
    expect(updateCourse).toMatchObject({ id: createCourse.id, title: 'Versioned course (revised)', version: 2 });
    expect(updateCourse.themes.map((theme: { id: string }) => theme.id).sort()).toEqual(['exploitation', 'neglect']);
    await refused(UPDATE, { id: createCourse.id, v: 1, input: { level: 'ADVANCED' } }, admin, 'CONFLICT', { message: /since version 1/ });
    await refused(UPDATE, { id: createCourse.id, v: 2, input: {} }, admin, 'BAD_USER_INPUT', { field: 'input' });
    await refused(UPDATE, { id: createCourse.id, v: 2, input: { themeIds: ['nope'] } }, admin, 'BAD_USER_INPUT', { field: 'themeIds' });

    const results = await Promise.all(
      ['ADVANCED', 'SPECIALIST'].map((level) => federation.query(UPDATE, { as: admin, variables: { id: createCourse.id, v: 2, input: { level } } })),
    );
    const won = results.filter((result) => !result.errors);
    expect(won).toHaveLength(1);
    expect(results.filter((result) => result.errors?.[0]?.extensions?.code === 'CONFLICT')).toHaveLength(1);
    const stored = await ask(`query ($id: ID!) { course(id: $id) { level version } }`, { id: createCourse.id });
    expect(stored.course).toEqual({ level: won[0]!.data!.updateCourse.level, version: 3 });
  });

  it('retires a course only when no session after the date goes ahead; then no session may be scheduled after it', async () => {
    const { createCourse } = await ask(CREATE, { input: courseInput({ title: 'Retiring course' }) });
    const { id: sessionId } = await schedule({ courseId: createCourse.id, date: '2027-09-01' });
    await refused(RETIRE, { id: createCourse.id, v: 1, on: '2027-08-31' }, admin, 'BAD_USER_INPUT', { field: 'retiredOn', message: /2027-09-01/ });
    const { retireCourse } = await ask(RETIRE, { id: createCourse.id, v: 1, on: '2027-09-30' });
    expect(retireCourse).toEqual({ id: createCourse.id, retiredOn: '2027-09-30', version: 2 });
    await refused(SCHEDULE, { input: sessionInput({ courseId: createCourse.id, date: '2027-10-01' }) }, admin, 'BAD_USER_INPUT', {
      field: 'date',
      message: /retired on 2027-09-30/,
    });
    await refused(RETIRE, { id: createCourse.id, v: 1, on: '2027-12-31' }, admin, 'CONFLICT');
    await refused(RETIRE, { id: createCourse.id, v: 2, on: '2027-12-31' }, admin, 'BAD_USER_INPUT', { message: /already retired/ });
    expect(sessionId).toBeDefined();
  });
});

describe('sessions', () => {
  it('schedules a session in person or online; the link is shown only to those who may book or read bookings', async () => {
    const inPerson = await ask(SCHEDULE, { input: sessionInput() });
    expect(inPerson.scheduleTrainingSession).toMatchObject({
      date: '2027-06-09',
      startTime: '13:00',
      endTime: '16:30',
      venue: 'Addenbrooke House, Telford',
      virtualLink: null,
      capacity: 10,
      status: 'SCHEDULED',
      version: 1,
      viewerCanEdit: true,
    });
    const online = await ask(SCHEDULE, { input: sessionInput({ deliveryMethod: 'VIRTUAL', venue: null, virtualLink: 'https://teams.example/l/abc' }) });
    const id = online.scheduleTrainingSession.id;
    expect(online.scheduleTrainingSession.virtualLink).toBe('https://teams.example/l/abc');
    const READ = `query ($id: ID!) { trainingSession(id: $id) { virtualLink viewerCanEdit viewerCanBook } }`;
    const as = async (grants: typeof admin | undefined) => (await federation.query(READ, { variables: { id }, as: grants })).data!.trainingSession;
    expect(await as(undefined)).toEqual({ virtualLink: null, viewerCanEdit: false, viewerCanBook: false });
    expect(await as(member)).toEqual({ virtualLink: 'https://teams.example/l/abc', viewerCanEdit: false, viewerCanBook: true });
    expect(await as(admin)).toEqual({ virtualLink: 'https://teams.example/l/abc', viewerCanEdit: true, viewerCanBook: true });
    expect(await as(otherAdmin)).toEqual({ virtualLink: null, viewerCanEdit: false, viewerCanBook: false });
  });

  it.each([
    ['a past date', { date: '2020-01-01' }, 'date'],
    ['an end before the start', { startTime: '14:00', endTime: '13:00' }, 'endTime'],
    ['a time off the clock', { startTime: '1pm' }, 'startTime'],
    ['no venue in person', { venue: null }, 'venue'],
    ['a venue on two lines', { venue: 'Room 1\nFloor 2' }, 'venue'],
    ['virtual without a link', { deliveryMethod: 'VIRTUAL', venue: null }, 'virtualLink'],
    ['a link that is not https', { deliveryMethod: 'VIRTUAL', venue: null, virtualLink: 'javascript:alert(1)' }, 'virtualLink'],
    ['no places', { capacity: 0 }, 'capacity'],
    ['too many places', { capacity: 100000 }, 'capacity'],
    ['a malformed course id', { courseId: 'Not A Course' }, 'courseId'],
  ])('refuses %s naming the field, and changes nothing', async (_case, overrides, field) => {
    await refused(SCHEDULE, { input: sessionInput(overrides) }, admin, 'BAD_USER_INPUT', { field });
  });

  it('refuses an unknown course with NOT_FOUND, and callers outside the partnership with FORBIDDEN', async () => {
    await refused(SCHEDULE, { input: sessionInput({ courseId: 'telford-and-wrekin.no-such-course' }) }, admin, 'NOT_FOUND');
    await refused(SCHEDULE, { input: sessionInput() }, otherAdmin, 'FORBIDDEN');
    await refused(SCHEDULE, { input: sessionInput() }, member, 'FORBIDDEN');
  });

  it('reschedules a session: its bookings follow and each shows the move and why', async () => {
    const { id } = await schedule({ date: '2027-07-01', capacity: 20 });
    for (const organisationId of ['west-mercia-police', 'cafcass']) expect((await book(id, organisationId, 2)).errors).toBeUndefined();
    const reason = 'The venue is closed for repairs that week.';
    const { rescheduleTrainingSession: moved } = await ask(RESCHEDULE, {
      id,
      v: 1,
      input: { date: '2027-07-15', startTime: '09:30', endTime: '12:00', reason },
    });
    expect(moved).toMatchObject({ date: '2027-07-15', startTime: '09:30', endTime: '12:00', version: 2 });
    expect(moved.changes).toEqual([
      {
        kind: 'RESCHEDULED',
        previousDate: '2027-07-01',
        previousStartTime: '13:00',
        date: '2027-07-15',
        startTime: '09:30',
        reason,
        recordedOn: expect.any(String),
      },
    ]);
    const { trainingSession } = await ask(`query ($id: ID!) { trainingSession(id: $id) { bookings { status notices { kind previousDate date reason } } } }`, {
      id,
    });
    expect(trainingSession.bookings).toEqual([
      { status: 'BOOKED', notices: [{ kind: 'RESCHEDULED', previousDate: '2027-07-01', date: '2027-07-15', reason }] },
      { status: 'BOOKED', notices: [{ kind: 'RESCHEDULED', previousDate: '2027-07-01', date: '2027-07-15', reason }] },
    ]);
    // A booking made after the move was not moved: it has no notice.
    const late = await book(id, 'telford-college', 1);
    expect(late.errors).toBeUndefined();
    const { trainingSession: after } = await ask(`query ($id: ID!) { trainingSession(id: $id) { bookings { organisation { id } notices { kind } } } }`, { id });
    expect(after.bookings.find((b: { organisation: { id: string } }) => b.organisation.id === 'telford-college').notices).toEqual([]);

    await refused(RESCHEDULE, { id, v: 1, input: { date: '2027-08-01', startTime: '09:30', endTime: '12:00', reason } }, admin, 'CONFLICT');
    await refused(RESCHEDULE, { id, v: 2, input: { date: '2027-08-01', startTime: '09:30', endTime: '12:00', reason: ' ' } }, admin, 'BAD_USER_INPUT', {
      field: 'reason',
    });
    await refused(
      RESCHEDULE,
      { id, v: 2, input: { date: '2027-08-01', startTime: '09:30', endTime: '12:00', reason: 'Ask jo.bloggs@example.org for details' } },
      admin,
      'BAD_USER_INPUT',
      { field: 'reason', message: /email address/ },
    );
    await refused(RESCHEDULE, { id, v: 2, input: { date: '2020-08-01', startTime: '09:30', endTime: '12:00', reason } }, admin, 'BAD_USER_INPUT', {
      field: 'date',
    });
    await refused(RESCHEDULE, { id, v: 2, input: { date: '2027-08-01', startTime: '09:30', endTime: '12:00', reason } }, otherAdmin, 'FORBIDDEN');
  });

  it('cancels a session: bookings are kept, marked cancelled by the organiser with the reason; it can then be neither booked nor changed', async () => {
    const { id } = await schedule({ date: '2027-10-06' });
    expect((await book(id, 'west-mercia-police', 3)).errors).toBeUndefined();
    const reason = 'Too few bookings to run; join the November session instead.';
    await refused(CANCEL, { id, v: 1, reason }, member, 'FORBIDDEN');
    await refused(CANCEL, { id, v: 1, reason: 'line\nbreak' }, admin, 'BAD_USER_INPUT', { field: 'reason' });
    const { cancelTrainingSession } = await ask(CANCEL, { id, v: 1, reason });
    expect(cancelTrainingSession).toMatchObject({ status: 'CANCELLED', cancellationReason: reason, version: 2 });
    const { trainingSession } = await ask(
      `query ($id: ID!) { trainingSession(id: $id) { bookedPlaces bookings { places status statusReason notices { kind reason } } } }`,
      { id },
    );
    expect(trainingSession.bookings).toEqual([{ places: 3, status: 'CANCELLED_BY_ORGANISER', statusReason: reason, notices: [{ kind: 'CANCELLED', reason }] }]);

    const bookAgain = await book(id, 'cafcass', 1);
    expect(bookAgain.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(bookAgain.errors![0]!.message).toMatch(/cancelled by the organiser/);
    await refused(CANCEL, { id, v: 2, reason }, admin, 'BAD_USER_INPUT', { field: 'id', message: /cancelled/ });
    await refused(CAPACITY, { id, v: 2, capacity: 30 }, admin, 'BAD_USER_INPUT', { field: 'id' });
    await refused(CANCEL, { id, v: 1, reason }, admin, 'BAD_USER_INPUT');
  });

  it('refuses a session that already took place', async () => {
    const [past] = await insertSessions(federation.dataSources.training!, COURSE, [{ heldOn: '2021-03-01', deliveryMethod: 'FACE_TO_FACE', capacity: 10 }]);
    await refused(CANCEL, { id: past, v: 1, reason: 'Too late' }, admin, 'BAD_USER_INPUT', { field: 'id', message: /took place on 2021-03-01/ });
    await refused(CAPACITY, { id: past, v: 1, capacity: 12 }, admin, 'BAD_USER_INPUT', { field: 'id' });
  });
});

describe('capacity', () => {
  it('changes capacity from the version read, never below the places booked', async () => {
    const { id } = await schedule({ date: '2027-11-03', capacity: 10 });
    expect((await book(id, 'west-mercia-police', 6)).errors).toBeUndefined();
    await refused(CAPACITY, { id, v: 1, capacity: 5 }, admin, 'BAD_USER_INPUT', { field: 'capacity', message: /below the 6 places already booked/ });
    const { changeSessionCapacity } = await ask(CAPACITY, { id, v: 1, capacity: 6 });
    expect(changeSessionCapacity).toEqual({ id, capacity: 6, bookedPlaces: 6, placesLeft: 0, version: 2 });
    await refused(CAPACITY, { id, v: 1, capacity: 20 }, admin, 'CONFLICT');
    await refused(CAPACITY, { id, v: 2, capacity: 6 }, admin, 'BAD_USER_INPUT', { message: /already has 6 places/ });
    await refused(CAPACITY, { id, v: 2, capacity: 20 }, member, 'FORBIDDEN');
    await refused(CAPACITY, { id: 'not-a-session', v: 2, capacity: 20 }, admin, 'BAD_USER_INPUT', { field: 'id' });
    await refused(CAPACITY, { id: '00000000-0000-4000-8000-000000000000', v: 2, capacity: 20 }, admin, 'NOT_FOUND');
  });

  it('two agencies racing for the last place: exactly one gets it', async () => {
    const { id } = await schedule({ date: '2027-11-10', capacity: 3 });
    expect((await book(id, 'west-mercia-police', 2)).errors).toBeUndefined();
    const results = await Promise.all(['cafcass', 'telford-college'].map((organisationId) => book(id, organisationId, 1)));
    expect(results.filter((result) => !result.errors)).toHaveLength(1);
    expect(results.filter((result) => result.errors?.[0]?.extensions?.code === 'CONFLICT')).toHaveLength(1);
    const { trainingSession } = await ask(`query ($id: ID!) { trainingSession(id: $id) { capacity bookedPlaces } }`, { id });
    expect(trainingSession).toEqual({ capacity: 3, bookedPlaces: 3 });
  });

  it.each([1, 2, 3, 4, 5])('a capacity cut against a booking for the places it would remove: exactly one wins (round %i)', async (round) => {
    const { id } = await schedule({ date: `2027-12-0${round}`, capacity: 10 });
    expect((await book(id, 'west-mercia-police', 8)).errors).toBeUndefined();
    // Capacity 8 leaves no room for the 2 places the other agency asks for, and 10 booked would not fit 8.
    const [cut, booking] = await Promise.all([federation.query(CAPACITY, { as: admin, variables: { id, v: 1, capacity: 8 } }), book(id, 'cafcass', 2)]);
    const { trainingSession } = await ask(`query ($id: ID!) { trainingSession(id: $id) { capacity bookedPlaces version } }`, { id });
    if (cut.errors) {
      expect(cut.errors[0]!.extensions!.code).toBe('BAD_USER_INPUT');
      expect(cut.errors[0]!.message).toMatch(/below the 10 places already booked/);
      expect(booking.errors).toBeUndefined();
      expect(trainingSession).toEqual({ capacity: 10, bookedPlaces: 10, version: 1 });
    } else {
      expect(booking.errors![0]!.extensions!.code).toBe('CONFLICT');
      expect(trainingSession).toEqual({ capacity: 8, bookedPlaces: 8, version: 2 });
    }
  });
});

describe('evaluations', () => {
  const evaluation = (overrides: Record<string, unknown> = {}) => ({
    courseId: COURSE,
    partnershipId: OWN,
    kind: 'PRACTICE_AUDIT',
    recordedOn: '2026-10-15',
    summary: 'A multi-agency audit of 12 cases found neglect recognised earlier after the course.',
    ...overrides,
  });

  it('records an evaluation the read API shows on the course', async () => {
    const { recordTrainingEvaluation } = await ask(EVALUATE, { input: evaluation() });
    expect(recordTrainingEvaluation).toMatchObject({
      kind: 'PRACTICE_AUDIT',
      recordedOn: '2026-10-15',
      summary: 'A multi-agency audit of 12 cases found neglect recognised earlier after the course.',
      partnership: { id: OWN },
      course: { id: COURSE },
      source: { synthetic: false },
    });
    expect(recordTrainingEvaluation.course.impactEvidence.map((item: { id: string }) => item.id)).toContain(recordTrainingEvaluation.id);
  });

  it.each([
    ['a date in the future', { recordedOn: '2099-01-01' }, 'BAD_USER_INPUT', 'recordedOn'],
    ['an empty summary', { summary: '' }, 'BAD_USER_INPUT', 'summary'],
    ['an NHS number in the summary', { summary: 'Seen for 943 476 5919 after the course.' }, 'BAD_USER_INPUT', 'summary'],
    ['a partnership not offering the course', { partnershipId: 'solihull' }, 'FORBIDDEN', undefined],
    ['an unknown course', { courseId: 'telford-and-wrekin.nothing' }, 'NOT_FOUND', undefined],
  ])('refuses %s, and changes nothing', async (_case, overrides, code, field) => {
    await refused(EVALUATE, { input: evaluation(overrides) }, admin, code, { field });
  });

  it('refuses an admin of a partnership that does not offer the course, for that partnership, with BAD_USER_INPUT', async () => {
    await refused(EVALUATE, { input: evaluation({ partnershipId: 'solihull' }) }, otherAdmin, 'BAD_USER_INPUT', { field: 'partnershipId' });
    await refused(EVALUATE, { input: evaluation() }, member, 'FORBIDDEN');
  });
});

it('tells a client in advance who may keep the programme', async () => {
  const course = async (as: typeof admin | undefined) =>
    (await federation.query(`query ($id: ID!) { course(id: $id) { viewerCanEdit } }`, { variables: { id: COURSE }, as })).data!.course.viewerCanEdit;
  expect(await course(admin)).toBe(true);
  expect(await course(member)).toBe(false);
  expect(await course(otherAdmin)).toBe(false);
  expect(await course(undefined)).toBe(false);
});
