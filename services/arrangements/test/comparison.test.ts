import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { startTestFederation, type TestFederation } from '@safeguarding/testkit';
import { bodies } from './seeded-packs';
import { chartBoxTexts } from './chart-text';

/** The analyst's comparison and the structure charts, checked against the seed data. */
let federation: TestFederation;
beforeAll(async () => {
  federation = await startTestFederation({ only: ['arrangements', 'membership'] });
});
afterAll(async () => {
  await federation?.stop();
});

type Cell = { partnershipSlug: string; value: number | null; text: string | null; missingReason: string | null };
async function governance(slugs: string[], asOf = '2025-06-01') {
  const { data, errors } = await federation.query(
    `query ($slugs: [String!]!, $asOf: Date) { comparePartnerships(slugs: $slugs, asOf: $asOf) { id partnerships { slug } governance { measure unit cells { partnershipSlug value text missingReason source { document } } } } }`,
    { variables: { slugs, asOf } },
  );
  expect(errors).toBeUndefined();
  const rows = data!.comparePartnerships.governance as { measure: string; cells: Cell[] }[];
  return {
    id: data!.comparePartnerships.id as string,
    cell: (measure: string, slug: string) => rows.find((row) => row.measure === measure)!.cells.find((cell) => cell.partnershipSlug === slug)!,
  };
}

it('compares the three partnerships with the figures the documents give', async () => {
  const { id, cell } = await governance(['shropshire', 'telford-and-wrekin', 'solihull']);
  expect(id).toBe('2025-06-01:shropshire,telford-and-wrekin,solihull');
  expect(cell('Population', 'shropshire').value).toBe(327200);
  expect(cell('Population', 'telford-and-wrekin').value).toBe(176000);
  expect(cell('Budget (latest stated)', 'telford-and-wrekin')).toMatchObject({ value: 150000, text: '£150,000.00' });
  expect(cell('Statutory functions', 'shropshire').value).toBe(3);
  expect(cell('Lead Safeguarding Partners', 'solihull').value).toBe(3);
  const current = (slug: string) =>
    bodies.filter((b) => b.partnershipSlugs.includes(slug) && (!b.validTo || b.validTo >= '2025-06-01') && (!b.validFrom || b.validFrom <= '2025-06-01'));
  for (const slug of ['shropshire', 'telford-and-wrekin', 'solihull']) {
    expect(cell('Bodies', slug).value).toBe(current(slug).length);
    const withFrequency = current(slug).filter((b) => b.meetingFrequency);
    const meetings = withFrequency.reduce((sum, b) => sum + b.meetingFrequency!.meetingsPerYear, 0);
    // A partnership none of whose bodies states a frequency gets a reason, not zero.
    expect(cell('Scheduled meetings per year (all bodies with a stated frequency)', slug)).toMatchObject(
      withFrequency.length > 0 ? { value: meetings } : { value: null, missingReason: 'No body has a stated meeting frequency.' },
    );
  }
  expect(cell('Success statements in force', 'shropshire').value).toBe(54);
});

it('says why a figure is missing instead of giving zero', async () => {
  const { cell } = await governance(['shropshire', 'solihull']);
  expect(cell('Population', 'solihull')).toMatchObject({ value: null, missingReason: 'Not stated in the documents.' });
  expect(cell('Budget (latest stated)', 'solihull')).toMatchObject({ value: null, missingReason: 'No budget is stated in the documents.' });
  expect(cell('Budget (latest stated)', 'shropshire').missingReason).toMatch(/no total is stated/);
  expect(cell('Success statements at red', 'solihull').missingReason).toMatch(/No strategic plan/);
  expect(cell('Success statements at red', 'shropshire').value).toEqual(expect.any(Number));
});

it('refuses an unknown partnership, naming it, and malformed input', async () => {
  const unknown = await federation.query('{ comparePartnerships(slugs: ["shropshire", "birmingham"]) { id } }');
  expect(unknown.errors![0]).toMatchObject({
    message: expect.stringMatching(/No partnership has the slug "birmingham"; query partnerships/) as string,
    path: ['comparePartnerships'],
    extensions: { code: 'BAD_USER_INPUT', field: 'slugs' },
  });
  for (const slugs of [[], ['Not a slug'], Array.from({ length: 21 }, (_, i) => `p${i}`)]) {
    const { errors } = await federation.query(`query ($slugs: [String!]!) { comparePartnerships(slugs: $slugs) { id } }`, { variables: { slugs } });
    expect(errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
  }
});

describe('structure charts', () => {
  it.each(['shropshire', 'telford-and-wrekin', 'solihull'])('draws every current body of %s as SVG, which renders to a PNG', async (slug) => {
    const { data, errors } = await federation.query(
      `query ($slug: String!) { partnership(slug: $slug) { structureChart(asOf: "2025-06-01") { format content bodyNames } } }`,
      {
        variables: { slug },
      },
    );
    expect(errors).toBeUndefined();
    const chart = data!.partnership.structureChart;
    expect(chart.format).toBe('SVG');
    expect(chart.content).toMatch(/^<\?xml[\s\S]*<svg[\s\S]*<\/svg>\s*$/);
    const current = bodies.filter(
      (b) => b.partnershipSlugs.includes(slug) && (!b.validTo || b.validTo >= '2025-06-01') && (!b.validFrom || b.validFrom <= '2025-06-01'),
    );
    // Names are wrapped over lines: each body's box holds its whole name, line by line.
    const boxTexts = chartBoxTexts(chart.content);
    for (const body of current) expect(boxTexts).toContain(body.name);
    const png = new Resvg(chart.content, { fitTo: { mode: 'width', value: 1600 }, font: { loadSystemFonts: true } }).render();
    expect(png.width).toBe(1600);
    // Reads as a page: no wider than 3:1 (it was 18:1, one flat row), and one font family.
    expect(png.width / png.height).toBeLessThanOrEqual(3);
    expect(new Set([...chart.content.matchAll(/font-family="([^"]+)"/g)].map((match) => match[1]))).toEqual(new Set(['DejaVu Sans']));
    expect(chart.content).toContain('>Legend</text>');
    // Not blank: some pixels are not white.
    const pixels = png.pixels;
    let inked = 0;
    for (let index = 0; index < pixels.length; index += 4) if (pixels[index]! < 200) inked += 1;
    expect(inked).toBeGreaterThan(500);
    fs.writeFileSync(path.join(os.tmpdir(), `structure-chart-${slug}.png`), png.asPng());
  });

  it('shows the joint forum linked to the other partnership, in DOT and Mermaid', async () => {
    const { data } = await federation.query(`{
      partnership(slug: "telford-and-wrekin") { dot: structureChart(asOf: "2025-06-01", format: DOT) { content } mermaid: structureChart(asOf: "2025-06-01", format: MERMAID) { content } }
    }`);
    expect(data!.partnership.dot.content).toContain('"joint.lsp-forum" -> "other:Shropshire Safeguarding Community Partnership" [style=dotted');
    expect(data!.partnership.mermaid.content).toMatch(/^flowchart TD/);
    expect(data!.partnership.mermaid.content).toContain('shared with');
  });

  it('draws the structure as it stood on a date', async () => {
    const { data } = await federation.query(`{ partnership(slug: "shropshire") { structureChart(asOf: "2024-09-01", format: DOT) { bodyNames } } }`);
    expect(data!.partnership.structureChart.bodyNames).toContain('Child Safeguarding and Protection Practice Oversight Group');
    expect(data!.partnership.structureChart.bodyNames).not.toContain('Shropshire Safeguarding Children Partnership');
  });
});
