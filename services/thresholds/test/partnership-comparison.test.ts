import { startTestFederation, type TestFederation } from '@safeguarding/testkit';

/** The thresholds section of the analysts' comparison, through the gateway. */
let federation: TestFederation;
beforeAll(async () => {
  federation = await startTestFederation({ only: ['arrangements', 'membership', 'thresholds'] });
});
afterAll(async () => {
  await federation?.stop();
});

it('shows the model in force and its levels, saying which level names are unverified', async () => {
  const { data, errors } = await federation.query(`{
    comparePartnerships(slugs: ["telford-and-wrekin", "shropshire", "solihull"], asOf: "2025-06-01") { thresholds { measure unit cells { partnershipSlug value text missingReason } } }
  }`);
  expect(errors).toBeUndefined();
  const [model, levels] = data!.comparePartnerships.thresholds;
  expect(model.measure).toBe('Threshold model in force');
  expect(levels.cells[0]).toEqual({ partnershipSlug: 'telford-and-wrekin', value: 4, text: 'Universal / Vulnerable / Complex / Acute', missingReason: null });
  expect(levels.cells[1]).toMatchObject({ partnershipSlug: 'shropshire', value: 4 });
  expect(levels.cells[1].text).toMatch(/\(level names unverified\)$/);
  expect(levels.cells[2].text).toMatch(/\(level names unverified\)$/);
});

it('says why a partnership has no model on a date before any was in force', async () => {
  const { data } = await federation.query(
    `{ comparePartnerships(slugs: ["telford-and-wrekin"], asOf: "2010-01-01") { thresholds { cells { value missingReason } } } }`,
  );
  expect(data!.comparePartnerships.thresholds[1].cells[0]).toEqual({ value: null, missingReason: 'No threshold model in force on 2010-01-01 is recorded.' });
});
