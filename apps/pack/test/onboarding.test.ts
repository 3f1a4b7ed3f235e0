/**
 * Onboarding, proved: a fourth partnership (Severn Vale: fictional, every fact synthetic) joins
 * the platform as a pack, through the command and the gateway, with no code change, and is then
 * answered side by side with the three in the comparison, the structure chart, the threshold
 * crosswalk, shared agencies and the exports. Its council is added to the region's registry
 * first, as a regional-admin would: by editing the regional pack and importing it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isSeq, parseDocument } from 'yaml';
import { packsDirectory, REGIONAL } from '@safeguarding/packs';
import { grant, startTestFederation, type TestFederation, tokenFor } from '@safeguarding/testkit';
import { run } from '../src/run';
import { capture } from './capture';

const SEVERN_VALE = path.join(__dirname, 'fixtures', 'severn-vale');
const regionalAdmin = tokenFor([grant('regional-admin')]);
const analyst = [grant('analyst')];
let federation: TestFederation;
let scratch: string;

async function pack(args: string[], token = regionalAdmin) {
  const output = capture();
  const status = await run([...args, '--gateway', federation.gatewayUrl, '--token', token], output, {});
  return { status, text: output.lines.join('\n') };
}

async function csv(pathAndQuery: string): Promise<string> {
  const response = await fetch(`${federation.gatewayUrl.replace(/\/graphql$/, '')}${pathAndQuery}`);
  expect(response.status).toBe(200);
  return response.text();
}

/** The regional pack as in packs/, with the new partnership's council added to the registry. */
function regionalPackWithTheCouncil(): string {
  const folder = path.join(scratch, REGIONAL);
  fs.cpSync(path.join(packsDirectory(), REGIONAL), folder, { recursive: true });
  const file = path.join(folder, 'membership.yaml');
  const document = parseDocument(fs.readFileSync(file, 'utf8'));
  const organisations = document.get('organizations');
  if (!isSeq(organisations)) throw new Error('the regional membership section has no organizations list');
  organisations.add(
    document.createNode({
      id: 'severn-vale-council',
      name: 'Severn Vale District Council',
      classification: 'LOCAL_AUTHORITY',
      provenance: { kind: 'synthetic', generator: 'fictional partnership written for the onboarding test (apps/pack/test/onboarding.test.ts)' },
    }),
  );
  fs.writeFileSync(file, document.toString({ lineWidth: 0, minContentWidth: 0, indentSeq: true }));
  return folder;
}

beforeAll(async () => {
  federation = await startTestFederation();
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'pack-onboarding-'));
  const regional = await pack(['import', regionalPackWithTheCouncil()]);
  expect(regional).toEqual({ status: 0, text: expect.stringContaining('+ Organisation severn-vale-council') });
});
afterAll(async () => {
  await federation?.stop();
  if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
});

describe('a fourth partnership written as a pack', () => {
  it('validates against the running platform, then imports section by section with no code change', async () => {
    expect(await pack(['validate', SEVERN_VALE])).toEqual({ status: 0, text: expect.stringContaining('valid') });
    const imported = await pack(['import', SEVERN_VALE]);
    expect(imported.status).toBe(0);
    for (const line of [
      '+ Partnership severn-vale',
      '+ Body severn-vale.executive',
      'Applied to severn-vale: arrangements, membership, thresholds, training, reviews',
    ]) {
      expect(imported.text).toContain(line);
    }
    // Importing the same pack again changes nothing.
    const again = await pack(['import', SEVERN_VALE]);
    expect(again.status).toBe(0);
    expect(again.text).not.toMatch(/^\s*[+~-] /m);
  });

  it('exports as it was imported: the same facts, in the platform canonical form, importing to no change', async () => {
    const exported = path.join(scratch, 'severn-vale-export');
    expect((await pack(['export', 'severn-vale', exported])).status).toBe(0);
    const arrangements = fs.readFileSync(path.join(exported, 'arrangements.yaml'), 'utf8');
    expect(arrangements).toContain('name: Severn Vale Safeguarding Children Partnership');
    const reimported = await pack(['import', exported]);
    expect(reimported.status).toBe(0);
    expect(reimported.text).not.toMatch(/^\s*[+~-] /m);
  });

  it('stands beside the three in comparePartnerships, each fact labelled synthetic', async () => {
    const { data, errors } = await federation.query(
      `{ comparePartnerships(slugs: ["shropshire", "telford-and-wrekin", "solihull", "severn-vale"], asOf: "2026-06-30") {
          id governance { measure cells { partnershipSlug value text source { kind } } } } }`,
    );
    expect(errors).toBeUndefined();
    const rows = data!.comparePartnerships.governance as {
      measure: string;
      cells: { partnershipSlug: string; value: number | null; text: string | null; source: { kind: string } | null }[];
    }[];
    for (const row of rows) expect(row.cells.map((cell) => cell.partnershipSlug)).toEqual(['shropshire', 'telford-and-wrekin', 'solihull', 'severn-vale']);
    const severnVale = rows.flatMap((row) =>
      row.cells.filter((cell) => cell.partnershipSlug === 'severn-vale').map((cell) => ({ measure: row.measure, ...cell })),
    );
    const population = severnVale.find((cell) => /population/i.test(cell.measure));
    expect(population).toMatchObject({ value: 215000, source: { kind: 'SYNTHETIC' } });
    expect(severnVale.filter((cell) => cell.source?.kind === 'STATED')).toEqual([]);
  });

  it('has a structure chart with its own bodies and the group it shares with Telford & Wrekin', async () => {
    const { data, errors } = await federation.query(
      `{ partnership(slug: "severn-vale") { id structureChart(asOf: "2026-06-30", format: DOT) { bodyNames content } } }`,
    );
    expect(errors).toBeUndefined();
    const chart = data!.partnership.structureChart as { bodyNames: string[]; content: string };
    expect(chart.bodyNames).toEqual(expect.arrayContaining(['Severn Vale Partnership Board', 'Severn Vale Executive', 'Practice Review Group']));
    const shared = await federation.query(`{ body(id: "telford-and-wrekin.exploitation") { id name partnerships { id } } }`);
    expect(shared.errors).toBeUndefined();
    expect(chart.bodyNames).toContain(shared.data!.body.name);
    expect((shared.data!.body.partnerships as { id: string }[]).map((partnership) => partnership.id).sort()).toEqual(['severn-vale', 'telford-and-wrekin']);
  });

  it('is on the regional threshold scale: compared with another model and translated for a child who moves', async () => {
    const compared = await federation.query(
      `{ compareThresholds(partnershipSlugs: ["severn-vale", "telford-and-wrekin"], asOf: "2026-06-30") { regionalLevel { id } entries { partnershipSlug levels { name } } } }`,
    );
    expect(compared.errors).toBeUndefined();
    const rows = compared.data!.compareThresholds as { regionalLevel: { id: string }; entries: { partnershipSlug: string; levels: { name: string }[] }[] }[];
    const severnValeOn = (id: string) =>
      rows
        .find((row) => row.regionalLevel.id === id)!
        .entries.find((cell) => cell.partnershipSlug === 'severn-vale')!
        .levels.map((level) => level.name);
    expect([1, 2, 3, 4].map((rank) => severnValeOn(`level-${rank}`))).toEqual([
      ['Universal'],
      ['Early help'],
      ['Targeted support'],
      ['Specialist and statutory'],
    ]);
    const translated = await federation.query(
      `{ translateLevel(fromPartnership: "severn-vale", level: "Early help", toPartnership: "telford-and-wrekin", asOf: "2026-06-30") { regionalLevels { id } equivalents { sharedRegionalLevels { id } level { id } } } }`,
    );
    expect(translated.errors).toBeUndefined();
    const translation = translated.data!.translateLevel as {
      regionalLevels: { id: string }[];
      equivalents: { sharedRegionalLevels: { id: string }[]; level: { id: string } }[];
    };
    expect(translation.regionalLevels).toEqual([{ id: 'level-2' }]);
    // Whatever Telford & Wrekin calls it, each equivalent shares regional level 2 with "Early help".
    expect(translation.equivalents.length).toBeGreaterThan(0);
    for (const equivalent of translation.equivalents) expect(equivalent.sharedRegionalLevels).toContainEqual({ id: 'level-2' });
  });

  it('shares agencies with its neighbours through the regional registry', async () => {
    const { data, errors } = await federation.query(
      `{ sharedAgencies(partnershipSlugs: ["severn-vale", "shropshire"], asOf: "2026-06-30") { organisation { id } } }`,
      { as: analyst },
    );
    expect(errors).toBeUndefined();
    expect((data!.sharedAgencies as { organisation: { id: string } }[]).map((agency) => agency.organisation.id)).toEqual(
      expect.arrayContaining(['west-mercia-police', 'shropshire-telford-and-wrekin-icb']),
    );
  });

  it('is in the exports', async () => {
    expect(await csv('/exports/bodies.csv?partnership=severn-vale&asOf=2026-06-30')).toContain('Severn Vale Executive');
    expect(await csv('/exports/threshold-crosswalk.csv?partnerships=severn-vale,telford-and-wrekin&asOf=2026-06-30')).toContain('Early help');
    expect(await csv('/exports/comparison.csv?partnerships=shropshire,severn-vale&asOf=2026-06-30')).toContain('severn-vale');
  });
});
