import type { Grant } from '@safeguarding/auth';
import { grant, startTestFederation, type TestFederation } from '@safeguarding/testkit';
import { ThresholdModelEntity } from '../entities';

/**
 * A new threshold model version through the API: drafted inside its partnership, edited under an
 * optimistic lock, its levels placed on the regional crosswalk, published (immutable; the previous
 * version ends the day before), and as-of questions answered from the dates.
 */
let federation: TestFederation;
beforeAll(async () => {
  federation = await startTestFederation({ only: ['arrangements', 'thresholds'] });
});
afterAll(async () => {
  await federation?.stop();
});

const OWN = 'telford-and-wrekin';
const admin = [grant('partnership-admin', OWN)];
const member = [grant('member', OWN)];
const otherAdmin = [grant('partnership-admin', 'solihull')];
const regionalAdmin = [grant('regional-admin')];

const MODEL_FIELDS = `id partnershipSlug title documentVersion approvedOn effectiveFrom effectiveTo verified status version publishedAt viewerCanEdit viewerCanPublish
  frontDoor { name kind servesChildren servesAdults description }
  levels { id code rank name descriptor responses ledBy indicators { text } crosswalk { regionalLevels { id } version viewerCanEdit } }`;
const DRAFT = `mutation ($slug: String!, $input: ThresholdModelDraftInput!) { draftThresholdModelVersion(partnershipSlug: $slug, input: $input) { ${MODEL_FIELDS} } }`;
const UPDATE = `mutation ($id: ID!, $version: Int!, $input: ThresholdModelDraftChanges!) { updateThresholdModelDraft(id: $id, expectedVersion: $version, input: $input) { ${MODEL_FIELDS} } }`;
const DISCARD = `mutation ($id: ID!, $version: Int!) { discardThresholdModelDraft(id: $id, expectedVersion: $version) }`;
const PUBLISH = `mutation ($id: ID!, $version: Int!) { publishThresholdModelVersion(id: $id, expectedVersion: $version) { ${MODEL_FIELDS} } }`;
const MAP = `mutation ($levelId: ID!, $version: Int!, $input: CrosswalkMappingInput!) {
  updateCrosswalkMapping(levelId: $levelId, expectedVersion: $version, input: $input) { level { id } regionalLevels { id } version viewerCanEdit }
}`;
const MODEL = `query ($id: ID!) { thresholdModel(id: $id) { id status version } }`;

const mapping = (regionalLevelIds: string[], rationale = 'Placed by the partnership with its new document.') => ({
  regionalLevelIds,
  rationale,
  confidence: 'MEDIUM',
});
const level = (code: string, rank: number, name: string, regional: string[] | null, indicators: string[] = []) => ({
  code,
  rank,
  name,
  descriptor: `${name} need, as the 2027 document describes it.`,
  responses: rank === 1 ? ['UNIVERSAL_SERVICES'] : ['EARLY_HELP_ASSESSMENT'],
  ledBy: 'Lead professional',
  indicators,
  ...(regional ? { crosswalk: mapping(regional) } : {}),
});
const draftInput = (code: string, effectiveFrom: string, overrides: Record<string, unknown> = {}) => ({
  code,
  title: 'Telford & Wrekin Multi-agency Threshold Guidance (synthetic test document)',
  documentVersion: 'v3.0',
  approvedOn: '2027-03-14',
  effectiveFrom,
  frontDoor: {
    name: 'Family Connect',
    kind: 'Multi-agency safeguarding hub (MASH)',
    servesChildren: true,
    servesAdults: true,
    description: 'Refer by phone or the online form; urgent concerns by phone.',
  },
  levels: [
    level('universal', 1, 'Universal', ['level-1']),
    level('vulnerable', 2, 'Vulnerable', ['level-2'], ['A synthetic marmalade indicator of emerging need.']),
    level('complex', 3, 'Complex', ['level-3']),
    level('acute', 4, 'Acute', null),
  ],
  ...overrides,
});

async function call(document: string, variables: Record<string, unknown>, as: Grant[] | undefined) {
  return federation.query(document, { variables, as });
}
/** `as` null is the anonymous public (undefined would mean the default, the partnership's administrator). */
async function ok(document: string, variables: Record<string, unknown>, as: Grant[] | null = admin) {
  const response = await call(document, variables, as ?? undefined);
  expect(response.errors).toBeUndefined();
  return response.data!;
}
/** Every row of the subgraph's model tables: a refused call must leave it exactly as it was. */
async function snapshot(): Promise<string> {
  const dataSource = federation.dataSources.thresholds!;
  const parts = await Promise.all(
    ['threshold_model', 'threshold_level', 'threshold_indicator', 'crosswalk_mapping'].map(async (table) =>
      (await dataSource.query(`SELECT t::text AS row FROM thresholds.${table} t ORDER BY 1`)).map((r: { row: string }) => r.row).join('\n'),
    ),
  );
  return parts.join('\n--\n');
}
const stored = (id: string) => federation.dataSources.thresholds!.getRepository(ThresholdModelEntity).findOneByOrFail({ id });
const telfordOn = async (asOf: string, as: Grant[] | null = null) => {
  const data = await ok(`query ($asOf: Date) { partnership(slug: "${OWN}") { thresholdModel(asOf: $asOf) { id effectiveTo } } }`, { asOf }, as);
  return data.partnership.thresholdModel as { id: string; effectiveTo: string | null };
};
const expectRefused = (response: { errors?: { message: string; extensions?: Record<string, any> }[] }, code: string, message?: RegExp, field?: string) => {
  expect(response.errors?.[0]?.extensions?.code).toBe(code);
  if (message) expect(response.errors![0]!.message).toMatch(message);
  if (field) expect(response.errors![0]!.extensions!.field).toBe(field);
};

const ID = `${OWN}.2027`;

describe('a new version, from draft to published', () => {
  it('drafts a version with its levels, indicators, front door and the crosswalk given', async () => {
    const data = await ok(DRAFT, { slug: OWN, input: draftInput('2027', '2027-04-01') });
    const model = data.draftThresholdModelVersion;
    expect(model).toMatchObject({
      id: ID,
      partnershipSlug: OWN,
      documentVersion: 'v3.0',
      approvedOn: '2027-03-14',
      effectiveFrom: '2027-04-01',
      effectiveTo: null,
      verified: true,
      status: 'DRAFT',
      version: 1,
      publishedAt: null,
      viewerCanEdit: true,
      // Acute is not on the regional scale yet.
      viewerCanPublish: false,
      frontDoor: { name: 'Family Connect', servesAdults: true },
    });
    expect(model.levels.map((l: { id: string; rank: number }) => [l.id, l.rank])).toEqual([
      [`${ID}.universal`, 1],
      [`${ID}.vulnerable`, 2],
      [`${ID}.complex`, 3],
      [`${ID}.acute`, 4],
    ]);
    expect(model.levels[1].indicators).toEqual([{ text: 'A synthetic marmalade indicator of emerging need.' }]);
    expect(model.levels[1].crosswalk).toEqual({ regionalLevels: [{ id: 'level-2' }], version: 1, viewerCanEdit: true });
    expect(model.levels[3].crosswalk).toBeNull();
    expect((await stored(ID)).draftedBy).toBe('test-user');
  });

  it('keeps the draft inside its partnership: outsiders get null and empty lists, never the draft', async () => {
    const drafts = `{ partnership(slug: "${OWN}") { thresholdModelDrafts { id } viewerCanDraftThresholdModel } }`;
    for (const as of [null, [grant('analyst')], otherAdmin, [grant('member', 'solihull')], regionalAdmin, [grant('forum-secretariat')]]) {
      expect((await ok(MODEL, { id: ID }, as)).thresholdModel).toBeNull();
      expect((await ok(drafts, {}, as)).partnership).toEqual({ thresholdModelDrafts: [], viewerCanDraftThresholdModel: false });
    }
    expect((await ok(MODEL, { id: ID }, member)).thresholdModel).toEqual({ id: ID, status: 'DRAFT', version: 1 });
    expect((await ok(drafts, {}, member)).partnership).toEqual({ thresholdModelDrafts: [{ id: ID }], viewerCanDraftThresholdModel: false });
    expect((await ok(drafts, {}, admin)).partnership).toEqual({ thresholdModelDrafts: [{ id: ID }], viewerCanDraftThresholdModel: true });
    // A draft is in force on no date, and its indicators are not searched, even for its own partnership.
    expect((await telfordOn('2027-06-01', admin)).id).toBe(`${OWN}.2019`);
    const all = await ok(`{ thresholdModels(allVersions: true) { id } }`, {}, admin);
    expect(all.thresholdModels.map((m: { id: string }) => m.id)).not.toContain(ID);
    expect((await ok(`{ searchIndicators(text: "marmalade") { rank } }`, {}, admin)).searchIndicators).toEqual([]);
  });

  it('refuses to draft for a caller who is not an administrator of the partnership, and writes nothing', async () => {
    const before = await snapshot();
    for (const [as, code] of [
      [undefined, 'UNAUTHENTICATED'],
      [member, 'FORBIDDEN'],
      [otherAdmin, 'FORBIDDEN'],
      [regionalAdmin, 'FORBIDDEN'],
      [[grant('analyst')], 'FORBIDDEN'],
    ] as const) {
      const response = await call(DRAFT, { slug: OWN, input: draftInput('2028', '2028-04-01') }, as as Grant[] | undefined);
      expectRefused(response, code);
      expect(response.data?.draftThresholdModelVersion ?? null).toBeNull();
    }
    expect(await snapshot()).toBe(before);
  });

  it.each([
    ['an empty title', { title: '  ' }, 'input.title', /must not be empty/],
    ['a title on two lines', { title: 'Threshold\nguidance' }, 'input.title', /must be one line/],
    ['a version code that is not a slug', { code: '2027 v3' }, 'input.code', /not a version slug/],
    ['the code of an existing version', { code: '2019', effectiveFrom: '2028-01-01' }, 'input.code', /already has a threshold model version "2019"/],
    ['approval after the version comes into force', { approvedOn: '2027-04-02' }, 'input.approvedOn', /before it was approved/],
    ['an end before the start', { effectiveTo: '2027-01-01' }, 'input.effectiveTo', /cannot end/],
    ['no levels', { levels: [] }, 'input.levels', /1 to 10 levels/],
    ['a level code used twice', { levels: [level('a', 1, 'A', null), level('a', 2, 'B', null)] }, 'input.levels.1.code', /used twice/],
    ['levels out of order', { levels: [level('a', 2, 'A', null), level('b', 1, 'B', null)] }, 'input.levels.0.rank', /lowest need first/],
    ['an unknown regional level', { levels: [level('a', 1, 'A', ['level-9'])] }, 'input.levels.0.crosswalk.regionalLevelIds', /Unknown regional level/],
    [
      'an NHS number in an indicator',
      { levels: [level('a', 1, 'A', null, ['Seen with NHS number 943 476 5919'])] },
      'input.levels.0.indicators.0',
      /NHS number/,
    ],
    [
      'a front door with an empty name',
      { frontDoor: { name: '', kind: 'MASH', servesChildren: true, servesAdults: false, description: 'x' } },
      'input.frontDoor.name',
      /must not be empty/,
    ],
  ])('refuses %s with BAD_USER_INPUT naming the field, and writes nothing', async (_case, change, field, message) => {
    const before = await snapshot();
    const response = await call(DRAFT, { slug: OWN, input: draftInput('2099', '2027-04-01', change) }, admin);
    expectRefused(response, 'BAD_USER_INPUT', message, field);
    expect(await snapshot()).toBe(before);
  });

  it('edits the draft: only the fields given change, a level keeping its code keeps its mapping, and the version goes up', async () => {
    const { levels } = draftInput('2027', '2027-04-01');
    const renamed = [levels[0], { ...levels[1], name: 'Vulnerable (emerging need)', crosswalk: undefined }, levels[2], levels[3]];
    const data = await ok(UPDATE, { id: ID, version: 1, input: { title: 'Telford & Wrekin Threshold Guidance 2027 (synthetic)', levels: renamed } });
    expect(data.updateThresholdModelDraft).toMatchObject({
      title: 'Telford & Wrekin Threshold Guidance 2027 (synthetic)',
      documentVersion: 'v3.0',
      effectiveFrom: '2027-04-01',
      version: 2,
      status: 'DRAFT',
    });
    const vulnerable = data.updateThresholdModelDraft.levels[1];
    expect(vulnerable).toMatchObject({ name: 'Vulnerable (emerging need)', crosswalk: { regionalLevels: [{ id: 'level-2' }], version: 1 } });
  });

  it.each([
    ['nothing to change', {}, 'input', /at least one field/],
    ['a title removed', { title: null }, 'input.title', /cannot be removed/],
    ['a start after its end', { effectiveTo: '2027-03-01' }, 'input.effectiveTo', /cannot end/],
    ['levels with one name twice', { levels: [level('a', 1, 'Same', null), level('b', 2, 'same', null)] }, 'input.levels.1.name', /used twice/],
  ])('refuses an edit with %s, changing nothing', async (_case, input, field, message) => {
    const before = await snapshot();
    expectRefused(await call(UPDATE, { id: ID, version: 2, input }, admin), 'BAD_USER_INPUT', message, field);
    expect(await snapshot()).toBe(before);
  });

  it('refuses an edit from a stale version with CONFLICT, and an outsider as if the draft did not exist', async () => {
    const before = await snapshot();
    expectRefused(await call(UPDATE, { id: ID, version: 1, input: { documentVersion: 'v3.1' } }, admin), 'CONFLICT', /read it again/);
    expectRefused(await call(UPDATE, { id: ID, version: 2, input: { documentVersion: 'v3.1' } }, otherAdmin), 'NOT_FOUND', /No threshold model version/);
    expectRefused(await call(UPDATE, { id: ID, version: 2, input: { documentVersion: 'v3.1' } }, member), 'FORBIDDEN');
    expectRefused(await call(PUBLISH, { id: ID, version: 2 }, otherAdmin), 'NOT_FOUND');
    expectRefused(await call(DISCARD, { id: ID, version: 2 }, otherAdmin), 'NOT_FOUND');
    expect(await snapshot()).toBe(before);
  });

  it('applies exactly one of two edits made from the same version; the other gets CONFLICT', async () => {
    const results = await Promise.all(['v3.1', 'v3.2'].map((documentVersion) => call(UPDATE, { id: ID, version: 2, input: { documentVersion } }, admin)));
    const succeeded = results.filter((result) => !result.errors);
    expect(succeeded).toHaveLength(1);
    expectRefused(
      results.find((result) => result.errors)!,
      'CONFLICT',
    );
    const after = await stored(ID);
    expect(after.version).toBe(3);
    expect(after.documentVersion).toBe(succeeded[0]!.data!.updateThresholdModelDraft.documentVersion);
  });

  it('refuses to publish while a level is not on the regional crosswalk, naming it', async () => {
    const before = await snapshot();
    expectRefused(await call(PUBLISH, { id: ID, version: 3 }, admin), 'BAD_USER_INPUT', new RegExp(`not yet mapped: Acute \\(${ID}.acute\\)`), 'id');
    expect(await snapshot()).toBe(before);
  });

  it("lets the partnership's administrator place a draft's unmapped level (expectedVersion 0), and nobody else", async () => {
    const acute = `${ID}.acute`;
    const before = await snapshot();
    expectRefused(await call(MAP, { levelId: acute, version: 0, input: mapping(['level-4']) }, regionalAdmin), 'NOT_FOUND');
    expectRefused(await call(MAP, { levelId: acute, version: 0, input: mapping(['level-4']) }, otherAdmin), 'NOT_FOUND');
    expectRefused(await call(MAP, { levelId: acute, version: 1, input: mapping(['level-4']) }, admin), 'CONFLICT');
    expectRefused(await call(MAP, { levelId: acute, version: 0, input: mapping(['level-1', 'level-4']) }, admin), 'BAD_USER_INPUT', /not adjacent/);
    expect(await snapshot()).toBe(before);
    const data = await ok(MAP, { levelId: acute, version: 0, input: mapping(['level-4']) });
    expect(data.updateCrosswalkMapping).toEqual({ level: { id: acute }, regionalLevels: [{ id: 'level-4' }], version: 1, viewerCanEdit: true });
    expect((await ok(`query ($id: ID!) { thresholdModel(id: $id) { viewerCanPublish } }`, { id: ID })).thresholdModel.viewerCanPublish).toBe(true);
  });

  it('publishes exactly once when two administrators publish the same draft at once; the other gets CONFLICT', async () => {
    expect((await telfordOn('2027-06-01')).id).toBe(`${OWN}.2019`);
    const results = await Promise.all([call(PUBLISH, { id: ID, version: 3 }, admin), call(PUBLISH, { id: ID, version: 3 }, admin)]);
    const succeeded = results.filter((result) => !result.errors);
    expect(succeeded).toHaveLength(1);
    expectRefused(
      results.find((result) => result.errors)!,
      'CONFLICT',
    );
    expect(succeeded[0]!.data!.publishThresholdModelVersion).toMatchObject({ status: 'PUBLISHED', version: 4, viewerCanEdit: false, viewerCanPublish: false });
    expect(Number.isNaN(Date.parse(succeeded[0]!.data!.publishThresholdModelVersion.publishedAt))).toBe(false);
    expect((await stored(ID)).publishedBy).toBe('test-user');
  });

  it('ends the previous version the day before, and answers as-of questions from the dates', async () => {
    expect(await telfordOn('2019-06-01')).toEqual({ id: `${OWN}.2019`, effectiveTo: '2027-03-31' });
    expect((await telfordOn('2027-03-31')).id).toBe(`${OWN}.2019`);
    expect(await telfordOn('2027-04-01')).toEqual({ id: ID, effectiveTo: null });
    expect((await telfordOn('2030-01-01')).id).toBe(ID);
    // Public now, and listed among the versions; no draft left.
    expect((await ok(MODEL, { id: ID }, null)).thresholdModel).toEqual({ id: ID, status: 'PUBLISHED', version: 4 });
    const versions = await ok(
      `{ partnership(slug: "${OWN}") { thresholdModelVersions { id effectiveFrom effectiveTo } thresholdModelDrafts { id } } }`,
      {},
      admin,
    );
    expect(versions.partnership).toEqual({
      thresholdModelVersions: [
        { id: `${OWN}.2019`, effectiveFrom: '2019-06-01', effectiveTo: '2027-03-31' },
        { id: ID, effectiveFrom: '2027-04-01', effectiveTo: null },
      ],
      thresholdModelDrafts: [],
    });
    const table = await ok(`{ compareThresholds(partnershipSlugs: ["${OWN}"], asOf: "2027-04-01") { regionalLevel { id } entries { levels { id } } } }`, {});
    expect(table.compareThresholds.find((row: { regionalLevel: { id: string } }) => row.regionalLevel.id === 'level-4').entries[0].levels).toEqual([
      { id: `${ID}.acute` },
    ]);
  });

  it('refuses every edit of a published version with a clear error, and changes nothing', async () => {
    const before = await snapshot();
    expectRefused(
      await call(UPDATE, { id: ID, version: 4, input: { title: 'Rewritten' } }, admin),
      'BAD_USER_INPUT',
      /is published and cannot be edited.*immutable/,
      'id',
    );
    expectRefused(await call(DISCARD, { id: ID, version: 4 }, admin), 'BAD_USER_INPUT', /cannot be discarded/);
    expectRefused(await call(PUBLISH, { id: ID, version: 4 }, admin), 'BAD_USER_INPUT', /cannot be published again/);
    expectRefused(await call(UPDATE, { id: `${OWN}.2019`, version: 1, input: { title: 'Rewritten' } }, admin), 'BAD_USER_INPUT', /immutable/);
    // Its levels' crosswalk is now the regional administrators' to change.
    expectRefused(await call(MAP, { levelId: `${ID}.acute`, version: 1, input: mapping(['level-3']) }, admin), 'FORBIDDEN', /regional administrator/);
    // An outsider sees a published version, so is told FORBIDDEN rather than NOT_FOUND.
    expectRefused(await call(UPDATE, { id: ID, version: 4, input: { title: 'Rewritten' } }, otherAdmin), 'FORBIDDEN');
    expect(await snapshot()).toBe(before);
  });

  it('refuses to publish a version that does not come after the latest published one', async () => {
    await ok(DRAFT, { slug: OWN, input: draftInput('2026', '2026-09-01', { approvedOn: null, levels: [level('one', 1, 'One', ['level-1'])] }) });
    const before = await snapshot();
    expectRefused(await call(PUBLISH, { id: `${OWN}.2026`, version: 1 }, admin), 'BAD_USER_INPUT', /must come into force after it, not on 2026-09-01/);
    expect(await snapshot()).toBe(before);
  });

  it('discards a draft with its levels, under the optimistic lock', async () => {
    const before = await snapshot();
    expectRefused(await call(DISCARD, { id: `${OWN}.2026`, version: 2 }, admin), 'CONFLICT');
    expect(await snapshot()).toBe(before);
    expect((await ok(DISCARD, { id: `${OWN}.2026`, version: 1 })).discardThresholdModelDraft).toBe(`${OWN}.2026`);
    expect((await ok(MODEL, { id: `${OWN}.2026` })).thresholdModel).toBeNull();
    const [{ count }] = await federation.dataSources.thresholds!.query(`SELECT count(*)::int AS count FROM thresholds.threshold_level WHERE model_id = $1`, [
      `${OWN}.2026`,
    ]);
    expect(count).toBe(0);
    expectRefused(await call(DISCARD, { id: `${OWN}.2026`, version: 1 }, admin), 'NOT_FOUND');
  });
});
