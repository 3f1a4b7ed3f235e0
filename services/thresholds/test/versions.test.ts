import { startTestFederation, type TestFederation } from '@safeguarding/testkit';
import fs from 'node:fs';
import path from 'node:path';
import { partnershipThresholdsSection, readPackFile, REPOSITORY_PACKS, type PartnershipThresholds } from '@safeguarding/packs';
import { insertThresholdModel, type ThresholdModelSeed } from '../seed/load';

/** Telford & Wrekin's 2019 version as its pack gives it, as rows to copy into synthetic versions. */
function telfordAndWrekin2019(): ThresholdModelSeed {
  const file = path.join(REPOSITORY_PACKS, 'telford-and-wrekin', 'thresholds.yaml');
  const pack = readPackFile(file, fs.readFileSync(file, 'utf8'), partnershipThresholdsSection.schema).value as PartnershipThresholds;
  const version = pack.thresholdModelVersions.find((candidate) => candidate.code === '2019')!;
  const source = { document: 'synthetic', section: 'versioning test', synthetic: true };
  return {
    id: 'telford-and-wrekin.2019',
    partnershipId: 'telford-and-wrekin',
    title: version.title,
    documentVersion: version.documentVersion ?? null,
    approvedOn: version.approvedOn ?? null,
    effectiveFrom: version.startDate ?? null,
    effectiveTo: null,
    verified: version.verified,
    provenance: version.note,
    frontDoor: null,
    source,
    levels: version.levels.map((level) => ({
      code: level.code,
      rank: level.rank,
      name: level.name,
      descriptor: level.descriptor ?? null,
      responses: level.responses,
      assessmentRequired: level.assessmentRequired ?? null,
      ledBy: level.ledBy ?? null,
      verified: level.verified,
      provenance: level.note,
      source,
      indicators: [],
      crosswalk: {
        regionalLevelIds: level.regionalPlacement.regionalLevels,
        rationale: level.regionalPlacement.rationale,
        confidence: level.regionalPlacement.confidence,
        source,
      },
    })),
  };
}

/** A new model version changes as-of answers from its start date only. */
let federation: TestFederation;
beforeAll(async () => {
  federation = await startTestFederation({ only: ['arrangements', 'thresholds'] });
  // A synthetic 2025 revision of Telford & Wrekin's model (a fifth level added), labelled so.
  const current = telfordAndWrekin2019();
  const synthetic = { document: 'synthetic', section: 'versioning test', synthetic: true };
  await federation.dataSources.thresholds!.transaction((manager) =>
    insertThresholdModel(manager, {
      ...current,
      id: 'telford-and-wrekin.2025',
      title: 'Synthetic revision for the versioning test',
      approvedOn: '2025-03-14',
      effectiveFrom: '2025-04-01',
      provenance: 'Synthetic.',
      source: synthetic,
      levels: [
        ...current.levels.map((level) => ({ ...level, source: synthetic, indicators: [] })),
        {
          ...current.levels[3]!,
          code: 'specialist',
          rank: 5,
          name: 'Specialist',
          source: synthetic,
          indicators: [{ text: 'A synthetic indicator of need in the revised model.', source: synthetic }],
        },
      ],
    }),
  );
});
afterAll(async () => {
  await federation?.stop();
});

const MODEL_ON = `query ($asOf: Date) { partnerships { slug thresholdModel(asOf: $asOf) { id approvedOn levels { name } } } }`;

const telfordOn = async (asOf: string) => {
  const { data, errors } = await federation.query(MODEL_ON, { variables: { asOf } });
  expect(errors).toBeUndefined();
  return data!.partnerships.find((p: { slug: string }) => p.slug === 'telford-and-wrekin').thresholdModel;
};

it('keeps the 2019 model for every date before the new version starts', async () => {
  for (const asOf of ['2019-06-01', '2022-01-01', '2025-03-31']) expect((await telfordOn(asOf)).id).toBe('telford-and-wrekin.2019');
  expect((await telfordOn('2025-03-31')).levels).toHaveLength(4);
});

it('answers with the new version from its start date on', async () => {
  const model = await telfordOn('2025-04-01');
  expect(model).toMatchObject({ id: 'telford-and-wrekin.2025', approvedOn: '2025-03-14' });
  expect(model.levels.map((l: { name: string }) => l.name)).toEqual(['Universal', 'Vulnerable', 'Complex', 'Acute', 'Specialist']);
  expect((await telfordOn('2030-01-01')).id).toBe('telford-and-wrekin.2025');
});

it('leaves the other partnerships and the old version untouched, and lists both versions', async () => {
  const { data } = await federation.query(`{
    partnerships { slug thresholdModel(asOf: "2025-06-01") { id } thresholdModelVersions { id effectiveFrom } }
  }`);
  const bySlug = Object.fromEntries(data!.partnerships.map((p: { slug: string }) => [p.slug, p]));
  expect(bySlug.shropshire.thresholdModel.id).toBe('shropshire.2017');
  expect(bySlug['telford-and-wrekin'].thresholdModelVersions).toEqual([
    { id: 'telford-and-wrekin.2019', effectiveFrom: '2019-06-01' },
    { id: 'telford-and-wrekin.2025', effectiveFrom: '2025-04-01' },
  ]);
});

it('uses the version in force on the date asked when comparing and translating', async () => {
  const compare = `query ($asOf: Date) { compareThresholds(partnershipSlugs: ["telford-and-wrekin"], asOf: $asOf) { entries { model { id } } } }`;
  const before = await federation.query(compare, { variables: { asOf: '2025-03-31' } });
  const after = await federation.query(compare, { variables: { asOf: '2025-04-01' } });
  expect(before.data!.compareThresholds[0].entries[0].model.id).toBe('telford-and-wrekin.2019');
  expect(after.data!.compareThresholds[0].entries[0].model.id).toBe('telford-and-wrekin.2025');
  const translate = `query ($asOf: Date) { translateLevel(fromPartnership: "shropshire", level: "Level 4", toPartnership: "telford-and-wrekin", asOf: $asOf) { equivalents { level { id } } } }`;
  const old = await federation.query(translate, { variables: { asOf: '2024-01-01' } });
  const revised = await federation.query(translate, { variables: { asOf: '2025-04-01' } });
  expect(old.data!.translateLevel.equivalents.map((e: { level: { id: string } }) => e.level.id)).toEqual(['telford-and-wrekin.2019.acute']);
  expect(revised.data!.translateLevel.equivalents.map((e: { level: { id: string } }) => e.level.id)).toEqual([
    'telford-and-wrekin.2025.acute',
    'telford-and-wrekin.2025.specialist',
  ]);
});

it('refuses a second version starting on the same day', async () => {
  const current = telfordAndWrekin2019();
  await expect(
    federation.dataSources.thresholds!.transaction((manager) =>
      insertThresholdModel(manager, { ...current, id: 'telford-and-wrekin.duplicate-start', levels: [] }),
    ),
  ).rejects.toThrow(/threshold_model_partnership_start/);
});
