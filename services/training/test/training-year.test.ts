import { grant, startTestFederation, type TestFederation } from '@safeguarding/testkit';

/**
 * The proof a partnership's business manager would ask for (issue 16): the seeded sessions run out
 * in March 2027, and the API alone adds the 2027/28 year. Through the gateway: a course and four
 * sessions, bookings on them, one session cancelled; reach and learning coverage (the existing
 * reads, asked before and after) move by exactly what was added, and the cancelled session counts
 * in neither. Every figure below is worked out by hand from the calls made here.
 */
let federation: TestFederation;
beforeAll(async () => {
  // reviews brings the partnership's review themes to learning coverage (@requires).
  federation = await startTestFederation({ only: ['arrangements', 'reviews', 'training'] });
});
afterAll(async () => {
  await federation?.stop();
});

const OWN = 'telford-and-wrekin';
const admin = [grant('partnership-admin', OWN)];
const member = [grant('member', OWN)];
const YEAR = { from: '2027-04-01', to: '2028-03-31' };

async function ask<T = Record<string, any>>(document: string, variables: Record<string, unknown> = {}, as = admin): Promise<T> {
  const response = await federation.query<T>(document, { variables, as });
  if (response.errors) throw new Error(`${document.slice(0, 60)}: ${JSON.stringify(response.errors)}`);
  return response.data!;
}

interface Reach {
  sessions: number;
  capacity: number;
  placesBooked: number;
  attendances: number;
  fillRate: number | null;
  bySector: { sector: string; agencies: number; placesBooked: number }[];
  deliveryMethodMix: { deliveryMethod: string; sessions: number }[];
}
const REACH = `query ($from: Date!, $to: Date!) {
  partnership(slug: "${OWN}") {
    reviewThemeIds
    trainingReach(from: $from, to: $to) { sessions capacity placesBooked attendances fillRate bySector { sector agencies placesBooked } deliveryMethodMix { deliveryMethod sessions } }
  }
}`;
interface Coverage {
  themes: { theme: { id: string }; courses: { id: string }[]; sessions: { date: string }[]; addressed: boolean }[];
  gaps: { id: string }[];
}
const COVERAGE = `query ($since: Date!) {
  learningCoverage(partnershipSlug: "${OWN}", since: $since) { themes { theme { id } courses { id } sessions { date } addressed } gaps { id } }
}`;

const reach = async () => (await ask<{ partnership: { reviewThemeIds: string[]; trainingReach: Reach } }>(REACH, YEAR)).partnership;
const coverage = async (since: string) => (await ask<{ learningCoverage: Coverage }>(COVERAGE, { since })).learningCoverage;
const themeOf = (figures: Coverage, id: string) => figures.themes.find((theme) => theme.theme.id === id)!;

it('adds the 2027/28 year through the API: a course, four sessions, bookings, one cancelled; reach and coverage move by exactly that', async () => {
  // --- Before: the seeded programme has no session in 2027/28.
  const before = await reach();
  expect(before.trainingReach).toMatchObject({ sessions: 0, capacity: 0, placesBooked: 0, fillRate: null });
  const reviewThemes = [...new Set(before.reviewThemeIds)].sort();
  expect(reviewThemes.length).toBeGreaterThanOrEqual(2);
  const [first, second] = reviewThemes as [string, string];
  const coverageBefore = await coverage(YEAR.from);
  const lateCoverageBefore = await coverage('2028-02-01');
  expect(themeOf(coverageBefore, first).addressed).toBe(false);
  expect(themeOf(coverageBefore, second).addressed).toBe(false);
  expect((await ask(`{ partnership(slug: "${OWN}") { viewerCanManageTraining } }`)).partnership.viewerCanManageTraining).toBe(true);

  // --- A course teaching two themes the partnership's reviews raised.
  const { createCourse: course } = await ask(
    `mutation ($input: CreateCourseInput!) { createCourse(input: $input) { id title version viewerCanEdit themes { id } offeredBy { id } source { document synthetic } } }`,
    {
      input: {
        partnershipIds: [OWN],
        title: 'Learning from our reviews 2027/28',
        summary: 'What our rapid reviews and practice reviews taught us, for the whole workforce.',
        themeIds: [first, second],
        audience: 'WHOLE_WORKFORCE',
        level: 'FOUNDATION',
        informedBy: ['SAFEGUARDING_PRACTICE_REVIEW'],
      },
    },
  );
  expect(course).toMatchObject({
    id: 'telford-and-wrekin.learning-from-our-reviews-2027-28',
    version: 1,
    viewerCanEdit: true,
    offeredBy: [{ id: OWN }],
    source: { document: 'recorded through the API', synthetic: false },
  });
  expect(course.themes.map((theme: { id: string }) => theme.id).sort()).toEqual([first, second]);

  // --- Four sessions across the year.
  const SCHEDULE = `mutation ($input: ScheduleTrainingSessionInput!) { scheduleTrainingSession(input: $input) { id date startTime endTime status version capacity placesLeft } }`;
  const plans = [
    { date: '2027-05-12', deliveryMethod: 'FACE_TO_FACE', venue: 'Addenbrooke House, Telford', capacity: 20 },
    { date: '2027-09-15', deliveryMethod: 'VIRTUAL', virtualLink: 'https://teams.example/l/2027-09-15', capacity: 40 },
    { date: '2028-01-19', deliveryMethod: 'FACE_TO_FACE', venue: 'Southwater One, Telford', capacity: 25 },
    { date: '2028-03-08', deliveryMethod: 'VIRTUAL', virtualLink: 'https://teams.example/l/2028-03-08', capacity: 30 },
  ];
  const sessions: { id: string; version: number }[] = [];
  for (const plan of plans) {
    const { scheduleTrainingSession: session } = await ask(SCHEDULE, { input: { courseId: course.id, startTime: '09:30', endTime: '12:30', ...plan } });
    expect(session).toMatchObject({ date: plan.date, startTime: '09:30', endTime: '12:30', status: 'SCHEDULED', version: 1, capacity: plan.capacity });
    sessions.push(session);
  }

  // --- Bookings (members book for their agencies): 12 + 18 + 5 + 9 = 44 places.
  const BOOK = `mutation ($input: BookTrainingPlacesInput!) { bookTrainingPlaces(input: $input) { id places status } }`;
  const bookings: [number, string, string, number][] = [
    [0, 'west-mercia-police', 'POLICE', 4],
    [0, 'telford-and-wrekin-council', 'LOCAL_AUTHORITY', 8],
    [1, 'telford-and-wrekin-council', 'LOCAL_AUTHORITY', 10],
    [1, 'shropshire-community-health-trust', 'HEALTH_PROVIDER', 8],
    [2, 'west-mercia-police', 'POLICE', 5],
    [3, 'west-mercia-police', 'POLICE', 3],
    [3, 'telford-and-wrekin-council', 'LOCAL_AUTHORITY', 6],
  ];
  const bookingIds: string[] = [];
  for (const [index, organisationId, organisationSector, places] of bookings) {
    const { bookTrainingPlaces } = await ask(BOOK, { input: { sessionId: sessions[index]!.id, organisationId, organisationSector, places } }, member);
    expect(bookTrainingPlaces).toMatchObject({ places, status: 'BOOKED' });
    bookingIds.push(bookTrainingPlaces.id);
  }

  // --- Coverage late in the year, before the cancellation: the last session (8 March 2028) addresses both themes.
  const lateBeforeCancel = await coverage('2028-02-01');
  expect(themeOf(lateBeforeCancel, first)).toMatchObject({ addressed: true, sessions: [{ date: '2028-03-08' }] });

  // --- The last session is cancelled: its bookings are kept, marked, and told why.
  const reason = 'The trainer is unavailable; the content moves to the 2028/29 programme.';
  const { cancelTrainingSession: cancelled } = await ask(
    `mutation ($id: ID!, $v: Int!, $reason: String!) {
      cancelTrainingSession(id: $id, expectedVersion: $v, reason: $reason) {
        status cancellationReason version placesLeft
        changes { kind previousDate date reason }
        bookings { organisation { id } places status statusReason notices { kind previousDate reason } }
      }
    }`,
    { id: sessions[3]!.id, v: 1, reason },
  );
  expect(cancelled).toMatchObject({ status: 'CANCELLED', cancellationReason: reason, version: 2 });
  expect(cancelled.changes).toEqual([{ kind: 'CANCELLED', previousDate: '2028-03-08', date: null, reason }]);
  expect(cancelled.bookings).toHaveLength(2);
  for (const booking of cancelled.bookings) {
    expect(booking).toMatchObject({
      status: 'CANCELLED_BY_ORGANISER',
      statusReason: reason,
      notices: [{ kind: 'CANCELLED', previousDate: '2028-03-08', reason }],
    });
  }

  // --- After: reach moves by the three sessions that go ahead and their bookings, nothing of the cancelled one.
  const after = await reach();
  const delta = (key: 'sessions' | 'capacity' | 'placesBooked' | 'attendances') => after.trainingReach[key] - before.trainingReach[key];
  expect(delta('sessions')).toBe(3);
  expect(delta('capacity')).toBe(20 + 40 + 25);
  expect(delta('placesBooked')).toBe(12 + 18 + 5);
  expect(delta('attendances')).toBe(0);
  // The seeded year had nothing in it, so the year's figures are exactly the new ones.
  expect(after.trainingReach.fillRate).toBe(Number((35 / 85).toFixed(4)));
  expect(after.trainingReach.deliveryMethodMix).toEqual([
    { deliveryMethod: 'FACE_TO_FACE', sessions: 2 },
    { deliveryMethod: 'VIRTUAL', sessions: 1 },
  ]);
  const sector = (figures: Reach, name: string) => figures.bySector.find((row) => row.sector === name)?.placesBooked ?? 0;
  expect(sector(after.trainingReach, 'POLICE') - sector(before.trainingReach, 'POLICE')).toBe(4 + 5);
  expect(sector(after.trainingReach, 'LOCAL_AUTHORITY') - sector(before.trainingReach, 'LOCAL_AUTHORITY')).toBe(8 + 10);
  expect(sector(after.trainingReach, 'HEALTH_PROVIDER') - sector(before.trainingReach, 'HEALTH_PROVIDER')).toBe(8);

  // --- Coverage over the year: both themes now addressed by the course's three sessions that go ahead; the gap list is two shorter.
  const coverageAfter = await coverage(YEAR.from);
  for (const theme of [first, second]) {
    expect(themeOf(coverageAfter, theme)).toMatchObject({
      addressed: true,
      sessions: [{ date: '2027-05-12' }, { date: '2027-09-15' }, { date: '2028-01-19' }],
    });
    expect(themeOf(coverageAfter, theme).courses.map((item) => item.id)).toContain(course.id);
  }
  expect(coverageBefore.gaps.length - coverageAfter.gaps.length).toBe(2);
  expect(coverageAfter.gaps.map((gap) => gap.id)).toEqual(coverageBefore.gaps.map((gap) => gap.id).filter((id) => id !== first && id !== second));
  // From February 2028 the only session was the cancelled one: the gaps are as they were before the year was added.
  const lateAfter = await coverage('2028-02-01');
  expect(themeOf(lateAfter, first)).toMatchObject({ addressed: false, sessions: [] });
  expect(lateAfter.gaps).toEqual(lateCoverageBefore.gaps);

  // --- The programme lists all four sessions, the cancelled one marked; its summary counts the three.
  const { partnership } = await ask(
    `{ partnership(slug: "${OWN}") { trainingProgramme(year: 2027) { courses { id } sessions { date status } impactSummary { placesBooked } } } }`,
  );
  const programme = partnership.trainingProgramme;
  expect(programme.courses.map((item: { id: string }) => item.id)).toContain(course.id);
  expect(programme.sessions.filter((session: { status: string }) => session.status === 'CANCELLED')).toEqual([{ date: '2028-03-08', status: 'CANCELLED' }]);
  expect(programme.impactSummary.placesBooked).toBe(35 + (await seededPlacesBookedIn2027()));
});

/** Places booked on seeded sessions in 2027/28 (they run to 31 March 2027, so none is expected). */
async function seededPlacesBookedIn2027(): Promise<number> {
  const [row] = await federation.dataSources.training!.query<{ places: string }[]>(
    `SELECT coalesce(sum(s.booked_places), 0)::text AS places FROM training.training_session s
       JOIN training.course_partnership p ON p.course_id = s.course_id
      WHERE p.partnership_id = $1 AND s.held_on BETWEEN $2 AND $3 AND s.source->>'synthetic' = 'true'`,
    [OWN, YEAR.from, YEAR.to],
  );
  return Number(row!.places);
}
