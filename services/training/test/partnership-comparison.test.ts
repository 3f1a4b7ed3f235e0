import { grant, startTestFederation, type TestFederation } from '@safeguarding/testkit';

/** The training section of the analysts' comparison, through the gateway. */
let federation: TestFederation;
beforeAll(async () => {
  federation = await startTestFederation({ only: ['arrangements', 'membership', 'training'] });
});
afterAll(async () => {
  await federation?.stop();
});

const QUERY = `{
  comparePartnerships(slugs: ["shropshire", "telford-and-wrekin", "solihull"], asOf: "2025-03-31") { training { measure unit cells { partnershipSlug value missingReason source { synthetic } } } }
  shropshire: partnership(slug: "shropshire") { trainingReach(from: "2024-04-01", to: "2025-03-31") { sessions attendances fillRate byAgency { attendances } } }
}`;

it('gives analysts the same reach figures as trainingReach', async () => {
  const { data, errors } = await federation.query(QUERY, { as: [grant('analyst')] });
  expect(errors).toBeUndefined();
  const rows = data!.comparePartnerships.training;
  const shropshire = (measure: string) => rows.find((r: { measure: string }) => r.measure.startsWith(measure)).cells[0];
  const reach = data!.shropshire.trainingReach;
  expect(shropshire('Training sessions (2024-04-01 to 2025-03-31)').value).toBe(reach.sessions);
  expect(shropshire('Training attendances').value).toBe(reach.attendances);
  expect(shropshire('Training fill rate').value).toBeCloseTo(reach.fillRate * 100, 1);
  expect(shropshire('Agencies reached').value).toBe(reach.byAgency.filter((a: { attendances: number }) => a.attendances > 0).length);
  expect(shropshire('Training attendances').source.synthetic).toBe(true);
});

it('tells the anonymous public why reach is missing, without the figures', async () => {
  const { data, errors } = await federation.query(QUERY.replace(/shropshire: partnership[^\n]*\n/, ''));
  expect(errors).toBeUndefined();
  for (const row of data!.comparePartnerships.training) {
    for (const cell of row.cells)
      expect(cell).toMatchObject({ value: null, missingReason: 'Training reach is visible to analysts and to members of the partnership.' });
  }
});
