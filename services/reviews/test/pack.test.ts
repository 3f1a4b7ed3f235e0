import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '@safeguarding/config';
import { composeSupergraph, createGateway, type RunningGateway } from '@safeguarding/gateway';
import { formatProblem, packFolders, REPOSITORY_PACKS, validatePack } from '@safeguarding/packs';
import { grant, postGraphQL, type QueryOptions, startTestFederation, type TestFederation } from '@safeguarding/testkit';
import { ReviewClockEntity } from '../entities';
import { readReviewsPacks } from '../seed/load';

/**
 * The reviews sections of the packs through a gateway: export gives the repository's files byte
 * for byte, applying them again changes nothing, edits are previewed, applied, audited and ended,
 * bad text and the wrong callers are refused with nothing written.
 *
 * The gateway here is composed from the subgraphs' schema/ folders as they are in this checkout
 * (gateway/supergraph.graphql is regenerated at merge, and until then lacks these two fields).
 */
let federation: TestFederation;
let gateway: RunningGateway;
let gatewayUrl: string;
beforeAll(async () => {
  federation = await startTestFederation({ only: ['arrangements', 'reviews'] });
  const config = loadConfig({ ...process.env, NODE_ENV: 'test' });
  gateway = await createGateway({
    subgraphUrls: federation.subgraphUrls,
    supergraphSdl: composeSupergraph(),
    userTokenSecret: config.secrets.userToken,
    gatewaySecret: config.secrets.gateway,
    developmentTools: true,
  });
  gatewayUrl = await gateway.listen(0);
});
afterAll(async () => {
  await gateway?.stop();
  await federation?.stop();
});

const query = (text: string, options?: QueryOptions) => postGraphQL<Record<string, any>>(gatewayUrl, text, options);

const regionalAdmin = [grant('regional-admin')];
const admin = (slug: string) => [grant('partnership-admin', slug)];
const SCOPES = ['regional', 'shropshire', 'telford-and-wrekin', 'solihull'];
const packText = (scope: string) => fs.readFileSync(path.join(REPOSITORY_PACKS, scope, 'reviews.yaml'), 'utf8');

const EXPORT = `query ($scope: String!) { reviewsPackSection(scope: $scope) { scope section text } }`;
const APPLY = `mutation ($scope: String!, $text: String!, $dryRun: Boolean!) {
  applyReviewsPackSection(scope: $scope, text: $text, dryRun: $dryRun) { scope section applied changes { entity key change fields } }
}`;
const exported = async (scope: string) => {
  const { data, errors } = await query(EXPORT, { as: regionalAdmin, variables: { scope } });
  expect(errors).toBeUndefined();
  return data!.reviewsPackSection.text as string;
};
const apply = (scope: string, text: string, dryRun = false, as = scope === 'regional' ? regionalAdmin : admin(scope)) =>
  query(APPLY, { as, variables: { scope, text, dryRun } });
const clockRows = () => federation.dataSources.reviews!.getRepository(ReviewClockEntity).find({ order: { id: 'ASC' } });

/** The text with one clock's length changed: the block of that kind and milestone, and only it. */
function withLength(text: string, reviewKind: string, milestone: string, from: number, to: number): string {
  const block = `  - reviewKind: ${reviewKind}\n    milestone: ${milestone}\n    length: ${from}\n`;
  expect(text).toContain(block);
  return text.replace(block, `  - reviewKind: ${reviewKind}\n    milestone: ${milestone}\n    length: ${to}\n`);
}

describe('the files in packs/', () => {
  it('read against their schema, and every quote is in the source it cites', () => {
    const problems = packFolders(REPOSITORY_PACKS).flatMap((folder) =>
      validatePack(folder, { platformPacks: packFolders(REPOSITORY_PACKS) })
        .problems.filter((problem) => problem.file === 'reviews.yaml')
        .map((problem) => `${path.basename(folder)}/${formatProblem(problem)}`),
    );
    expect(problems).toEqual([]);
    for (const scope of SCOPES)
      expect(packText(scope).split('\n')[0]).toMatch(/^# yaml-language-server: \$schema=\.\.\/schema\/(partnership|regional)-reviews\.schema\.json$/);
  });

  it('are checked for kinds of review no pack defines, at the line of the clock that names one', () => {
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'reviews-pack-'));
    try {
      fs.writeFileSync(path.join(directory, 'pack.yaml'), 'scope: shropshire\n');
      fs.writeFileSync(path.join(directory, 'reviews.yaml'), packText('shropshire').replace('reviewKind: rapid-review\n', 'reviewKind: rapid-reveiw\n'));
      const problems = validatePack(directory, { platformPacks: packFolders(REPOSITORY_PACKS) }).problems.map(formatProblem);
      expect(problems).toEqual([
        expect.stringMatching(/^reviews\.yaml:4:17 clocks\[0\]\.reviewKind: no review-kind "rapid-reveiw" in this pack or the platform/),
      ]);
    } finally {
      fs.rmSync(directory, { recursive: true, force: true });
    }
  });
});

describe('the seed', () => {
  it('does not start on a pack whose reviews section does not read, and says where', () => {
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'reviews-pack-'));
    try {
      fs.mkdirSync(path.join(directory, 'regional'));
      fs.writeFileSync(path.join(directory, 'regional', 'pack.yaml'), 'scope: regional\n');
      fs.writeFileSync(
        path.join(directory, 'regional', 'reviews.yaml'),
        packText('regional').replace('    name: Rapid Review\n', '    name: Rapid Review\n    statutory: true\n'),
      );
      expect(() => readReviewsPacks(directory)).toThrow('regional/reviews.yaml:6:5 reviewKinds[0].statutory: "statutory" is not a field here');
    } finally {
      fs.rmSync(directory, { recursive: true, force: true });
    }
  });
});

describe('export', () => {
  it.each(SCOPES)('gives the %s section byte for byte as packs/ holds it', async (scope) => {
    expect(await exported(scope)).toBe(packText(scope));
  });

  it("gives a partnership-admin their own partnership's section", async () => {
    const { data, errors } = await query(EXPORT, { as: admin('solihull'), variables: { scope: 'solihull' } });
    expect(errors).toBeUndefined();
    expect(data!.reviewsPackSection).toEqual({ scope: 'solihull', section: 'reviews', text: packText('solihull') });
  });
});

describe('applying', () => {
  it.each(SCOPES)('the %s section as packs/ holds it changes nothing (idempotent)', async (scope) => {
    const before = await clockRows();
    const { data, errors } = await apply(scope, packText(scope));
    expect(errors).toBeUndefined();
    expect(data!.applyReviewsPackSection).toEqual({ scope, section: 'reviews', applied: true, changes: [] });
    expect(await clockRows()).toEqual(before);
  });

  it('previews an edit in a dry run and writes nothing; applied, it is read back and audited', async () => {
    const edited = withLength(packText('shropshire'), 'rapid-review', 'REVIEW_COMPLETION', 15, 20);
    const before = await clockRows();
    const dry = await apply('shropshire', edited, true);
    expect(dry.errors).toBeUndefined();
    expect(dry.data!.applyReviewsPackSection).toEqual({
      scope: 'shropshire',
      section: 'reviews',
      applied: false,
      changes: [{ entity: 'ReviewClock', key: 'shropshire/rapid-review/REVIEW_COMPLETION', change: 'CHANGED', fields: ['length'] }],
    });
    expect(await clockRows()).toEqual(before);

    const applied = await apply('shropshire', edited);
    expect(applied.data!.applyReviewsPackSection.changes).toEqual(dry.data!.applyReviewsPackSection.changes);
    const { data } = await query(
      `{ partnership(slug: "shropshire") { reviewClocks { reviewKind { id } milestone length description }
         reviewsAuditTrail { field partnershipSlugs } } }`,
      { as: admin('shropshire') },
    );
    expect(data!.partnership.reviewClocks).toContainEqual({
      reviewKind: { id: 'rapid-review' },
      milestone: 'REVIEW_COMPLETION',
      length: 20,
      description: '20 working days from notification',
    });
    expect(data!.partnership.reviewsAuditTrail[0]).toEqual({ field: 'applyReviewsPackSection', partnershipSlugs: ['shropshire'] });
    expect(await exported('shropshire')).toBe(edited);

    // Back as the pack has it.
    expect((await apply('shropshire', packText('shropshire'))).data!.applyReviewsPackSection.changes).toHaveLength(1);
    expect(await exported('shropshire')).toBe(packText('shropshire'));
  });

  it('ends a clock the text no longer has, and adds it back', async () => {
    const text = packText('solihull');
    const start = text.indexOf('  - reviewKind: serious-incident-review\n    milestone: LEARNING_BRIEFING_PUBLICATION');
    expect(start).toBeGreaterThan(0);
    const without = text.slice(0, start);
    const ended = await apply('solihull', without);
    expect(ended.errors).toBeUndefined();
    expect(ended.data!.applyReviewsPackSection.changes).toEqual([
      { entity: 'ReviewClock', key: 'solihull/serious-incident-review/LEARNING_BRIEFING_PUBLICATION', change: 'ENDED', fields: [] },
    ]);
    const { data } = await query(`{ partnership(slug: "solihull") { reviewClocks { reviewKind { id } milestone } } }`);
    expect(data!.partnership.reviewClocks).not.toContainEqual({ reviewKind: { id: 'serious-incident-review' }, milestone: 'LEARNING_BRIEFING_PUBLICATION' });

    const added = await apply('solihull', text);
    expect(added.data!.applyReviewsPackSection.changes).toEqual([
      { entity: 'ReviewClock', key: 'solihull/serious-incident-review/LEARNING_BRIEFING_PUBLICATION', change: 'ADDED', fields: [] },
    ]);
    expect(await exported('solihull')).toBe(text);
  });

  it('gives every partnership a regional default clock, with its provenance, until its own replaces it', async () => {
    const defaults = `defaultClocks:
  - reviewKind: multi-agency-case-file-audit
    milestone: REVIEW_COMPLETION
    length: 3
    unit: MONTHS
    provenance:
      kind: synthetic
      generator: the reviews pack test
`;
    const text = `${packText('regional')}${defaults}`;
    const applied = await apply('regional', text);
    expect(applied.errors).toBeUndefined();
    expect(applied.data!.applyReviewsPackSection.changes).toEqual([
      { entity: 'ReviewClock', key: 'default/multi-agency-case-file-audit/REVIEW_COMPLETION', change: 'ADDED', fields: [] },
    ]);
    const { data } = await query(`{
      reviewKinds { id defaultClocks { length source { kind generator } } }
      partnership(slug: "telford-and-wrekin") { reviewClocks { reviewKind { id } length partnership { id } } }
    }`);
    expect(data!.reviewKinds.find((kind: { id: string }) => kind.id === 'multi-agency-case-file-audit').defaultClocks).toEqual([
      { length: 3, source: { kind: 'SYNTHETIC', generator: 'the reviews pack test' } },
    ]);
    expect(data!.partnership.reviewClocks).toContainEqual({ reviewKind: { id: 'multi-agency-case-file-audit' }, length: 3, partnership: null });
    expect(await exported('regional')).toBe(text);

    const removed = await apply('regional', packText('regional'));
    expect(removed.data!.applyReviewsPackSection.changes).toEqual([
      { entity: 'ReviewClock', key: 'default/multi-agency-case-file-audit/REVIEW_COMPLETION', change: 'ENDED', fields: [] },
    ]);
  });

  it('lets two applies of different edits meet: both land, one after the other, and the end state is one whole text', async () => {
    const text = packText('telford-and-wrekin');
    const first = withLength(text, 'rapid-review', 'REVIEW_COMPLETION', 15, 16);
    const second = withLength(text, 'local-child-safeguarding-practice-review', 'REVIEW_COMPLETION', 6, 7);
    const results = await Promise.all([apply('telford-and-wrekin', first), apply('telford-and-wrekin', second)]);
    for (const result of results) expect(result.errors).toBeUndefined();
    const end = await exported('telford-and-wrekin');
    expect([first, second]).toContain(end);
    // The one applied last also undid the other's edit: three changes in all, never a mixture.
    expect(results.flatMap((result) => result.data!.applyReviewsPackSection.changes)).toHaveLength(3);
    await apply('telford-and-wrekin', text);
    expect(await exported('telford-and-wrekin')).toBe(text);
  });
});

describe('refusals, with nothing written', () => {
  const problemsOf = (result: Awaited<ReturnType<typeof apply>>) => {
    expect(result.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    return result.errors![0]!.extensions!.problems as { line: number; column: number; field: string; message: string }[];
  };

  it.each([
    ['a YAML syntax error', (text: string) => text.replace('length: 15\n', 'length: 15: 16\n'), { line: 6, column: 13 }],
    ['a value of the wrong type', (text: string) => text.replace('length: 15\n', 'length: fifteen\n'), { line: 6, column: 13, field: 'clocks[0].length' }],
    [
      'an unknown field',
      (text: string) => text.replace('    unit: WORKING_DAYS\n', '    unit: WORKING_DAYS\n    colour: red\n'),
      { field: 'clocks[0].colour', line: 8, column: 5 },
    ],
    [
      'an unknown kind of review',
      (text: string) => text.replace('reviewKind: rapid-review\n', 'reviewKind: rapid-reveiw\n'),
      { field: 'clocks[0].reviewKind', line: 4 },
    ],
    [
      'a clock longer than the mutations allow',
      (text: string) => text.replace('length: 6\n    unit: MONTHS', 'length: 40\n    unit: MONTHS'),
      { field: 'clocks[3].length' },
    ],
  ])('refuses %s, naming line, column and field', async (_case, edit, expected) => {
    const before = await clockRows();
    const text = edit(packText('shropshire'));
    expect(text).not.toBe(packText('shropshire'));
    const problems = problemsOf(await apply('shropshire', text));
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]).toMatchObject(expected);
    expect(problems[0]!.column).toBeGreaterThan(0);
    expect(await clockRows()).toEqual(before);
  });

  it('refuses to drop a kind of review that reviews were recorded under', async () => {
    const text = packText('regional');
    const start = text.indexOf('  - id: section-11-audit');
    const result = await apply('regional', text.slice(0, start));
    expect(problemsOf(result)[0]).toMatchObject({ field: 'reviewKinds', line: 4 });
    expect(result.errors![0]!.message).toContain('section-11-audit');
    expect(await exported('regional')).toBe(text);
  });

  const callers: [string, QueryOptions['as'], string, string][] = [
    ['the anonymous public', undefined, 'shropshire', 'UNAUTHENTICATED'],
    ['an analyst', [grant('analyst')], 'shropshire', 'FORBIDDEN'],
    ['a member of the partnership', [grant('member', 'shropshire')], 'shropshire', 'FORBIDDEN'],
    ["another partnership's admin", admin('solihull'), 'shropshire', 'FORBIDDEN'],
    ['a partnership-admin, for the regional section', admin('shropshire'), 'regional', 'FORBIDDEN'],
  ];
  it.each(callers)('refuses %s to apply or export', async (_who, as, scope, code) => {
    const before = await clockRows();
    const applied = await query(APPLY, { as, variables: { scope, text: packText(scope), dryRun: false } });
    expect(applied.errors![0]!.extensions!.code).toBe(code);
    const read = await query(EXPORT, { as, variables: { scope } });
    expect(read.errors![0]!.extensions!.code).toBe(code);
    expect(await clockRows()).toEqual(before);
  });
});
