/**
 * The structure chart's layout, case by case, rendered to PNG (resvg): a hierarchy by reporting
 * lines, wide families and unlinked bodies wrapped into rows so 20 bodies stay within 3:1, one
 * font family, a legend, and lines to bodies outside the chart drawn rather than dropped.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { type ChartBody, type ChartInput, renderSvg, rowWidthFor, structureChartDot, wrapWords } from '../rules/structure-chart';
import { chartBoxTexts } from './chart-text';

const body = (id: string, name: string, reportsToBodyId: string | null = null, kind = 'OTHER'): ChartBody => ({ id, name, kind, reportsToBodyId });
const chart = (bodies: ChartBody[], extra: Partial<ChartInput> = {}): ChartInput => ({
  partnershipName: 'Fictional Safeguarding Partnership',
  bodies,
  relationships: [],
  sharedWith: new Map(),
  ...extra,
});
const twenty = (reportsTo: string | null) =>
  Array.from({ length: 19 }, (_, index) => body(`g${index}`, `Subgroup ${index + 1} on neglect, exploitation and quality assurance`, reportsTo));

async function rendered(input: ChartInput, name: string) {
  const svg = await renderSvg(structureChartDot(input));
  const png = new Resvg(svg, { fitTo: { mode: 'width', value: 1200 }, font: { loadSystemFonts: true } }).render();
  fs.writeFileSync(path.join(os.tmpdir(), `structure-chart-${name}.png`), png.asPng());
  return { svg, ratio: png.width / png.height };
}

describe('the structure chart layout', () => {
  it.each([
    ['twenty under one board', [body('board', 'Safeguarding Partnership Board', null, 'PARTNERSHIP_BOARD'), ...twenty('board')]],
    ['twenty with no reporting line', [body('board', 'Safeguarding Partnership Board', null, 'PARTNERSHIP_BOARD'), ...twenty(null)]],
    [
      'a board, an executive and eighteen subgroups of the executive',
      [body('board', 'Board', null, 'PARTNERSHIP_BOARD'), body('exec', 'Executive', 'board', 'EXECUTIVE'), ...twenty('exec').slice(1)],
    ],
  ])('keeps %s within a 3:1 page, every name in its box', async (name, bodies) => {
    const { svg, ratio } = await rendered(chart(bodies), name.replaceAll(' ', '-'));
    expect(ratio).toBeLessThanOrEqual(3);
    expect(ratio).toBeGreaterThanOrEqual(1 / 3);
    const boxes = chartBoxTexts(svg);
    for (const { name: bodyName } of bodies) expect(boxes).toContain(bodyName);
  });

  it('groups bodies with no stated line under a labelled heading, and draws the hierarchy top-down', () => {
    const dot = structureChartDot(chart([body('board', 'Board'), body('exec', 'Executive', 'board'), body('alone', 'Alone')]));
    expect(dot).toContain('rankdir=TB');
    expect(dot).toContain('"board" -> "exec" [dir=back]');
    expect(dot).toMatch(/subgraph cluster_unlinked \{\s+label="No reporting line stated"[\s\S]*"alone" \[label="Alone"\]/);
    expect(dot).not.toMatch(/cluster_unlinked[^}]*"board"/);
  });

  it('uses one font family for boxes, lines and the title', () => {
    const dot = structureChartDot(chart([body('board', 'Board'), body('exec', 'Executive', 'board')], { sharedWith: new Map([['board', ['Another']]]) }));
    expect(new Set([...dot.matchAll(/fontname="([^"]+)"/g)].map((match) => match[1]))).toEqual(new Set(['DejaVu Sans']));
    expect(new Set([...dot.matchAll(/face="([^"]+)"/g)].map((match) => match[1]))).toEqual(new Set(['DejaVu Sans']));
  });

  it('has a legend naming only the colours and line kinds the chart uses', () => {
    const plain = structureChartDot(chart([body('board', 'Board', null, 'PARTNERSHIP_BOARD'), body('exec', 'Executive', 'board', 'EXECUTIVE')]));
    expect(plain).toContain('Board or partnership');
    expect(plain).toContain('>Executive<');
    expect(plain).not.toContain('Lead Safeguarding Partners forum');
    expect(plain).not.toContain('close relationship');
    const linked = structureChartDot(
      chart([body('a', 'A'), body('b', 'B')], { relationships: [{ bodyId: 'a', relatedBodyId: 'b' }], sharedWith: new Map([['a', ['Another partnership']]]) }),
    );
    expect(linked).toContain('close relationship');
    expect(linked).toContain('shared with another partnership');
  });

  it('draws a reporting line to a body outside the chart, naming it', () => {
    const dot = structureChartDot(chart([body('local', 'Local Group', 'joint.forum')], { outsideBodies: new Map([['joint.forum', 'Joint Forum']]) }));
    expect(dot).toContain('"joint.forum" [label="Joint Forum (outside\\nthis partnership)"');
    expect(dot).toContain('"joint.forum" -> "local" [dir=back]');
  });

  it('wraps names into lines of about 22 characters, keeping every word', () => {
    expect(wrapWords('Child Safeguarding and Protection Practice Oversight Group')).toEqual([
      'Child Safeguarding and',
      'Protection Practice',
      'Oversight Group',
    ]);
    expect(wrapWords('Supercalifragilisticexpialidocious group')).toEqual(['Supercalifragilisticexpialidocious', 'group']);
    expect(structureChartDot(chart([body('x', 'A "quoted" & \\ name')]))).toContain('[label="A \\"quoted\\" &amp; \\\\ name"]');
  });

  it('sets rows of about the square root of the family size, at least three', () => {
    expect([1, 4, 9, 10, 20, 100].map(rowWidthFor)).toEqual([3, 3, 3, 4, 5, 10]);
  });
});
