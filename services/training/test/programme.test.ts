import { grant, startTestFederation, type TestFederation } from '@safeguarding/testkit';
import { THEME_IDS } from '@safeguarding/vocabulary';
import { packCourses, seededHistory } from './seeded-packs';

const courses = packCourses();

/** The seeded programme through the gateway: the generator is the oracle, and it is labelled synthetic. */
let federation: TestFederation;
beforeAll(async () => {
  federation = await startTestFederation({ only: ['arrangements', 'membership', 'training'] });
});
afterAll(async () => {
  await federation?.stop();
});

const seed = seededHistory();

describe('seed data', () => {
  it('generates the same data every time (fixed seed)', () => {
    expect(seededHistory()).toEqual(seed);
  });

  it('tags every course with vocabulary themes, and never overbooks a seeded session', () => {
    for (const course of courses) for (const themeId of course.themes) expect(THEME_IDS.has(themeId)).toBe(true);
    for (const session of seed.sessions) {
      const booked = seed.bookings.filter((booking) => booking.sessionId === session.id).reduce((total, booking) => total + booking.places, 0);
      expect(booked).toBeLessThanOrEqual(session.capacity);
    }
  });
});

describe('trainingProgramme', () => {
  const PROGRAMME = `query ($slug: String!) {
    partnership(slug: $slug) {
      name
      trainingProgramme(year: 2024) { label synthetic courses { id source { synthetic } } sessions { id date course { id } } }
    }
  }`;

  it.each(['shropshire', 'telford-and-wrekin', 'solihull'])('gives %s a synthetic 2024/25 programme matching the seed', async (slug) => {
    const { data, errors } = await federation.query(PROGRAMME, { variables: { slug } });
    expect(errors).toBeUndefined();
    const programme = data!.partnership.trainingProgramme;
    const offered = new Set(courses.filter((course) => course.partnershipIds.includes(slug)).map((course) => course.id));
    const expectedSessions = seed.sessions
      .filter((session) => offered.has(session.courseId) && session.heldOn >= '2024-04-01' && session.heldOn <= '2025-03-31')
      .sort((a, b) => a.heldOn.localeCompare(b.heldOn) || a.id.localeCompare(b.id));
    expect(programme.label).toBe('2024/25');
    expect(programme.synthetic).toBe(true);
    expect(expectedSessions.length).toBeGreaterThan(0);
    expect(programme.sessions.map((session: { id: string }) => session.id)).toEqual(expectedSessions.map((session) => session.id));
    expect(programme.courses.map((course: { id: string }) => course.id).sort()).toEqual(
      [...new Set(expectedSessions.map((session) => session.courseId))].sort(),
    );
    expect(programme.courses.every((course: { source: { synthetic: boolean } }) => course.source.synthetic)).toBe(true);
  });

  it('puts a joint course in both partnerships it is offered by', async () => {
    const { data } = await federation.query(`{ course(id: "joint.domestic-abuse-and-children") { offeredBy { id name } } }`);
    expect(data!.course.offeredBy.map((partnership: { id: string }) => partnership.id)).toEqual(['shropshire', 'telford-and-wrekin']);
    expect(data!.course.offeredBy[1].name).toBe('Telford & Wrekin Safeguarding Partnership');
  });
});

describe('course', () => {
  it('gives a course its themes, regional procedure chapters, audience, level and sources of learning', async () => {
    const { data, errors } = await federation.query(`{
      course(id: "shropshire.neglect-recognising-and-responding") {
        title audience level informedBy
        themes { id courses { id } }
        regionalProcedureChapters { procedureId title }
        sessions(from: "2024-04-01", to: "2025-03-31") { date }
      }
    }`);
    expect(errors).toBeUndefined();
    const course = data!.course;
    expect(course).toMatchObject({ title: 'Neglect: recognising and responding', audience: 'CHILDREN_AND_FAMILIES_WORKFORCE', level: 'FOUNDATION' });
    expect(course.informedBy).toEqual(['SAFEGUARDING_PRACTICE_REVIEW', 'MULTI_AGENCY_CASE_FILE_AUDIT']);
    expect(course.themes.map((theme: { id: string }) => theme.id)).toEqual(['early-help', 'neglect', 'professional-curiosity']);
    // The neglect theme is taught by the Shropshire course and Telford & Wrekin's own.
    const neglect = course.themes.find((theme: { id: string }) => theme.id === 'neglect');
    expect(neglect.courses.map((c: { id: string }) => c.id).sort()).toEqual([
      'shropshire.neglect-recognising-and-responding',
      'telford-and-wrekin.neglect-thematic-practice',
    ]);
    expect(course.regionalProcedureChapters).toEqual([
      { procedureId: 'west-midlands-regional-child-protection-procedures', title: 'Neglect' },
      { procedureId: 'west-midlands-regional-child-protection-procedures', title: 'Early Help' },
    ]);
    const expectedDates = seed.sessions
      .filter(
        (session) => session.courseId === 'shropshire.neglect-recognising-and-responding' && session.heldOn >= '2024-04-01' && session.heldOn <= '2025-03-31',
      )
      .map((session) => session.heldOn)
      .sort();
    expect(course.sessions.map((session: { date: string }) => session.date)).toEqual(expectedDates);
  });

  it('finds every course and later session that teaches a theme, across partnerships', async () => {
    const { data, errors } = await federation.query(`{
      course(id: "joint.domestic-abuse-and-children") { themes { id courses { id } trainingSessionsSince(date: "2025-04-01") { id date } } }
    }`);
    expect(errors).toBeUndefined();
    const domesticAbuse = data!.course.themes.find((theme: { id: string }) => theme.id === 'domestic-abuse');
    const teaching = courses.filter((course) => course.themes.includes('domestic-abuse')).map((course) => course.id);
    expect(domesticAbuse.courses.map((course: { id: string }) => course.id).sort()).toEqual(teaching.sort());
    const expected = seed.sessions
      .filter((session) => teaching.includes(session.courseId) && session.heldOn >= '2025-04-01')
      .sort((a, b) => a.heldOn.localeCompare(b.heldOn) || a.id.localeCompare(b.id));
    expect(expected.length).toBeGreaterThan(0);
    expect(domesticAbuse.trainingSessionsSince).toEqual(expected.map((session) => ({ id: session.id, date: session.heldOn })));
  });

  it('answers null for an unknown course or session, and for ids that cannot exist', async () => {
    const { data, errors } = await federation.query(
      `{ a: course(id: "shropshire.nothing") { id } b: trainingSession(id: "not-a-uuid") { id } c: trainingSession(id: "00000000-0000-4000-8000-000000000000") { id } }`,
    );
    expect(errors).toBeUndefined();
    expect(data).toEqual({ a: null, b: null, c: null });
  });
});

describe('who sees bookings', () => {
  const shropshireSession = seed.sessions.find(
    (session) => session.courseId === 'shropshire.self-neglect-and-hoarding' && seed.bookings.some((booking) => booking.sessionId === session.id),
  )!;
  const QUERY = `query ($id: ID!) { trainingSession(id: $id) { placesLeft bookings { places organisationSector organisation { id } } } }`;

  it.each([
    ['an analyst', [grant('analyst')]],
    ['a member of the offering partnership', [grant('member', 'shropshire')]],
    ['a regional admin', [grant('regional-admin')]],
  ])('shows them to %s', async (_who, as) => {
    const { data, errors } = await federation.query(QUERY, { variables: { id: shropshireSession.id }, as });
    expect(errors).toBeUndefined();
    const expected = seed.bookings.filter((booking) => booking.sessionId === shropshireSession.id);
    expect(data!.trainingSession.bookings).toHaveLength(expected.length);
    expect(data!.trainingSession.bookings.map((booking: { organisation: { id: string } }) => booking.organisation.id)).toEqual(
      expected.map((booking) => booking.organisationId).sort(),
    );
  });

  it.each([
    ['the anonymous public', 'UNAUTHENTICATED', undefined],
    ['a member of a partnership not offering the course', 'FORBIDDEN', [grant('member', 'solihull')]],
    ['the forum secretariat', 'FORBIDDEN', [grant('forum-secretariat')]],
  ])('refuses %s with %s, while places left stay public', async (_who, code, as) => {
    const { data, errors } = await federation.query(`query ($id: ID!) { trainingSession(id: $id) { placesLeft } }`, {
      variables: { id: shropshireSession.id },
      as,
    });
    expect(errors).toBeUndefined();
    expect(typeof data!.trainingSession.placesLeft).toBe('number');
    const denied = await federation.query(QUERY, { variables: { id: shropshireSession.id }, as });
    expect(denied.errors![0]!.extensions!.code).toBe(code);
  });
});

describe('expected sessions', () => {
  it("projects a seeded course's yearly programme forward from its last year of sessions, after today", async () => {
    const { todayInEngland } = await import('@safeguarding/subgraph-runtime');
    const { projectYearlySessions } = await import('../rules/expected-sessions');
    const course = 'shropshire.neglect-recognising-and-responding';
    const { data, errors } = await federation.query(
      `{ course(id: "${course}") { id sessions { id date } expectedSessions(limit: 3) { date deliveryMethod projectedFrom basis course { id } } } }`,
    );
    expect(errors).toBeUndefined();
    const seeded = seed.sessions
      .filter((session) => session.courseId === course)
      .map((session) => ({ date: session.heldOn, status: 'SCHEDULED' as const, deliveryMethod: session.deliveryMethod }));
    const oracle = projectYearlySessions(seeded, { today: todayInEngland(), limit: 3 });
    expect(oracle).toHaveLength(3);
    expect(data!.course.expectedSessions).toEqual(oracle.map((projection) => ({ ...projection, course: { id: course } })));
    const scheduled = new Set(data!.course.sessions.map((session: { date: string }) => session.date));
    for (const expected of data!.course.expectedSessions) {
      expect(expected.date >= todayInEngland()).toBe(true);
      expect(scheduled.has(expected.date)).toBe(false);
    }
  });

  it('refuses a limit out of range', async () => {
    const { errors } = await federation.query(`{ course(id: "shropshire.neglect-recognising-and-responding") { expectedSessions(limit: 0) { date } } }`);
    expect(errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
  });
});
