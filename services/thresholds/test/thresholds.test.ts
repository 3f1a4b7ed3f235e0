import { startTestFederation, type TestFederation } from '@safeguarding/testkit';

/** The three models, the crosswalk table and translations, read through the gateway; 003 and DOMAIN.md are the oracle. */
let federation: TestFederation;
beforeAll(async () => {
  federation = await startTestFederation({ only: ['arrangements', 'thresholds'] });
});
afterAll(async () => {
  await federation?.stop();
});

const ok = async (query: string, variables?: Record<string, unknown>) => {
  const result = await federation.query(query, { variables });
  expect(result.errors).toBeUndefined();
  return result.data!;
};

describe("Telford & Wrekin's model, as 003 states it", () => {
  it('has the four levels in order, with their descriptors, responses, assessments and leads', async () => {
    const { partnerships } = await ok(`{
      partnerships {
        slug name
        thresholdModel(asOf: "2024-01-01") {
          id verified effectiveFrom approvedOn source { document section }
          frontDoor { name kind servesChildren servesAdults source { document } }
          levels { code rank name descriptor responses assessmentRequired ledBy verified source { document } }
        }
      }
    }`);
    const telford = partnerships.find((p: { slug: string }) => p.slug === 'telford-and-wrekin');
    expect(telford.name).toMatch(/Telford/);
    const model = telford.thresholdModel;
    expect(model).toMatchObject({ id: 'telford-and-wrekin.2019', verified: true, effectiveFrom: '2019-06-01', approvedOn: null });
    expect(model.source.document).toBe('003_b1549964c7b91fcb.txt');
    expect(model.source.section).toMatch(/Safeguarding Children Arrangements/);
    expect(model.frontDoor).toEqual({
      name: 'Family Connect',
      kind: 'Multi-agency safeguarding hub (MASH)',
      servesChildren: true,
      servesAdults: true,
      source: { document: '003_b1549964c7b91fcb.txt' },
    });
    expect(model.levels.map((l: { rank: number; name: string }) => [l.rank, l.name])).toEqual([
      [1, 'Universal'],
      [2, 'Vulnerable'],
      [3, 'Complex'],
      [4, 'Acute'],
    ]);
    const [universal, vulnerable, complex, acute] = model.levels;
    expect(universal.descriptor).toBe(
      'children with no identified additional needs and children with additional needs that be met by receiving support by a single agency practitioner and family members. Children, young people, parents and carers can access universal services directly.',
    );
    expect(universal).toMatchObject({ responses: ['UNIVERSAL_SERVICES'], assessmentRequired: null });
    expect(vulnerable).toMatchObject({
      responses: ['SINGLE_AGENCY_EARLY_HELP', 'MULTI_AGENCY_EARLY_HELP', 'EARLY_HELP_ASSESSMENT'],
      assessmentRequired: 'Early Help Assessment',
    });
    expect(vulnerable.descriptor).toContain('Early Help Assessment would need to be completed');
    expect(complex.assessmentRequired).toBe('Early Help Assessment and Team Around the Family');
    expect(complex.responses).toContain('TEAM_AROUND_THE_FAMILY');
    expect(complex.descriptor).toContain('"Team Around the Family" will be required');
    expect(acute).toMatchObject({ ledBy: "Children's social care", assessmentRequired: null });
    expect(acute.responses).toEqual(['CHILDRENS_SOCIAL_CARE', 'MULTI_AGENCY_EARLY_HELP', 'TARGETED_SUPPORT', 'SPECIALIST_SERVICES']);
    // 003 does not say child in need or child protection, so neither is claimed.
    expect(acute.responses).not.toContain('CHILD_PROTECTION');
    expect(model.levels.every((l: { verified: boolean; source: { document: string } }) => l.verified && l.source.document === '003_b1549964c7b91fcb.txt')).toBe(
      true,
    );
  });
});

describe("Shropshire's and Solihull's models are labelled unverified", () => {
  it("names Shropshire's public document, its version and date, and marks the four levels as assumed", async () => {
    const { thresholdModels } = await ok(`{
      thresholdModels(partnershipSlug: "shropshire", asOf: "2025-01-24") {
        id title documentVersion effectiveFrom verified provenance frontDoor { name } source { kind document synthetic reasoning inferredFrom { quote } }
        levels { name descriptor responses verified provenance source { kind generator } crosswalk { confidence source { kind } } }
      }
    }`);
    expect(thresholdModels).toHaveLength(1);
    const [model] = thresholdModels;
    expect(model).toMatchObject({ id: 'shropshire.2017', documentVersion: 'v2.5', effectiveFrom: '2017-03-01', verified: false, frontDoor: null });
    expect(model.title).toMatch(/^Multi-agency guidance on Threshold Criteria .* Accessing the Right Service at the Right Time$/);
    // The title, version and date come from a public page not kept in sources/: inferred, resting on 001's mention of the document.
    expect(model.source).toMatchObject({ kind: 'INFERRED', document: '001_129f8b945aaf429a.txt', synthetic: false });
    expect(model.source.inferredFrom[0].quote).toMatch(/Multi-agency Threshold Document/);
    expect(model.source.reasoning).toMatch(/public page, which is not kept in sources/);
    expect(model.provenance).toMatch(/not established/);
    expect(model.levels.map((l: { name: string }) => l.name)).toEqual(['Level 1', 'Level 2', 'Level 3', 'Level 4']);
    for (const level of model.levels) {
      expect(level).toMatchObject({ descriptor: null, responses: [], verified: false, crosswalk: { confidence: 'LOW' } });
      expect(level.provenance).toMatch(/^Unverified: the seeds do not name Shropshire's levels/);
      // Assumed levels and their placements are the platform's, not a document's.
      expect(level.source).toMatchObject({ kind: 'SYNTHETIC', generator: expect.stringMatching(/^Assumed level/) });
      expect(level.crosswalk.source.kind).toBe('SYNTHETIC');
    }
  });

  it('gives Solihull a model with no known title or dates, in force on any date, citing 004', async () => {
    const early = await ok(`{ partnerships { slug thresholdModel(asOf: "1990-01-01") { id verified effectiveFrom source { document } } } }`);
    const bySlug = Object.fromEntries(early.partnerships.map((p: { slug: string; thresholdModel: unknown }) => [p.slug, p.thresholdModel]));
    expect(bySlug.solihull).toEqual({ id: 'solihull.levels-of-need', verified: false, effectiveFrom: null, source: { document: '004_b6751091e751e5aa.txt' } });
    // Before their documents' dates, Shropshire and Telford & Wrekin have no model.
    expect(bySlug.shropshire).toBeNull();
    expect(bySlug['telford-and-wrekin']).toBeNull();
  });
});

describe('as-of answers from the effective dates', () => {
  it("starts Telford & Wrekin's model on 2019-06-01 and Shropshire's on 2017-03-01", async () => {
    const query = `query ($asOf: Date) { thresholdModels(asOf: $asOf) { id } }`;
    const ids = async (asOf: string) => (await ok(query, { asOf })).thresholdModels.map((m: { id: string }) => m.id);
    expect(await ids('2017-02-28')).toEqual(['solihull.levels-of-need']);
    expect(await ids('2017-03-01')).toEqual(['shropshire.2017', 'solihull.levels-of-need']);
    expect(await ids('2019-05-31')).toEqual(['shropshire.2017', 'solihull.levels-of-need']);
    expect(await ids('2019-06-01')).toEqual(['shropshire.2017', 'solihull.levels-of-need', 'telford-and-wrekin.2019']);
  });

  it('refuses an impossible date with BAD_USER_INPUT', async () => {
    const { errors } = await federation.query(`{ thresholdModels(asOf: "2019-02-30") { id } }`);
    expect(errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
  });
});

describe('the regional scale and the crosswalk table', () => {
  it('has four regional levels shaped like the Dudley example, labelled as platform-defined', async () => {
    const { regionalLevels } = await ok(`{ regionalLevels { id rank name provenance source { kind generator } } }`);
    expect(regionalLevels.map((l: { id: string; name: string }) => [l.id, l.name])).toEqual([
      ['level-1', 'Level 1: Universal support'],
      ['level-2', 'Level 2: Additional support (single agency)'],
      ['level-3', 'Level 3: Multiple needs (multi-agency)'],
      ['level-4', 'Level 4: Acute needs (statutory or specialist intervention)'],
    ]);
    expect(regionalLevels[0].provenance).toMatch(/platform-defined/);
    // Dudley's page is not in sources/, and no partnership adopted the scale: synthetic, saying so.
    expect(regionalLevels[0].source).toMatchObject({ kind: 'SYNTHETIC', generator: expect.stringMatching(/Dudley.*public page not kept in sources/) });
  });

  it('puts the levels side by side, with straddling levels in both of their rows', async () => {
    const { compareThresholds } = await ok(`{
      compareThresholds(partnershipSlugs: ["telford-and-wrekin", "shropshire", "solihull"], asOf: "2025-01-24") {
        regionalLevel { id }
        entries { partnershipSlug partnership { name } model { id } levels { name } }
      }
    }`);
    const table = compareThresholds.map((row: { regionalLevel: { id: string }; entries: { partnershipSlug: string; levels: { name: string }[] }[] }) => [
      row.regionalLevel.id,
      row.entries.map((entry) => `${entry.partnershipSlug}: ${entry.levels.map((l) => l.name).join(' + ')}`),
    ]);
    expect(table).toEqual([
      ['level-1', ['telford-and-wrekin: Universal', 'shropshire: Level 1', 'solihull: Level 1']],
      ['level-2', ['telford-and-wrekin: Universal + Vulnerable', 'shropshire: Level 2', 'solihull: Level 2']],
      ['level-3', ['telford-and-wrekin: Vulnerable + Complex', 'shropshire: Level 3', 'solihull: Level 3']],
      ['level-4', ['telford-and-wrekin: Acute', 'shropshire: Level 4', 'solihull: Level 4']],
    ]);
    // The partnership's name comes from the arrangements subgraph.
    expect(compareThresholds[0].entries[0].partnership.name).toMatch(/Telford & Wrekin/);
    expect(compareThresholds[0].entries[0].model.id).toBe('telford-and-wrekin.2019');
  });

  it('says why each Telford & Wrekin level sits where it does, and how sure the mapping is', async () => {
    const { thresholdModel } = await ok(`{
      thresholdModel(id: "telford-and-wrekin.2019") { levels { name crosswalk { regionalLevels { id } straddles confidence rationale version viewerCanEdit } } }
    }`);
    const mappings = Object.fromEntries(thresholdModel.levels.map((l: { name: string; crosswalk: unknown }) => [l.name, l.crosswalk]));
    expect(mappings.Universal).toMatchObject({
      regionalLevels: [{ id: 'level-1' }, { id: 'level-2' }],
      straddles: true,
      confidence: 'MEDIUM',
      version: 1,
      viewerCanEdit: false,
    });
    expect(mappings.Vulnerable).toMatchObject({ regionalLevels: [{ id: 'level-2' }, { id: 'level-3' }], straddles: true, confidence: 'MEDIUM' });
    expect(mappings.Complex).toMatchObject({ regionalLevels: [{ id: 'level-3' }], straddles: false, confidence: 'HIGH' });
    expect(mappings.Acute).toMatchObject({ regionalLevels: [{ id: 'level-4' }], straddles: false, confidence: 'HIGH' });
    expect(mappings.Vulnerable.rationale).toMatch(/single agency .* multi-agency/);
  });

  it('refuses an empty, duplicated or malformed list and an unknown partnership', async () => {
    const cases: [string, string][] = [
      ['[]', 'BAD_USER_INPUT'],
      ['["shropshire", "shropshire"]', 'BAD_USER_INPUT'],
      ['["Telford & Wrekin"]', 'BAD_USER_INPUT'],
      ['["shropshire", "birmingham"]', 'NOT_FOUND'],
    ];
    for (const [slugs, code] of cases) {
      const { data, errors } = await federation.query(`{ compareThresholds(partnershipSlugs: ${slugs}) { regionalLevel { id } } }`);
      expect(data?.compareThresholds ?? null).toBeNull();
      expect(errors![0]!.extensions!.code).toBe(code);
    }
  });
});

describe('translating a level for a child who moves', () => {
  const TRANSLATE = `query ($from: String!, $level: String!, $to: String!) {
    translateLevel(fromPartnership: $from, level: $level, toPartnership: $to) {
      from { name } regionalLevels { id } toModel { id }
      equivalents { level { name } match sharedRegionalLevels { id } confidence rationale }
    }
  }`;

  it('translates Telford & Wrekin Vulnerable to Shropshire Levels 2 and 3, provisionally', async () => {
    const { translateLevel } = await ok(TRANSLATE, { from: 'telford-and-wrekin', level: 'Vulnerable', to: 'shropshire' });
    expect(translateLevel.from.name).toBe('Vulnerable');
    expect(translateLevel.regionalLevels).toEqual([{ id: 'level-2' }, { id: 'level-3' }]);
    expect(translateLevel.toModel.id).toBe('shropshire.2017');
    expect(
      translateLevel.equivalents.map((e: { level: { name: string }; match: string; sharedRegionalLevels: { id: string }[]; confidence: string }) => [
        e.level.name,
        e.match,
        e.sharedRegionalLevels.map((r) => r.id),
        e.confidence,
      ]),
    ).toEqual([
      ['Level 2', 'OVERLAPPING', ['level-2'], 'LOW'],
      ['Level 3', 'OVERLAPPING', ['level-3'], 'LOW'],
    ]);
    const rationale = translateLevel.equivalents[0].rationale;
    expect(rationale).toMatch(/^Vulnerable \(telford-and-wrekin\) and Level 2 \(shropshire\) share part of the regional scale\./);
    expect(rationale).toMatch(/Provisional: the level names of shropshire are not established/);
  });

  it('translates Shropshire Level 3 to Telford & Wrekin Vulnerable (overlapping) and Complex (same level)', async () => {
    const { translateLevel } = await ok(TRANSLATE, { from: 'shropshire', level: 'level-3', to: 'telford-and-wrekin' });
    expect(translateLevel.equivalents.map((e: { level: { name: string }; match: string }) => [e.level.name, e.match])).toEqual([
      ['Vulnerable', 'OVERLAPPING'],
      ['Complex', 'SAME_REGIONAL_LEVELS'],
    ]);
    expect(translateLevel.equivalents[1].confidence).toBe('LOW');
  });

  it('matches level names without regard to case', async () => {
    const { translateLevel } = await ok(TRANSLATE, { from: 'telford-and-wrekin', level: 'acute', to: 'solihull' });
    expect(
      translateLevel.equivalents.map((e: { level: { name: string }; match: string; confidence: string }) => [e.level.name, e.match, e.confidence]),
    ).toEqual([['Level 4', 'SAME_REGIONAL_LEVELS', 'LOW']]);
  });

  it.each([
    [
      'an unknown level',
      { from: 'telford-and-wrekin', level: 'Critical', to: 'shropshire' },
      'NOT_FOUND',
      /its levels are Universal \(universal\), Vulnerable/,
    ],
    ['an unknown partnership', { from: 'birmingham', level: 'Level 1', to: 'shropshire' }, 'NOT_FOUND', /no threshold model/],
    ['a malformed slug', { from: 'telford-and-wrekin', level: 'Acute', to: 'Shropshire!' }, 'BAD_USER_INPUT', /not a slug/],
    ['the same partnership twice', { from: 'shropshire', level: 'Level 1', to: 'shropshire' }, 'BAD_USER_INPUT', /are the same/],
    ['an empty level', { from: 'shropshire', level: '  ', to: 'solihull' }, 'BAD_USER_INPUT', /level must be/],
    ['an over-long level', { from: 'shropshire', level: 'x'.repeat(201), to: 'solihull' }, 'BAD_USER_INPUT', /level must be/],
  ])('refuses %s with a clear error', async (_case, variables, code, message) => {
    const { data, errors } = await federation.query(TRANSLATE, { variables });
    expect(data?.translateLevel ?? null).toBeNull();
    expect(errors![0]!.extensions!.code).toBe(code);
    expect(errors![0]!.message).toMatch(message);
  });
});
