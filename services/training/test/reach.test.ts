import { grant, startTestFederation, type TestFederation } from '@safeguarding/testkit';
import { insertCourse, insertEvidence, insertSessions } from './fixtures';

/**
 * Reach and the annual impact summary through the gateway, on a fixture in 2010 (before any seeded
 * session, so the seed adds nothing), with every figure worked out by hand below.
 */
let federation: TestFederation;
beforeAll(async () => {
  federation = await startTestFederation({ only: ['arrangements', 'membership', 'training'] });
  const training = federation.dataSources.training!;
  await insertCourse(training, { id: 'solihull.fixture-reach', title: 'Fixture reach course', partnershipIds: ['solihull'], themeIds: ['neglect'] });
  await insertSessions(training, 'solihull.fixture-reach', [
    {
      heldOn: '2010-05-01',
      deliveryMethod: 'FACE_TO_FACE',
      capacity: 20,
      feedback: { responses: 8, ratingTotal: 34, willChangePractice: 6 },
      bookings: [
        { organisationId: 'west-midlands-police', sector: 'POLICE', places: 6, attended: 5 },
        { organisationId: 'solihull-mbc', sector: 'LOCAL_AUTHORITY', places: 4, attended: 4 },
      ],
    },
    {
      heldOn: '2010-06-01',
      deliveryMethod: 'VIRTUAL',
      capacity: 30,
      feedback: { responses: 2, ratingTotal: 7, willChangePractice: 1 },
      bookings: [
        { organisationId: 'west-midlands-police', sector: 'POLICE', places: 2, attended: 0 },
        { organisationId: 'general-practice', sector: 'PRIMARY_CARE', places: 4, attended: null },
      ],
    },
    { heldOn: '2010-07-01', deliveryMethod: 'FACE_TO_FACE', capacity: 10 },
    // Outside both the reach window and the 2010/11 financial year.
    {
      heldOn: '2011-05-01',
      deliveryMethod: 'CONFERENCE',
      capacity: 100,
      bookings: [{ organisationId: 'solihull-mbc', sector: 'LOCAL_AUTHORITY', places: 50, attended: 50 }],
    },
  ]);
  await insertEvidence(training, 'solihull.fixture-reach', 'solihull', 'SUPERVISION', '2010-09-01');
  await insertEvidence(training, 'solihull.fixture-reach', 'solihull', 'PRACTICE_CHANGE', '2011-06-01');
});
afterAll(async () => {
  await federation?.stop();
});

const REACH = `query ($slug: String!, $from: Date!, $to: Date!) {
  partnership(slug: $slug) {
    name
    trainingReach(from: $from, to: $to) {
      from to sessions capacity placesBooked attendances fillRate
      byAgency { organisation { id name } sector placesBooked attendances sessionsAttended }
      bySector { sector agencies placesBooked attendances }
      deliveryMethodMix { deliveryMethod sessions share attendances }
    }
  }
}`;
const WINDOW = { slug: 'solihull', from: '2010-01-01', to: '2010-12-31' };

describe('trainingReach', () => {
  it('gives attendances by agency and sector, fill rate and delivery-method mix', async () => {
    const { data, errors } = await federation.query(REACH, { variables: WINDOW, as: [grant('analyst')] });
    expect(errors).toBeUndefined();
    // Capacity 20 + 30 + 10 = 60; booked 10 + 6 + 0 = 16 -> 16/60 = 0.2667; attended 5 + 4 + 0 = 9.
    expect(data!.partnership.trainingReach).toEqual({
      from: '2010-01-01',
      to: '2010-12-31',
      sessions: 3,
      capacity: 60,
      placesBooked: 16,
      attendances: 9,
      fillRate: 0.2667,
      byAgency: [
        { organisation: { id: 'west-midlands-police', name: 'West Midlands Police' }, sector: 'POLICE', placesBooked: 8, attendances: 5, sessionsAttended: 1 },
        {
          organisation: { id: 'solihull-mbc', name: expect.stringContaining('Solihull') },
          sector: 'LOCAL_AUTHORITY',
          placesBooked: 4,
          attendances: 4,
          sessionsAttended: 1,
        },
        { organisation: { id: 'general-practice', name: expect.any(String) }, sector: 'PRIMARY_CARE', placesBooked: 4, attendances: 0, sessionsAttended: 0 },
      ],
      bySector: [
        { sector: 'POLICE', agencies: 1, placesBooked: 8, attendances: 5 },
        { sector: 'LOCAL_AUTHORITY', agencies: 1, placesBooked: 4, attendances: 4 },
        { sector: 'PRIMARY_CARE', agencies: 1, placesBooked: 4, attendances: 0 },
      ],
      deliveryMethodMix: [
        { deliveryMethod: 'FACE_TO_FACE', sessions: 2, share: 0.6667, attendances: 9 },
        { deliveryMethod: 'VIRTUAL', sessions: 1, share: 0.3333, attendances: 0 },
      ],
    });
  });

  it('counts a one-day window inclusively', async () => {
    const { data } = await federation.query(REACH, { variables: { ...WINDOW, from: '2010-06-01', to: '2010-06-01' }, as: [grant('member', 'solihull')] });
    expect(data!.partnership.trainingReach).toMatchObject({ sessions: 1, capacity: 30, placesBooked: 6, attendances: 0, fillRate: 0.2 });
  });

  it('has no fill rate when nothing ran', async () => {
    const { data } = await federation.query(REACH, { variables: { ...WINDOW, from: '2001-01-01', to: '2001-12-31' }, as: [grant('analyst')] });
    expect(data!.partnership.trainingReach).toMatchObject({ sessions: 0, capacity: 0, fillRate: null, byAgency: [], bySector: [], deliveryMethodMix: [] });
  });

  it.each([
    ['the anonymous public', 'UNAUTHENTICATED', undefined],
    ['a member of another partnership', 'FORBIDDEN', [grant('member', 'shropshire')]],
    ['the forum secretariat', 'FORBIDDEN', [grant('forum-secretariat')]],
  ])('refuses %s with %s', async (_who, code, as) => {
    const { data, errors } = await federation.query(REACH, { variables: WINDOW, as });
    expect(errors![0]!.extensions!.code).toBe(code);
    expect(data?.partnership?.trainingReach ?? null).toBeNull();
  });

  it.each([
    ['a period that ends before it starts', { from: '2010-12-31', to: '2010-01-01' }, /after/],
    ['an impossible date', { from: '2010-02-30', to: '2010-12-31' }, /not a real calendar date/],
  ])('refuses %s with BAD_USER_INPUT', async (_case, dates, message) => {
    const { errors } = await federation.query(REACH, { variables: { ...WINDOW, ...dates }, as: [grant('analyst')] });
    expect(errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(errors![0]!.message).toMatch(message);
  });
});

describe('annual impact summary', () => {
  it('summarises the 2010/11 programme from the fixture', async () => {
    const { data, errors } = await federation.query(`{
      partnership(slug: "solihull") {
        trainingProgramme(year: 2010) {
          year label from to synthetic
          courses { id }
          sessions { date placesLeft feedback { responses averageRating willChangePracticeShare } }
          impactSummary { sessionsDelivered placesBooked attendances agenciesReached feedbackResponses averageRating impactEvidence { kind count } }
        }
      }
    }`);
    expect(errors).toBeUndefined();
    const programme = data!.partnership.trainingProgramme;
    expect(programme).toMatchObject({
      year: 2010,
      label: '2010/11',
      from: '2010-04-01',
      to: '2011-03-31',
      synthetic: true,
      courses: [{ id: 'solihull.fixture-reach' }],
    });
    // 34/8 = 4.25 and 6/8 = 0.75; 7/2 = 3.5 and 1/2 = 0.5.
    expect(programme.sessions).toEqual([
      { date: '2010-05-01', placesLeft: 10, feedback: { responses: 8, averageRating: 4.25, willChangePracticeShare: 0.75 } },
      { date: '2010-06-01', placesLeft: 24, feedback: { responses: 2, averageRating: 3.5, willChangePracticeShare: 0.5 } },
      { date: '2010-07-01', placesLeft: 10, feedback: null },
    ]);
    // (34 + 7) / 10 = 4.1; agencies with anyone attending: the police and the council.
    expect(programme.impactSummary).toEqual({
      sessionsDelivered: 3,
      placesBooked: 16,
      attendances: 9,
      agenciesReached: 2,
      feedbackResponses: 10,
      averageRating: 4.1,
      impactEvidence: [
        { kind: 'PRACTICE_AUDIT', count: 0 },
        { kind: 'SUPERVISION', count: 1 },
        { kind: 'PRACTICE_CHANGE', count: 0 },
      ],
    });
  });

  it('refuses a year outside 2000-2100 with BAD_USER_INPUT', async () => {
    const { errors } = await federation.query(`{ partnership(slug: "solihull") { trainingProgramme(year: 1850) { label } } }`);
    expect(errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(errors![0]!.message).toMatch(/2024 for 2024\/25/);
  });
});
