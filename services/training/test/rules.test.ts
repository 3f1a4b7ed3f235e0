import { grant } from '@safeguarding/testkit';
import { attendanceProblems, bookingProblems } from '../rules/booking-rules';
import { defaultCoverageSince, financialYear, financialYearOf } from '../rules/financial-year';
import { summariseImpact } from '../rules/impact-summary';
import { evaluateLearningCoverage } from '../rules/learning-coverage';
import { mayAct, rolesFor } from '../access';
import { summariseTrainingReach, type ReachBooking, type ReachSession } from '../rules/training-reach';
import {
  capacityProblems,
  countsInFigures,
  courseThemeProblems,
  evaluationProblems,
  retirementProblems,
  sessionChangeableProblems,
  sessionProblems,
} from '../rules/programme-rules';
import { titleSlug } from '../operations/programme-records';

/** Each rule evaluator, case by case, with figures worked out by hand. */
const caller = (...grants: ReturnType<typeof grant>[]) => ({ subject: 'someone', grants });

describe('financial years', () => {
  it.each([
    [2024, { year: 2024, label: '2024/25', from: '2024-04-01', to: '2025-03-31' }],
    [1999, { year: 1999, label: '1999/00', from: '1999-04-01', to: '2000-03-31' }],
  ])('names and bounds %i', (year, expected) => {
    expect(financialYear(year)).toEqual(expected);
  });
  it.each([
    ['2024-03-31', 2023],
    ['2024-04-01', 2024],
    ['2024-12-31', 2024],
    ['2025-01-01', 2024],
  ])('puts %s in the year starting %i', (date, year) => {
    expect(financialYearOf(date)).toBe(year);
  });
  it('looks back to the start of the financial year two years ago for coverage', () => {
    expect(defaultCoverageSince('2026-11-26')).toBe('2024-04-01');
    expect(defaultCoverageSince('2026-03-31')).toBe('2023-04-01');
  });
});

describe('training access', () => {
  it.each([
    ['the anonymous public', caller(), 'readReach', false],
    ['an analyst', caller(grant('analyst')), 'readReach', true],
    ['a regional admin', caller(grant('regional-admin')), 'readLearningCoverage', true],
    ['a member of the partnership', caller(grant('member', 'solihull')), 'readBookings', true],
    ['a member of another partnership', caller(grant('member', 'shropshire')), 'readReach', false],
    ['a forum secretariat', caller(grant('forum-secretariat')), 'readReach', false],
    ['a member, booking', caller(grant('member', 'solihull')), 'bookPlaces', true],
    ['an analyst, booking', caller(grant('analyst')), 'bookPlaces', false],
    ['a member, recording attendance', caller(grant('member', 'solihull')), 'recordAttendance', false],
    ['an admin, recording attendance', caller(grant('partnership-admin', 'solihull')), 'recordAttendance', true],
  ] as const)('%s: %s -> %s', (_who, who, action, expected) => {
    expect(mayAct(who, action, ['solihull'])).toBe(expected);
  });
  it('lets a member of either partnership act on a joint course', () => {
    expect(mayAct(caller(grant('member', 'telford-and-wrekin')), 'bookPlaces', ['shropshire', 'telford-and-wrekin'])).toBe(true);
  });
  it('lists the roles that can qualify, for the coarse shield check', () => {
    expect(rolesFor('readReach').sort()).toEqual(['analyst', 'member', 'partnership-admin', 'regional-admin']);
    expect(rolesFor('recordAttendance')).toEqual(['partnership-admin']);
  });
});

describe('booking rules', () => {
  const request = { placesAlreadyHeld: 0, places: 2, sessionHeldOn: '2030-05-01', today: '2030-04-01' };
  it('accepts a booking within the limits', () => {
    expect(bookingProblems(request)).toEqual([]);
  });
  it.each([
    ['no places', { places: 0 }, /between 1 and 50/],
    ['too many places', { places: 51 }, /between 1 and 50/],
    ['a fraction of a place', { places: 1.5 }, /between 1 and 50/],
    ['more than 50 in all for one agency', { placesAlreadyHeld: 49, places: 2 }, /book at most 1 more/],
    ['a session in the past', { sessionHeldOn: '2030-03-31' }, /took place on 2030-03-31/],
  ])('refuses %s', (_case, change, message) => {
    const problems = bookingProblems({ ...request, ...change });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(message);
  });
  it('allows booking on the day of the session', () => {
    expect(bookingProblems({ ...request, sessionHeldOn: '2030-04-01' })).toEqual([]);
  });
  it.each([
    ['all attended', { attendedPlaces: 3 }, 0],
    ['none attended', { attendedPlaces: 0 }, 0],
    ['more than booked', { attendedPlaces: 4 }, 1],
    ['negative', { attendedPlaces: -1 }, 1],
    ['a session still to come', { sessionHeldOn: '2030-04-02' }, 1],
  ])('attendance: %s', (_case, change, problemCount) => {
    expect(attendanceProblems({ attendedPlaces: 2, bookedPlaces: 3, sessionHeldOn: '2030-03-01', today: '2030-04-01', ...change })).toHaveLength(problemCount);
  });
});

describe('training reach', () => {
  const sessions: ReachSession[] = [
    { id: 's1', heldOn: '2030-01-10', deliveryMethod: 'FACE_TO_FACE', capacity: 20, bookedPlaces: 10 },
    { id: 's2', heldOn: '2030-02-10', deliveryMethod: 'VIRTUAL', capacity: 30, bookedPlaces: 6 },
    { id: 's3', heldOn: '2030-03-10', deliveryMethod: 'FACE_TO_FACE', capacity: 10, bookedPlaces: 0 },
    { id: 'outside', heldOn: '2031-01-01', deliveryMethod: 'CONFERENCE', capacity: 100, bookedPlaces: 50 },
  ];
  const bookings: ReachBooking[] = [
    { sessionId: 's1', organisationId: 'police', organisationSector: 'POLICE', places: 6, attendedPlaces: 5, bookedOn: '2030-01-01' },
    { sessionId: 's1', organisationId: 'council', organisationSector: 'LOCAL_AUTHORITY', places: 4, attendedPlaces: 4, bookedOn: '2030-01-01' },
    { sessionId: 's2', organisationId: 'police', organisationSector: 'POLICE', places: 2, attendedPlaces: 0, bookedOn: '2030-02-01' },
    { sessionId: 's2', organisationId: 'school', organisationSector: 'EDUCATION', places: 4, attendedPlaces: null, bookedOn: '2030-02-01' },
    { sessionId: 'outside', organisationId: 'council', organisationSector: 'LOCAL_AUTHORITY', places: 50, attendedPlaces: 50, bookedOn: '2030-12-01' },
  ];
  it('totals, fill rate, agencies, sectors and delivery methods', () => {
    const reach = summariseTrainingReach('2030-01-01', '2030-12-31', sessions, bookings);
    // Capacity 20 + 30 + 10 = 60; booked 10 + 6 + 0 = 16; 16 / 60 = 0.26666 -> 0.2667.
    expect(reach).toMatchObject({ sessions: 3, capacity: 60, placesBooked: 16, attendances: 9, fillRate: 0.2667 });
    expect(reach.byAgency).toEqual([
      { organisationId: 'police', sector: 'POLICE', placesBooked: 8, attendances: 5, sessionsAttended: 1 },
      { organisationId: 'council', sector: 'LOCAL_AUTHORITY', placesBooked: 4, attendances: 4, sessionsAttended: 1 },
      { organisationId: 'school', sector: 'EDUCATION', placesBooked: 4, attendances: 0, sessionsAttended: 0 },
    ]);
    expect(reach.bySector).toEqual([
      { sector: 'POLICE', agencies: 1, placesBooked: 8, attendances: 5 },
      { sector: 'LOCAL_AUTHORITY', agencies: 1, placesBooked: 4, attendances: 4 },
      { sector: 'EDUCATION', agencies: 1, placesBooked: 4, attendances: 0 },
    ]);
    expect(reach.deliveryMethodMix).toEqual([
      { deliveryMethod: 'FACE_TO_FACE', sessions: 2, share: 0.6667, attendances: 9 },
      { deliveryMethod: 'VIRTUAL', sessions: 1, share: 0.3333, attendances: 0 },
    ]);
  });
  it('reports an agency under the sector of its latest booking', () => {
    const reclassified: ReachBooking[] = [
      { sessionId: 's1', organisationId: 'trust', organisationSector: 'HEALTH_PROVIDER', places: 1, attendedPlaces: 1, bookedOn: '2030-01-01' },
      { sessionId: 's2', organisationId: 'trust', organisationSector: 'HEALTH_COMMISSIONER', places: 1, attendedPlaces: 1, bookedOn: '2030-02-01' },
    ];
    const reach = summariseTrainingReach('2030-01-01', '2030-12-31', sessions, reclassified);
    expect(reach.byAgency[0]!.sector).toBe('HEALTH_COMMISSIONER');
    expect(reach.bySector.map((sector) => sector.sector).sort()).toEqual(['HEALTH_COMMISSIONER', 'HEALTH_PROVIDER']);
  });
  it('has no fill rate for a period without sessions', () => {
    expect(summariseTrainingReach('2020-01-01', '2020-12-31', sessions, bookings)).toMatchObject({
      sessions: 0,
      fillRate: null,
      byAgency: [],
      deliveryMethodMix: [],
    });
  });
});

describe('impact summary', () => {
  it('counts delivered sessions, attendances, agencies, feedback and evidence', () => {
    const summary = summariseImpact(
      [
        { id: 'a', heldOn: '2030-01-01', feedbackResponses: 4, feedbackRatingTotal: 17 },
        { id: 'b', heldOn: '2030-02-01', feedbackResponses: 3, feedbackRatingTotal: 10 },
        { id: 'future', heldOn: '2030-06-01', feedbackResponses: null, feedbackRatingTotal: null },
      ],
      [
        { sessionId: 'a', organisationId: 'police', places: 3, attendedPlaces: 3 },
        { sessionId: 'b', organisationId: 'police', places: 2, attendedPlaces: 1 },
        { sessionId: 'b', organisationId: 'council', places: 2, attendedPlaces: 0 },
        { sessionId: 'future', organisationId: 'school', places: 5, attendedPlaces: null },
      ],
      ['SUPERVISION', 'PRACTICE_CHANGE', 'SUPERVISION'],
      '2030-03-01',
    );
    // Rating (17 + 10) / 7 = 3.857 -> 3.86; only the police attended.
    expect(summary).toEqual({
      sessionsDelivered: 2,
      placesBooked: 12,
      attendances: 4,
      agenciesReached: 1,
      feedbackResponses: 7,
      averageRating: 3.86,
      impactEvidence: [
        { kind: 'PRACTICE_AUDIT', count: 0 },
        { kind: 'SUPERVISION', count: 2 },
        { kind: 'PRACTICE_CHANGE', count: 1 },
      ],
    });
  });
});

describe('learning coverage', () => {
  const courses = [
    { id: 'neglect-course', title: 'Neglect', themeIds: ['neglect', 'early-help'] },
    { id: 'old-course', title: 'Mental capacity', themeIds: ['mental-capacity'] },
    { id: 'another-neglect', title: 'Advanced neglect', themeIds: ['neglect'] },
  ];
  const sessions = [
    { id: 'n1', courseId: 'neglect-course', heldOn: '2030-05-01' },
    { id: 'n0', courseId: 'neglect-course', heldOn: '2029-01-01' },
    { id: 'a1', courseId: 'another-neglect', heldOn: '2030-02-01' },
    { id: 'm0', courseId: 'old-course', heldOn: '2028-01-01' },
  ];
  it('lists the training per review theme and the gaps', () => {
    const coverage = evaluateLearningCoverage(['neglect', 'mental-capacity', 'exploitation', 'neglect'], courses, sessions, '2030-01-01');
    expect(coverage.themes).toEqual([
      { themeId: 'exploitation', courseIds: [], sessionIds: [], addressed: false },
      { themeId: 'mental-capacity', courseIds: ['old-course'], sessionIds: [], addressed: false },
      { themeId: 'neglect', courseIds: ['another-neglect', 'neglect-course'], sessionIds: ['a1', 'n1'], addressed: true },
    ]);
    expect(coverage.gapThemeIds).toEqual(['exploitation', 'mental-capacity']);
  });
  it('has nothing to say when the reviews raised no themes', () => {
    expect(evaluateLearningCoverage([], courses, sessions, '2030-01-01')).toEqual({ themes: [], gapThemeIds: [] });
  });
});

describe('keeping the programme: who may', () => {
  it.each([
    ['an admin of the partnership', caller(grant('partnership-admin', 'solihull')), true],
    ['a member of the partnership', caller(grant('member', 'solihull')), false],
    ["another partnership's admin", caller(grant('partnership-admin', 'shropshire')), false],
    ['a regional admin', caller(grant('regional-admin')), false],
    ['an analyst', caller(grant('analyst')), false],
  ] as const)('%s -> %s', (_who, who, expected) => {
    expect(mayAct(who, 'manageProgramme', ['solihull'])).toBe(expected);
  });
});

describe('course themes', () => {
  it.each([
    [['neglect'], []],
    [['neglect', 'exploitation'], []],
    [[], ['themeIds must name 1 to 12 themes, got 0']],
    [['neglect', 'no-such-theme'], ['themeIds names no theme of the shared vocabulary: "no-such-theme"; query themes { id }']],
    [['neglect', 'neglect'], ['themeIds names a theme twice; give each once']],
  ])('%j -> %j', (themeIds, messages) => {
    expect(courseThemeProblems(themeIds).map((problem) => problem.message)).toEqual(messages);
  });
});

describe('a session plan', () => {
  const plan = {
    date: '2027-05-10',
    startTime: '09:30',
    endTime: '12:30',
    today: '2026-12-02',
    courseRetiredOn: null,
    deliveryMethod: 'FACE_TO_FACE' as const,
    venue: 'Addenbrooke House, Telford',
    virtualLink: null,
    capacity: 24,
  };
  const fields = (overrides: Record<string, unknown>) => sessionProblems({ ...plan, ...(overrides as Partial<typeof plan>) }).map((p) => p.field);
  it.each([
    ['a good plan in person', {}, []],
    ['a good virtual plan', { deliveryMethod: 'VIRTUAL', venue: null, virtualLink: 'https://teams.example/join/1' }, []],
    ['a past date', { date: '2026-12-01' }, ['date']],
    ['today', { date: '2026-12-02' }, []],
    ['36 months ahead', { date: '2029-12-02' }, []],
    ['more than 36 months ahead', { date: '2029-12-03' }, ['date']],
    ['a date after the course retired', { courseRetiredOn: '2027-03-31' }, ['date']],
    ['the retirement day itself', { courseRetiredOn: '2027-05-10' }, []],
    ['a start time not on the clock', { startTime: '9.30' }, ['startTime']],
    ['24:00', { endTime: '24:00' }, ['endTime']],
    ['an end before the start', { endTime: '09:00' }, ['endTime']],
    ['an end equal to the start', { endTime: '09:30' }, ['endTime']],
    ['in person without a venue', { venue: null }, ['venue']],
    ['in person with a link', { virtualLink: 'https://teams.example/join/1' }, ['virtualLink']],
    ['virtual without a link', { deliveryMethod: 'VIRTUAL', venue: null }, ['virtualLink']],
    ['virtual with a venue', { deliveryMethod: 'E_LEARNING', venue: 'Room 1', virtualLink: 'https://learn.example/' }, ['venue']],
    ['a plain http link', { deliveryMethod: 'VIRTUAL', venue: null, virtualLink: 'http://teams.example/join/1' }, ['virtualLink']],
    ['a javascript: link', { deliveryMethod: 'VIRTUAL', venue: null, virtualLink: 'javascript:alert(1)' }, ['virtualLink']],
    ['no places', { capacity: 0 }, ['capacity']],
    ['501 places', { capacity: 501 }, ['capacity']],
    ['500 places', { capacity: 500 }, []],
  ])('%s -> %j', (_case, overrides, expected) => {
    expect(fields(overrides)).toEqual(expected);
  });
});

describe('a session capacity', () => {
  it.each([
    [{ capacity: 20, bookedPlaces: 12 }, []],
    [{ capacity: 12, bookedPlaces: 12 }, []],
    [{ capacity: 11, bookedPlaces: 12 }, ['capacity 11 is below the 12 places already booked; give at least 12']],
    [{ capacity: 0, bookedPlaces: 0 }, ['capacity must be between 1 and 500, got 0']],
    [{ capacity: 2.5, bookedPlaces: 0 }, ['capacity must be between 1 and 500, got 2.5']],
  ])('%j -> %j', (request, messages) => {
    expect(capacityProblems(request).map((problem) => problem.message)).toEqual(messages);
  });
});

describe('a session that can still change', () => {
  it.each([
    [{ status: 'SCHEDULED' as const, heldOn: '2027-01-10' }, []],
    [{ status: 'SCHEDULED' as const, heldOn: '2026-12-02' }, []],
    [{ status: 'SCHEDULED' as const, heldOn: '2026-12-01' }, ['id']],
    [{ status: 'CANCELLED' as const, heldOn: '2027-01-10' }, ['id']],
  ])('%j -> %j', (session, fields) => {
    expect(sessionChangeableProblems(session, '2026-12-02').map((problem) => problem.field)).toEqual(fields);
  });
  it('counts a cancelled session in no figure', () => {
    expect(countsInFigures({ status: 'SCHEDULED' })).toBe(true);
    expect(countsInFigures({ status: 'CANCELLED' })).toBe(false);
  });
});

describe("a course's retirement", () => {
  it.each([
    [{ retiredOn: '2027-03-31', alreadyRetiredOn: null, sessionsGoingAheadAfter: [] }, []],
    [{ retiredOn: '2027-03-31', alreadyRetiredOn: null, sessionsGoingAheadAfter: ['2027-05-01'] }, ['retiredOn']],
    [{ retiredOn: '2027-03-31', alreadyRetiredOn: '2026-03-31', sessionsGoingAheadAfter: [] }, ['id']],
  ])('%j -> %j', (request, fields) => {
    expect(retirementProblems(request).map((problem) => problem.field)).toEqual(fields);
  });
});

describe('an evaluation', () => {
  it.each([
    ['2026-12-02', []],
    ['2025-01-10', []],
    ['2026-12-03', ['recordedOn']],
    ['2019-01-01', []],
    ['2018-12-31', ['recordedOn']],
  ])('recorded on %s -> %j', (recordedOn, fields) => {
    expect(evaluationProblems({ recordedOn, today: '2026-12-02' }).map((problem) => problem.field)).toEqual(fields);
  });
});

describe('a course id from a title', () => {
  it.each([
    ['Neglect: recognising & responding', 60, 'neglect-recognising-responding'],
    ['Exploitation — café practice', 60, 'exploitation-cafe-practice'],
    ['  !!! ', 60, ''],
    ['A very long title indeed', 10, 'a-very-lon'],
    ['Ends on a break here', 9, 'ends-on-a'],
  ])('%j (at most %i) -> %j', (title, maximum, slug) => {
    expect(titleSlug(title, maximum)).toBe(slug);
  });
});
