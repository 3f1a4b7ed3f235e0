import { parse } from 'csv-parse/sync';
import { grant, startTestFederation, tokenFor, type TestFederation } from '@safeguarding/testkit';

/** CSV exports: the same figures as the API, the same permissions, a table a spreadsheet opens. */
let federation: TestFederation;
beforeAll(async () => {
  federation = await startTestFederation({ only: ['arrangements', 'membership', 'reviews', 'thresholds', 'training'] });
});
afterAll(async () => {
  await federation?.stop();
});

const base = () => federation.gatewayUrl.replace(/\/graphql$/, '');
const csv = async (path: string, headers: Record<string, string> = {}) => {
  const response = await fetch(`${base()}${path}`, { headers });
  const text = await response.text();
  return { response, text, rows: response.ok ? parse(text.replace(/^\uFEFF/, '')) : [] };
};

it('exports the comparison with the figures the API gives', async () => {
  const slugs = 'shropshire,telford-and-wrekin,solihull';
  const { response, rows } = await csv(`/exports/comparison.csv?slugs=${slugs}&asOf=2025-06-01`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
  expect(rows[0]).toEqual([
    'section',
    'measure',
    'unit',
    'shropshire',
    'shropshire note',
    'telford-and-wrekin',
    'telford-and-wrekin note',
    'solihull',
    'solihull note',
  ]);
  const population = rows.find((row) => row[1] === 'Population')!;
  expect(population).toEqual(['governance', 'Population', 'people', '327200', '2022', '176000', '2019', '', 'Not stated in the documents.']);
  const budget = rows.find((row) => row[1] === 'Budget (latest stated)')!;
  expect(budget.slice(5, 7)).toEqual(['150000', '£150,000.00']);
  const { data } = await federation.query(
    `{ comparePartnerships(slugs: ["shropshire","telford-and-wrekin","solihull"], asOf: "2025-06-01") { governance { measure } reviews { measure } thresholds { measure } training { measure } } }`,
  );
  const { governance, reviews, thresholds, training } = data!.comparePartnerships;
  const measures = [...governance, ...reviews, ...thresholds, ...training].map((r: { measure: string }) => r.measure);
  expect(rows.slice(1).map((row) => row[1])).toEqual(measures);
});

it('exports only what the caller may read: training reach needs an analyst', async () => {
  const anonymous = await csv('/exports/comparison.csv?asOf=2025-06-01');
  const attendances = anonymous.rows.find((row) => row[1] === 'Training attendances')!;
  expect(attendances[3]).toBe('');
  expect(attendances[4]).toBe('Training reach is visible to analysts and to members of the partnership.');
  const analyst = await csv('/exports/comparison.csv?asOf=2025-06-01', { authorization: `Bearer ${tokenFor([grant('analyst')])}` });
  expect(Number(analyst.rows.find((row) => row[1] === 'Training attendances')![3])).toBeGreaterThan(0);
});

it('exports a partnership’s bodies and the organisation registry', async () => {
  const bodies = await csv('/exports/bodies.csv?partnership=telford-and-wrekin&asOf=2025-06-01');
  expect(bodies.rows[0]!.slice(0, 3)).toEqual(['id', 'name', 'kind']);
  expect(bodies.rows.slice(1).map((row) => row[0])).toContain('telford-and-wrekin.executive');
  const organisations = await csv('/exports/organisations.csv');
  expect(organisations.rows.find((row) => row[0] === 'west-mercia-police')).toEqual(['west-mercia-police', 'West Mercia Police', 'POLICE', expect.any(String)]);
});

it('refuses bad input, bad tokens and unknown exports clearly', async () => {
  expect((await csv('/exports/comparison.csv?slugs=Not%20a%20slug')).response.status).toBe(400);
  expect((await csv('/exports/comparison.csv?asOf=2025-02-30')).response.status).toBe(400);
  expect((await csv('/exports/secrets.csv')).response.status).toBe(404);
  expect((await csv('/exports/organisations.csv', { authorization: 'Bearer forged' })).response.status).toBe(401);
  const withToken = await csv('/exports/organisations.csv', { authorization: `Bearer ${tokenFor([grant('analyst')])}` });
  expect(withToken.response.status).toBe(200);
});
