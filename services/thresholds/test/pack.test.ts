import fs from 'node:fs';
import path from 'node:path';
import { packFolders, REPOSITORY_PACKS, validatePack } from '@safeguarding/packs';
import { grant, startTestFederation, type TestFederation } from '@safeguarding/testkit';

/**
 * The thresholds section of a pack, through the gateway: the files in packs/ are the oracle (the
 * seed loads them), so an export of a freshly seeded database must be the same bytes.
 */
let federation: TestFederation;
beforeAll(async () => {
  federation = await startTestFederation({ only: ['arrangements', 'thresholds'] });
});
afterAll(async () => {
  await federation?.stop();
});

const regionalAdmin = [grant('regional-admin')];
const packFile = (scope: string) => fs.readFileSync(path.join(REPOSITORY_PACKS, scope, 'thresholds.yaml'), 'utf8');

const EXPORT = `query ($scope: String!) { thresholdsPackSection(scope: $scope) { scope section text } }`;
const APPLY = `mutation ($scope: String!, $text: String!, $dryRun: Boolean!) {
  applyThresholdsPackSection(scope: $scope, text: $text, dryRun: $dryRun) { scope section applied changes { entity key change fields } }
}`;

type Grants = ReturnType<typeof grant>[] | undefined;

async function exported(scope: string, as: Grants = regionalAdmin): Promise<string> {
  const { data, errors } = await federation.query(EXPORT, { as, variables: { scope } });
  expect(errors).toBeUndefined();
  return data!.thresholdsPackSection.text as string;
}

/** As a regional-admin unless `as` is given (undefined in `as` means anonymous). */
const apply = (scope: string, text: string, options: { dryRun?: boolean; as?: Grants } = {}) =>
  federation.query(APPLY, { as: 'as' in options ? options.as : regionalAdmin, variables: { scope, text, dryRun: options.dryRun ?? false } });

async function applied(scope: string, text: string, options: { dryRun?: boolean; as?: Grants } = {}) {
  const { data, errors } = await apply(scope, text, options);
  expect(errors).toBeUndefined();
  return data!.applyThresholdsPackSection as { applied: boolean; changes: { entity: string; key: string; change: string; fields: string[] }[] };
}

describe('the packs in the repository', () => {
  it('validate: every stated quote is in its source, every placement names a regional level', () => {
    const folders = packFolders(REPOSITORY_PACKS);
    for (const folder of folders) {
      const problems = validatePack(folder, { platformPacks: folders }).problems.filter((problem) => problem.file === 'thresholds.yaml');
      expect({ folder: path.basename(folder), problems }).toEqual({ folder: path.basename(folder), problems: [] });
    }
  });

  it("quote 003 for each of Telford & Wrekin's four levels and label the other partnerships' levels synthetic", () => {
    const telford = packFile('telford-and-wrekin');
    for (const name of ['Universal', 'Vulnerable', 'Complex', 'Acute']) expect(telford).toContain(`name: ${name}`);
    expect(telford.match(/kind: stated/g)!.length).toBeGreaterThanOrEqual(5);
    for (const scope of ['shropshire', 'solihull']) {
      expect(packFile(scope)).not.toContain('kind: stated');
      expect(packFile(scope).match(/generator: "Assumed level:/g)).toHaveLength(4);
    }
  });
});

describe('export', () => {
  it.each(['regional', 'shropshire', 'telford-and-wrekin', 'solihull'])('gives %s the same bytes as packs/<scope>/thresholds.yaml', async (scope) => {
    expect(await exported(scope)).toBe(packFile(scope));
  });

  it("lets a partnership's own admin export its section", async () => {
    expect(await exported('shropshire', [grant('partnership-admin', 'shropshire')])).toBe(packFile('shropshire'));
  });
});

describe('apply', () => {
  it('changes nothing when the exported text is applied again', async () => {
    for (const scope of ['regional', 'shropshire', 'solihull']) {
      const result = await applied(scope, packFile(scope));
      expect(result).toEqual({ scope, section: 'thresholds', applied: true, changes: [] });
    }
  });

  it('publishes a new version: a dry run lists it and writes nothing; applying writes it, ends the old one and leaves an audit entry', async () => {
    const admin = [grant('partnership-admin', 'telford-and-wrekin')];
    const before = packFile('telford-and-wrekin');
    // The 2019 version again as a 2027 one, after it (versions are given oldest first).
    const version2019 = before.slice(before.indexOf('  - code: "2019"'));
    const text = before + version2019.replace('code: "2019"', 'code: "2027"').replace('startDate: 2019-06-01', 'startDate: 2027-04-01');
    const dry = await applied('telford-and-wrekin', text, { dryRun: true, as: admin });
    expect(dry.applied).toBe(false);
    expect(dry.changes).toContainEqual({ entity: 'ThresholdModel', key: 'telford-and-wrekin.2027', change: 'ADDED', fields: [] });
    expect(dry.changes).toContainEqual({ entity: 'ThresholdModel', key: 'telford-and-wrekin.2019', change: 'CHANGED', fields: ['effectiveTo'] });
    expect(dry.changes).toContainEqual({ entity: 'CrosswalkMapping', key: 'telford-and-wrekin.2027.acute', change: 'ADDED', fields: [] });
    expect(await exported('telford-and-wrekin')).toBe(before);

    const done = await applied('telford-and-wrekin', text, { as: admin });
    expect(done.applied).toBe(true);
    expect(done.changes).toEqual(dry.changes);
    const { data } = await federation.query(`{
      later: thresholdModels(partnershipSlug: "telford-and-wrekin", asOf: "2027-05-01") { id effectiveFrom status levels { name crosswalk { regionalLevels { id } } } }
      earlier: thresholdModel(id: "telford-and-wrekin.2019") { effectiveTo }
    }`);
    expect(data!.later).toEqual([expect.objectContaining({ id: 'telford-and-wrekin.2027', effectiveFrom: '2027-04-01', status: 'PUBLISHED' })]);
    expect(data!.later[0].levels[0]).toEqual({ name: 'Universal', crosswalk: { regionalLevels: [{ id: 'level-1' }, { id: 'level-2' }] } });
    expect(data!.earlier).toEqual({ effectiveTo: '2027-03-31' });
    const trail = await federation.query(`{ partnership(slug: "telford-and-wrekin") { thresholdsAuditTrail { field errorCode partnershipSlugs } } }`, {
      as: admin,
    });
    expect(trail.data!.partnership.thresholdsAuditTrail).toContainEqual({
      field: 'applyThresholdsPackSection',
      errorCode: null,
      partnershipSlugs: ['telford-and-wrekin'],
    });
    // Applying the export again changes nothing; the old version's end date is now part of it.
    const now = await exported('telford-and-wrekin');
    expect((await applied('telford-and-wrekin', now, { as: admin })).changes).toEqual([]);
  });

  it('refuses to edit a published version, naming the field, its line and column', async () => {
    const text = packFile('shropshire').replace('name: Level 2', 'name: Level Two');
    const { data, errors } = await apply('shropshire', text);
    expect(data?.applyThresholdsPackSection ?? null).toBeNull();
    expect(errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'thresholdModelVersions[0].levels[1].name' });
    const [problem] = errors![0]!.extensions!.problems as { line: number; column: number; message: string }[];
    expect(text.split('\n')[problem!.line - 1]).toContain('name: Level Two');
    expect(problem!.message).toMatch(/immutable.*Add a new version/);
    expect(await exported('shropshire')).toBe(packFile('shropshire'));
  });

  it('refuses a new version whose level straddles two regional levels that are not adjacent, as publishing does', async () => {
    const original = packFile('solihull');
    const version = original.slice(original.indexOf('  - code: levels-of-need'));
    const text =
      original +
      version
        .replace('code: levels-of-need', 'code: "2026"\n    startDate: 2026-09-01')
        .replace(/regionalLevels:\n {12}- level-1\n/, 'regionalLevels:\n            - level-1\n            - level-3\n');
    const { errors } = await apply('solihull', text);
    expect(errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'thresholdModelVersions[1].levels[0].regionalPlacement.regionalLevels' });
    expect(errors![0]!.message).toMatch(/not adjacent/);
    expect(await exported('solihull')).toBe(original);
  });

  it('lets a regional-admin move a published level, and refuses its partnership-admin (as updateCrosswalkMapping does)', async () => {
    const original = packFile('shropshire');
    const moved = original.replace(/(regionalLevels:\n {12}- level-1\n)/, '$1            - level-2\n');
    const refused = await apply('shropshire', moved, { as: [grant('partnership-admin', 'shropshire')] });
    expect(refused.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect(refused.errors![0]!.message).toMatch(/regionalPlacement.*regional-admin/);
    const done = await applied('shropshire', moved);
    expect(done.changes).toEqual([
      { entity: 'CrosswalkMapping', key: 'shropshire.2017.level-1', change: 'CHANGED', fields: ['regionalLevelIds', 'version', 'editedBy', 'editedAt'] },
    ]);
    const { data } = await federation.query(`{ thresholdModel(id: "shropshire.2017") { levels { crosswalk { straddles version regionalLevels { id } } } } }`);
    expect(data!.thresholdModel.levels[0].crosswalk).toEqual({ straddles: true, version: 2, regionalLevels: [{ id: 'level-1' }, { id: 'level-2' }] });
    expect((await applied('shropshire', original)).changes).toHaveLength(1);
  });

  it('ends a regional level removed from the regional pack, and refuses to remove one a placement uses', async () => {
    const original = packFile('regional');
    const level5 = `  - id: level-5
    rank: 5
    name: "Level 5: Synthetic"
    description: A synthetic level for the removal test.
    note: Synthetic.
    provenance:
      kind: synthetic
      generator: services/thresholds/test/pack.test.ts
`;
    expect((await applied('regional', original + level5)).changes).toEqual([{ entity: 'RegionalLevel', key: 'level-5', change: 'ADDED', fields: [] }]);
    expect((await applied('regional', original)).changes).toEqual([{ entity: 'RegionalLevel', key: 'level-5', change: 'ENDED', fields: [] }]);
    const withoutLevel4 = original.slice(0, original.indexOf('  - id: level-4'));
    const { errors } = await apply('regional', withoutLevel4);
    expect(errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(errors![0]!.message).toMatch(/"level-4" cannot be removed/);
    expect(await exported('regional')).toBe(original);
  });

  it.each([
    ['a syntax error', (text: string) => text.replace('thresholdModelVersions:', 'thresholdModelVersions: [')],
    ['a wrong type', (text: string) => text.replace('rank: 3', 'rank: three')],
    ['an unknown field', (text: string) => text.replace('    verified: false\n', '    verified: false\n    colour: red\n')],
  ])('refuses %s with BAD_USER_INPUT and problems naming line and column; nothing changes', async (_kind, edit) => {
    const text = edit(packFile('solihull'));
    expect(text).not.toBe(packFile('solihull'));
    const { errors } = await apply('solihull', text);
    expect(errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    const problems = errors![0]!.extensions!.problems as { line: number; column: number }[];
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]!.line).toBeGreaterThan(0);
    expect(problems[0]!.column).toBeGreaterThan(0);
    expect(await exported('solihull')).toBe(packFile('solihull'));
  });

  it('refuses a file that repeats an alias hundreds of times (a resource exhaustion attack) with BAD_USER_INPUT, not a server error', async () => {
    const text = `anchor: &p { kind: synthetic, generator: repeated }\nmany: [${Array.from({ length: 300 }, () => '*p').join(', ')}]\n`;
    const { errors } = await apply('solihull', text);
    expect(errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(errors![0]!.message).toMatch(/alias/);
    expect(await exported('solihull')).toBe(packFile('solihull'));
  });

  it.each([
    ['anonymous', 'UNAUTHENTICATED', undefined, 'shropshire'],
    ['an analyst', 'FORBIDDEN', [grant('analyst')], 'shropshire'],
    ['a member', 'FORBIDDEN', [grant('member', 'shropshire')], 'shropshire'],
    ["another partnership's admin", 'FORBIDDEN', [grant('partnership-admin', 'solihull')], 'shropshire'],
    ['a partnership-admin, for the regional pack', 'FORBIDDEN', [grant('partnership-admin', 'shropshire')], 'regional'],
  ])('refuses %s (%s) to apply or export, and changes nothing', async (_who, code, as, scope) => {
    const text = packFile(scope).replace('rank: 2', 'rank: 3');
    const { errors } = await apply(scope, text, { as });
    expect(errors![0]!.extensions!.code).toBe(code);
    const read = await federation.query(EXPORT, { as, variables: { scope } });
    expect(read.errors![0]!.extensions!.code).toBe(code);
    expect(await exported(scope)).toBe(packFile(scope));
  });

  it('applies two different edits sent at once, one after the other, ending in one of them', async () => {
    const original = packFile('solihull');
    const first = original.replace('numbered level 1 is placed', 'numbered level 1 (first edit) is placed');
    const second = original.replace('numbered level 4 is placed', 'numbered level 4 (second edit) is placed');
    expect(first).not.toBe(original);
    expect(second).not.toBe(original);
    const [one, two] = await Promise.all([apply('solihull', first), apply('solihull', second)]);
    expect(one.errors).toBeUndefined();
    expect(two.errors).toBeUndefined();
    expect([first, second]).toContain(await exported('solihull'));
    await applied('solihull', original);
  });
});

describe('provenance through the API', () => {
  it('shows a level 003 states as STATED with its quote, and what is reasoned (start date, responses, placement) as INFERRED with what it rests on', async () => {
    const { data } = await federation.query(`{
      thresholdModel(id: "telford-and-wrekin.2019") {
        source { kind quote }
        effectiveFromSource { kind reasoning inferredFrom { quote } }
        levels { name source { kind quote } responsesSource { kind reasoning } crosswalk { source { kind reasoning inferredFrom { kind document quote } } } }
      }
    }`);
    // The version is stated; its start date (a month, recorded as its first day) is inferred.
    expect(data!.thresholdModel.source).toEqual({ kind: 'STATED', quote: expect.stringMatching(/^In 2019, Telford & Wrekin/) });
    expect(data!.thresholdModel.effectiveFromSource).toEqual({
      kind: 'INFERRED',
      reasoning: expect.stringMatching(/first of that month/),
      inferredFrom: [{ quote: expect.stringMatching(/^In 2019/) }, { quote: 'June 2019' }],
    });
    const vulnerable = data!.thresholdModel.levels.find((level: { name: string }) => level.name === 'Vulnerable');
    expect(vulnerable.source).toEqual({ kind: 'STATED', quote: expect.stringContaining('Early Help Assessment would need to be completed') });
    // Its responses are classified from that descriptor, not listed by 003: inferred, per value.
    expect(vulnerable.responsesSource).toMatchObject({
      kind: 'INFERRED',
      reasoning: expect.stringMatching(/^Classified from 003's description of Vulnerable/),
    });
    expect(vulnerable.crosswalk.source).toEqual({
      kind: 'INFERRED',
      reasoning: expect.stringMatching(/^A judgement/),
      inferredFrom: [{ kind: 'STATED', document: '003_b1549964c7b91fcb.txt', quote: expect.stringContaining('Early Help') }],
    });
  });
});

describe('a version published through the API', () => {
  it('is exported with what produced it, and its export applies again without change', async () => {
    const admin = [grant('partnership-admin', 'shropshire')];
    const drafted = await federation.query(
      `mutation { draftThresholdModelVersion(partnershipSlug: "shropshire", input: {
        code: "2026", title: "Shropshire threshold guidance", documentVersion: "v3", effectiveFrom: "2026-01-05",
        levels: [{ code: "early", rank: 1, name: "Early help", responses: [SINGLE_AGENCY_EARLY_HELP], indicators: ["Needs one agency can meet."],
                   crosswalk: { regionalLevelIds: ["level-1", "level-2"], rationale: "Early help by one agency.", confidence: MEDIUM } }]
      }) { id version } }`,
      { as: admin },
    );
    expect(drafted.errors).toBeUndefined();
    const published = await federation.query(`mutation { publishThresholdModelVersion(id: "shropshire.2026", expectedVersion: 1) { id } }`, { as: admin });
    expect(published.errors).toBeUndefined();
    const text = await exported('shropshire', admin);
    expect(text).toContain('code: "2026"');
    // Cited by name without a quote: neither stated nor inferred, so the export says it was recorded, as given.
    expect(text).toMatch(/kind: recorded\n\s+document: Shropshire threshold guidance\n\s+section: Version v3/);
    const first = await applied('shropshire', text, { as: admin });
    // The recorded citations gain their explicit label once (source only); after that the export is a fixed point.
    expect(first.changes.every((change) => change.change === 'CHANGED' && change.fields.includes('source'))).toBe(true);
    expect((await applied('shropshire', text, { as: admin })).changes).toEqual([]);
    expect(await exported('shropshire', admin)).toBe(text);
  });
});

describe('a new partnership, from its pack alone', () => {
  it('is compared and translated beside the seeded ones with no code change', async () => {
    const synthetic = 'kind: synthetic\n        generator: fictional partnership written for the onboarding test';
    const level = (code: string, rank: number, name: string, regional: string[]) => `      - code: ${code}
        rank: ${rank}
        name: ${name}
        responses: []
        verified: true
        note: Fictional.
        provenance:
          ${synthetic.replace('\n        ', '\n          ')}
        indicators:
          - text: A fictional need at ${name}.
            provenance:
              ${synthetic.replace('\n        ', '\n              ')}
        regionalPlacement:
          regionalLevels: [${regional.join(', ')}]
          rationale: Fictional placement.
          confidence: LOW
          provenance:
            ${synthetic.replace('\n        ', '\n            ')}
`;
    const text = `thresholdModelVersions:
  - code: "2026"
    title: Fictional threshold guidance
    startDate: 2026-01-01
    verified: true
    note: Fictional.
    provenance:
      ${synthetic.replace('\n        ', '\n      ')}
    levels:
${level('support', 1, 'Support', ['level-1', 'level-2'])}${level('protection', 2, 'Protection', ['level-3', 'level-4'])}`;
    const added = await applied('fictional-shire', text);
    expect(added.changes).toContainEqual({ entity: 'ThresholdModel', key: 'fictional-shire.2026', change: 'ADDED', fields: [] });
    const { data, errors } = await federation.query(`{
      compareThresholds(partnershipSlugs: ["telford-and-wrekin", "fictional-shire"], asOf: "2026-06-01") { regionalLevel { id } entries { partnershipSlug levels { name } } }
      translateLevel(fromPartnership: "telford-and-wrekin", level: "Complex", toPartnership: "fictional-shire", asOf: "2026-06-01") { equivalents { level { name } match } }
    }`);
    expect(errors).toBeUndefined();
    const fictional = (row: { entries: { partnershipSlug: string; levels: { name: string }[] }[] }) =>
      row.entries.find((entry) => entry.partnershipSlug === 'fictional-shire')!.levels.map((entry) => entry.name);
    expect(data!.compareThresholds.map(fictional)).toEqual([['Support'], ['Support'], ['Protection'], ['Protection']]);
    expect(data!.translateLevel.equivalents).toEqual([{ level: { name: 'Protection' }, match: 'OVERLAPPING' }]);
    // Exported as written, but for the flow lists, which the exporter writes as block lists.
    const asExported = text.replace(/ \[(level-\d), (level-\d)\]/g, '\n            - $1\n            - $2');
    expect(await exported('fictional-shire')).toBe(`# yaml-language-server: $schema=../schema/partnership-thresholds.schema.json\n\n${asExported}`);
  });
});
