import { grant, startTestFederation, type TestFederation } from '@safeguarding/testkit';
import { AGENCY_SECTORS } from '../seed/history';
import { insertCourse, insertEvidence, insertSessions } from './fixtures';

/**
 * No N+1: programme -> sessions -> bookings -> organisation (and courses, themes, partnerships,
 * impact, each session's changes, each booking's notices, the viewerCan fields) issues the same number of SQL statements when the sessions and bookings grow tenfold.
 */
let federation: TestFederation;
beforeAll(async () => {
  federation = await startTestFederation({ only: ['arrangements', 'membership', 'training'] });
});
afterAll(async () => {
  await federation?.stop();
});

// Financial year 2032/33: no seeded session falls in it, so the fixture alone decides the size.
const NESTED = `{
  partnerships {
    name
    trainingProgramme(year: 2032) {
      courses { title themes { id } offeredBy { id } impactEvidence { kind } viewerCanEdit provider { id } }
      sessions {
        date placesLeft status viewerCanEdit viewerCanBook virtualLink
        changes { kind previousDate reason }
        course { title offeredBy { id } }
        bookings { places organisationSector status notices { kind reason } organisation { name sector } }
      }
      impactSummary { attendances impactEvidence { kind count } }
    }
  }
}`;

const agencies = Object.keys(AGENCY_SECTORS);
let added = 0;

/** Adds one course per partnership, each with `sessions` sessions of three bookings. */
async function addSessions(sessions: number): Promise<void> {
  const training = federation.dataSources.training!;
  for (const partnershipId of ['shropshire', 'telford-and-wrekin', 'solihull']) {
    added += 1;
    const courseId = `${partnershipId}.fixture-${added}`;
    await insertCourse(training, { id: courseId, partnershipIds: [partnershipId], themeIds: ['neglect', 'exploitation'] });
    await insertEvidence(training, courseId, partnershipId, 'PRACTICE_AUDIT', '2032-10-01');
    const sessionIds = await insertSessions(
      training,
      courseId,
      Array.from({ length: sessions }, (_, index) => ({
        heldOn: `2032-${String(4 + (index % 9)).padStart(2, '0')}-${String(1 + (index % 28)).padStart(2, '0')}`,
        deliveryMethod: 'VIRTUAL' as const,
        capacity: 30,
        bookings: [0, 1, 2].map((offset) => {
          const organisationId = agencies[(index * 3 + offset) % agencies.length]!;
          return { organisationId, sector: AGENCY_SECTORS[organisationId]!, places: 2 };
        }),
      })),
    );
    // Every session moved once, and every booking on it told so: the notices and changes grow with the sessions.
    await training.query(
      `INSERT INTO training.training_session_change (id, session_id, kind, previous_held_on, held_on, reason, recorded_on)
       SELECT gen_random_uuid(), id, 'RESCHEDULED', held_on, held_on, 'Fixture move', '2032-01-01' FROM training.training_session WHERE id = ANY($1)`,
      [sessionIds],
    );
    await training.query(
      `INSERT INTO training.training_booking_notice (booking_id, change_id)
       SELECT b.id, c.id FROM training.training_booking b JOIN training.training_session_change c ON c.session_id = b.session_id WHERE b.session_id = ANY($1)`,
      [sessionIds],
    );
  }
}

const sessionsIn = (result: Record<string, any>) =>
  result.data.partnerships.reduce(
    (total: number, partnership: { trainingProgramme: { sessions: unknown[] } }) => total + partnership.trainingProgramme.sessions.length,
    0,
  );

it('issues the same number of SQL statements for ten times the sessions and bookings', async () => {
  await addSessions(2);
  let small: Record<string, any> | undefined;
  const smallCount = await federation.countStatements(async () => {
    small = await federation.query(NESTED, { as: [grant('analyst')] });
  });
  expect(small!.errors).toBeUndefined();
  expect(sessionsIn(small!)).toBe(6);

  await addSessions(18);
  let large: Record<string, any> | undefined;
  const largeCount = await federation.countStatements(async () => {
    large = await federation.query(NESTED, { as: [grant('analyst')] });
  });
  expect(large!.errors).toBeUndefined();
  expect(sessionsIn(large!)).toBe(60);
  expect(largeCount).toBe(smallCount);
  // The bookings' organisations really were resolved by the membership subgraph.
  const booking = large!.data.partnerships[0].trainingProgramme.sessions[0].bookings[0];
  expect(booking.organisation.name).toEqual(expect.any(String));
  expect(booking.organisation.sector).toBe(booking.organisationSector);
  expect(booking.notices).toEqual([{ kind: 'RESCHEDULED', reason: 'Fixture move' }]);
  expect(large!.data.partnerships[0].trainingProgramme.sessions[0].changes).toHaveLength(1);
});
