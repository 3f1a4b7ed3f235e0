import { grant, startTestFederation, type TestFederation } from '@safeguarding/testkit';
import { AGENCY_SECTORS } from '../seed/data';
import { insertCourse, insertEvidence, insertSessions } from './fixtures';

/**
 * No N+1: programme -> sessions -> bookings -> organisation (and courses, themes, partnerships,
 * impact) issues the same number of SQL statements when the sessions and bookings grow tenfold.
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
      courses { title themes { id } offeredBy { id } impactEvidence { kind } }
      sessions {
        date placesLeft
        course { title offeredBy { id } }
        bookings { places organisationSector organisation { name sector } }
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
    await insertSessions(
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
});
