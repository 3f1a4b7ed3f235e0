import { AttendanceEntity, BodyReferenceEntity, MembershipEntity } from '../entities';
import { grant, startTestFederation, type TestFederation } from '@safeguarding/testkit';

/**
 * No N+1: partnerships -> bodies -> members -> organisation (and post, chair, compliance, meeting
 * attendance and quorum) issues the same number of SQL statements when the seats grow tenfold.
 */
let federation: TestFederation;
beforeAll(async () => {
  federation = await startTestFederation({ only: ['arrangements', 'membership'] });
});
afterAll(async () => {
  await federation?.stop();
});

const NESTED = `{
  partnerships {
    slug
    designations { kind organisation { name } post { title } }
    bodies(asOf: "2025-06-01") {
      name
      members(asOf: "2025-06-01") { role organisation { name sector } post { title organisation { id } } deputyFor { id } }
      chair(asOf: "2025-06-01") { organisation { name } }
      chairCompliance { compliant breaches { appointment { organisation { name } } } }
      meetings(from: "2025-01-01", to: "2025-12-31") {
        date
        quorum { quorate missingAgencies { name } }
        attendance { organisation { name } post { title } outcome }
        unexplainedAbsences { organisation { name } }
      }
    }
  }
}`;

/** Seats every organisation already on a body again under new seats (tenfold growth), with attendance. */
async function multiplySeats(times: number): Promise<number> {
  const dataSource = federation.dataSources.membership!;
  const original = await dataSource.getRepository(MembershipEntity).find({ where: { role: 'MEMBER' } });
  const copies = Array.from({ length: times }, () =>
    original.map(({ id: _id, ...seat }) => ({ ...seat, startDate: null, endDate: null, source: null })),
  ).flat();
  await dataSource.getRepository(MembershipEntity).insert(copies);
  // The new seats on the Executive attended its 2025 meetings.
  const executiveSeats = await dataSource.getRepository(MembershipEntity).findBy({ bodyId: 'telford-and-wrekin.executive', role: 'MEMBER' });
  const recorded = new Set((await dataSource.getRepository(AttendanceEntity).find()).map((a) => `${a.membershipId}|${a.meetingDate}`));
  const rows = ['2025-01-14', '2025-04-08', '2025-07-08', '2025-10-14'].flatMap((meetingDate) =>
    executiveSeats
      .filter((seat) => !recorded.has(`${seat.id}|${meetingDate}`))
      .map((seat) => ({ bodyId: seat.bodyId, meetingDate, membershipId: seat.id, outcome: 'ATTENDED' as const, attendedAs: 'MEMBER' as const, source: null })),
  );
  if (rows.length > 0) await dataSource.getRepository(AttendanceEntity).insert(rows);
  return dataSource.getRepository(MembershipEntity).count();
}

it('issues the same number of SQL statements for ten times the seats', async () => {
  const analyst = [grant('analyst')];
  let small: Record<string, any> | undefined;
  const smallCount = await federation.countStatements(async () => {
    small = await federation.query(NESTED, { as: analyst });
  });
  expect(small!.errors).toBeUndefined();
  const seatsIn = (response: Record<string, any>) =>
    response.data.partnerships.flatMap((p: { bodies: { members: unknown[] }[] }) => p.bodies.flatMap((b) => b.members)).length;
  const smallSeats = seatsIn(small!);
  expect(smallSeats).toBeGreaterThan(150);

  await multiplySeats(10);
  expect(await federation.dataSources.membership!.getRepository(BodyReferenceEntity).count()).toBe(26);
  let large: Record<string, any> | undefined;
  const largeCount = await federation.countStatements(async () => {
    large = await federation.query(NESTED, { as: analyst });
  });
  expect(large!.errors).toBeUndefined();
  expect(seatsIn(large!)).toBeGreaterThanOrEqual(smallSeats * 10);
  // The gateway fetches from both subgraphs in parallel, so timing can merge or split one batch
  // (a difference of one either way, seen on a busy machine); an N+1 would multiply it tenfold.
  expect(largeCount).toBeLessThanOrEqual(smallCount + 1);
  expect(largeCount).toBeGreaterThanOrEqual(smallCount - 1);
});
