import fs from 'node:fs';
import path from 'node:path';
import { REPOSITORY_PACKS } from '@safeguarding/packs';
import { grant, startTestFederation, type TestFederation } from '@safeguarding/testkit';
import { DesignationEntity, MembershipEntity, OrganisationEntity } from '../entities';

/**
 * The membership sections of the packs through the gateway: export of a freshly seeded database is
 * the files in packs/ byte for byte, applying them again changes nothing, edits are applied
 * atomically (or refused, naming where), and only the pack's administrators may do either.
 */
let federation: TestFederation;
beforeAll(async () => {
  federation = await startTestFederation({ only: ['arrangements', 'membership'] });
});
afterAll(async () => {
  await federation?.stop();
});

const SCOPES = ['regional', 'shropshire', 'telford-and-wrekin', 'solihull'];
const regionalAdmin = [grant('regional-admin')];
const packFile = (scope: string) => fs.readFileSync(path.join(REPOSITORY_PACKS, scope, 'membership.yaml'), 'utf8');
const EXPORT = `query ($scope: String!) { membershipPackSection(scope: $scope) { scope section text } }`;
const APPLY = `mutation ($scope: String!, $text: String!, $dryRun: Boolean!) {
  applyMembershipPackSection(scope: $scope, text: $text, dryRun: $dryRun) { scope section applied changes { entity key change fields } }
}`;

async function exported(scope: string, as = regionalAdmin): Promise<string> {
  const { data, errors } = await federation.query<{ membershipPackSection: { text: string } }>(EXPORT, { as, variables: { scope } });
  expect(errors).toBeUndefined();
  return data!.membershipPackSection.text;
}
const apply = (scope: string, text: string, dryRun = false, as = regionalAdmin) =>
  federation.query<{ applyMembershipPackSection: { applied: boolean; changes: { entity: string; key: string; change: string; fields: string[] }[] } }>(APPLY, {
    as,
    variables: { scope, text, dryRun },
  });
const seats = () => federation.dataSources.membership!.getRepository(MembershipEntity);
const rowCounts = async () => ({
  seats: await seats().count(),
  designations: await federation.dataSources.membership!.getRepository(DesignationEntity).count(),
  organisations: await federation.dataSources.membership!.getRepository(OrganisationEntity).count(),
});
const snapshot = async () => JSON.stringify(await seats().find({ order: { id: 'ASC' } }));

describe('export and re-apply of the seeded packs', () => {
  it.each(SCOPES)('exports %s byte for byte as packs/%s/membership.yaml', async (scope) => {
    expect(await exported(scope)).toBe(packFile(scope));
  });

  it.each(SCOPES)('applies packs/%s/membership.yaml again without changing anything', async (scope) => {
    const { data, errors } = await apply(scope, packFile(scope));
    expect(errors).toBeUndefined();
    expect(data!.applyMembershipPackSection).toMatchObject({ applied: true, changes: [] });
  });
});

describe('editing through a pack', () => {
  const NEW_SEAT = [
    '  - body: solihull.executive',
    '    organization: solihull-mbc',
    '    post: Director of Public Health',
    '    startDate: 2026-04-01',
    '    provenance:',
    '      kind: synthetic',
    '      generator: membership pack test',
  ].join('\n');
  const withSeat = (text: string) => text.replace('memberships:\n', `memberships:\n${NEW_SEAT}\n`);

  it('lists an edit in a dry run and writes nothing, then applies it, readable through the API with an audit entry', async () => {
    const original = await exported('solihull');
    expect(original).toContain('memberships:\n');
    expect(original).not.toContain('Director of Public Health');
    const before = await snapshot();

    const dry = await apply('solihull', withSeat(original), true, [grant('partnership-admin', 'solihull')]);
    expect(dry.errors).toBeUndefined();
    expect(dry.data!.applyMembershipPackSection.applied).toBe(false);
    expect(dry.data!.applyMembershipPackSection.changes).toEqual(
      expect.arrayContaining([
        { entity: 'Post', key: 'solihull-mbc/Director of Public Health', change: 'ADDED', fields: [] },
        expect.objectContaining({
          entity: 'Membership',
          change: 'ADDED',
          key: expect.stringContaining('solihull.executive/solihull-mbc/director of public health'),
        }),
      ]),
    );
    expect(await snapshot()).toBe(before);

    const applied = await apply('solihull', withSeat(original), false, [grant('partnership-admin', 'solihull')]);
    expect(applied.errors).toBeUndefined();
    expect(applied.data!.applyMembershipPackSection.changes.map((change) => `${change.entity} ${change.change}`)).toEqual(['Post ADDED', 'Membership ADDED']);
    const { data } = await federation.query(
      `{ body(id: "solihull.executive") { members(asOf: "2026-06-01") { organisation { id } post { title } source { kind generator } } } }`,
    );
    expect(data!.body.members).toContainEqual({
      organisation: { id: 'solihull-mbc' },
      post: { title: 'Director of Public Health' },
      source: { kind: 'SYNTHETIC', generator: 'membership pack test' },
    });
    const [audit] = await federation.dataSources.membership!.query(
      `SELECT field, partnership_slugs FROM membership.audit_event WHERE field = 'applyMembershipPackSection' AND error_code IS NULL ORDER BY id DESC LIMIT 1`,
    );
    expect(audit).toEqual({ field: 'applyMembershipPackSection', partnership_slugs: ['solihull'] });
    expect(await exported('solihull')).toContain('post: Director of Public Health');

    // Removed again: the seat is ENDED (today), not deleted, and a second apply changes nothing.
    const removed = await apply('solihull', original);
    expect(removed.data!.applyMembershipPackSection.changes).toEqual([
      expect.objectContaining({ entity: 'Membership', change: 'ENDED', key: expect.stringContaining('solihull.executive/solihull-mbc') }),
    ]);
    const ended = await federation.query(`{ body(id: "solihull.executive") { membershipHistory { post { title } endDate } } }`);
    const seat = ended.data!.body.membershipHistory.find((held: { post: { title: string } | null }) => held.post?.title === 'Director of Public Health');
    expect(seat.endDate).not.toBeNull();
    expect((await apply('solihull', original)).data!.applyMembershipPackSection.changes).toEqual([]);
  });

  it('applies two different edits at once: both land, in some order, and the end state is consistent', async () => {
    const original = await exported('telford-and-wrekin');
    // Each edit ends a different seat; each text is a whole section, so the later one's state holds.
    const ending = (organisation: string) => (text: string) =>
      text.replace(new RegExp(`(organization: ${organisation}\n(?: {4}(?!endDate|note).*\n)*?)( {4}provenance:)`), '$1    endDate: 2026-03-31\n$2');
    const [collegeEnded, healthwatchEnded] = [ending('telford-college')(original), ending('healthwatch')(original)];
    expect(collegeEnded).not.toBe(original);
    expect(healthwatchEnded).not.toBe(original);
    const [first, second] = await Promise.all([apply('telford-and-wrekin', collegeEnded), apply('telford-and-wrekin', healthwatchEnded)]);
    expect(first.errors).toBeUndefined();
    expect(second.errors).toBeUndefined();
    const now = await exported('telford-and-wrekin');
    // Whichever applied last holds; the export is exactly one of the two texts.
    expect([collegeEnded, healthwatchEnded]).toContain(now);
    expect((await apply('telford-and-wrekin', original)).errors).toBeUndefined();
  });
});

describe('bodies arrangements holds', () => {
  it('seats a body an arrangements edit created a moment ago (read through its published view)', async () => {
    const as = [grant('partnership-admin', 'telford-and-wrekin')];
    const created = await federation.query(`mutation ($input: CreateBodyInput!) { createBody(input: $input) { id } }`, {
      as,
      variables: {
        input: {
          partnershipSlug: 'telford-and-wrekin',
          slug: 'pack-onboarded-group',
          name: 'Pack onboarded group',
          kind: 'STANDING_GROUP',
          purpose: 'A body membership first hears of through a pack.',
          validFrom: '2026-01-01',
        },
      },
    });
    expect(created.errors).toBeUndefined();
    const original = await exported('telford-and-wrekin');
    const seat = [
      '  - body: telford-and-wrekin.pack-onboarded-group',
      '    organization: west-mercia-police',
      '    provenance:',
      '      kind: synthetic',
      '      generator: membership pack test',
      '',
    ].join('\n');
    const { data, errors } = await apply('telford-and-wrekin', original.replace('memberships:\n', `memberships:\n${seat}`), false, as);
    expect(errors).toBeUndefined();
    expect(data!.applyMembershipPackSection.changes).toEqual([
      { entity: 'Membership', key: expect.stringContaining('telford-and-wrekin.pack-onboarded-group/west-mercia-police'), change: 'ADDED', fields: [] },
    ]);
    const members = await federation.query(`{ body(id: "telford-and-wrekin.pack-onboarded-group") { members { organisation { id } } } }`);
    expect(members.data!.body.members).toEqual([{ organisation: { id: 'west-mercia-police' } }]);
  });
});

describe('refusals: nothing written', () => {
  const shropshire = () => packFile('shropshire');
  it.each([
    ['a YAML syntax error', (text: string) => text.replace('memberships:\n', 'memberships:\n  - body: [unclosed\n'), /./],
    ['a wrong type', (text: string) => text.replace(/startDate: 2024-10-01/, 'startDate: [2024]'), /startDate/],
    ['an unknown field', (text: string) => text.replace(/(\n {4}organization: shropshire-council\n)/, '$1    seatNumber: 3\n'), /seatNumber/],
  ])('refuses %s with BAD_USER_INPUT naming line and column', async (_case, edit, field) => {
    const before = await rowCounts();
    const { errors } = await apply('shropshire', edit(shropshire()));
    expect(errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    const problems = errors![0]!.extensions!.problems as { line: number; column: number; field: string; message: string }[];
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]!.line).toBeGreaterThan(0);
    expect(problems[0]!.column).toBeGreaterThan(0);
    expect(`${problems[0]!.field} ${problems[0]!.message}`).toMatch(field);
    expect(await rowCounts()).toEqual(before);
  });

  it.each([
    ['an unknown body', (text: string) => text.replace('- body: shropshire.dsp-executive\n', '- body: shropshire.no-such-group\n'), /no-such-group/],
    [
      'another partnership’s body',
      (text: string) => text.replace('- body: shropshire.dsp-executive\n', '- body: telford-and-wrekin.executive\n'),
      /own bodies/,
    ],
    ['an unknown organisation', (text: string) => text.replace(/organization: general-practice\n/, 'organization: nobody-at-all\n'), /nobody-at-all/],
    ['dates out of order', (text: string) => text.replace('endDate: 2026-03-31', 'endDate: 2024-01-31'), /before startDate/],
    [
      'a chair that breaks the chair rule',
      (text: string) =>
        text.replace(
          /organization: shropshire-council\n {4}post: Executive Director of People\n {4}role: CHAIR/,
          'organization: general-practice\n    post: GP Safeguarding Lead\n    role: CHAIR',
        ),
      /chair rule/,
    ],
  ])('refuses %s with BAD_USER_INPUT naming the field', async (_case, edit, message) => {
    const text = edit(shropshire());
    expect(text).not.toBe(shropshire());
    const before = await snapshot();
    const { errors } = await apply('shropshire', text);
    expect(errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(errors![0]!.message).toMatch(message);
    expect(errors![0]!.extensions!.field).toMatch(/^memberships\[\d+\]/);
    expect(await snapshot()).toBe(before);
  });
});

describe('the registry through the regional section', () => {
  it('refuses a name another organisation has (names are unique, ignoring case), naming the field', async () => {
    const text = packFile('regional').replace('name: Telford College\n', 'name: WEST MERCIA POLICE\n');
    expect(text).not.toBe(packFile('regional'));
    const before = await rowCounts();
    const { errors } = await apply('regional', text);
    expect(errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: expect.stringMatching(/^organizations\[\d+\]\.name$/) });
    expect(errors![0]!.message).toMatch(/west-mercia-police/);
    expect(await rowCounts()).toEqual(before);
  });

  it('takes over an organisation registered through the API when the pack names its id, and leaves out the others', async () => {
    const registered = await federation.query(
      `mutation { registerOrganisation(input: { id: "pack-test-agency", name: "Pack test agency", sector: HOUSING }) { id } }`,
      {
        as: regionalAdmin,
      },
    );
    expect(registered.errors).toBeUndefined();
    expect(await exported('regional')).toBe(packFile('regional'));
    const entry = [
      '  - id: pack-test-agency',
      '    name: Pack test agency',
      '    classification: HOUSING',
      '    provenance:',
      '      kind: synthetic',
      '      generator: membership pack test',
      '',
    ].join('\n');
    const { data, errors } = await apply('regional', packFile('regional').replace('organizations:\n', `organizations:\n${entry}`));
    expect(errors).toBeUndefined();
    expect(data!.applyMembershipPackSection.changes).toEqual([{ entity: 'Organisation', key: 'pack-test-agency', change: 'CHANGED', fields: ['source'] }]);
    expect(await exported('regional')).toContain('  - id: pack-test-agency\n');
  });
});

describe('who may export and apply', () => {
  it.each([
    ['the anonymous public', undefined, 'shropshire', 'UNAUTHENTICATED'],
    ['an analyst', [grant('analyst')], 'shropshire', 'FORBIDDEN'],
    ['a member', [grant('member', 'shropshire')], 'shropshire', 'FORBIDDEN'],
    ['another partnership’s admin', [grant('partnership-admin', 'solihull')], 'shropshire', 'FORBIDDEN'],
    ['a partnership admin, for the regional pack', [grant('partnership-admin', 'shropshire')], 'regional', 'FORBIDDEN'],
  ])('refuses %s', async (_who, as, scope, code) => {
    const before = await rowCounts();
    const read = await federation.query(EXPORT, { as, variables: { scope } });
    expect(read.errors![0]!.extensions!.code).toBe(code);
    // Not apply(): its default caller is a regional-admin, and here the caller may be anonymous.
    const written = await federation.query(APPLY, { as, variables: { scope, text: packFile(scope), dryRun: false } });
    expect(written.errors![0]!.extensions!.code).toBe(code);
    expect(await rowCounts()).toEqual(before);
  });

  it('lets a partnership admin export and apply their own section', async () => {
    const as = [grant('partnership-admin', 'shropshire')];
    expect(await exported('shropshire', as)).toBe(packFile('shropshire'));
    expect((await apply('shropshire', packFile('shropshire'), true, as)).data!.applyMembershipPackSection.changes).toEqual([]);
  });
});

describe('provenance through the API', () => {
  it('shows a named chair as STATED with its quote, and its term as INFERRED with what it rests on', async () => {
    const { data, errors } = await federation.query(`{
      body(id: "shropshire.safeguarding-children-partnership") {
        chair(asOf: "2025-06-01") { startDate endDate source { kind document quote } termSource { kind inferredFrom { kind quote } reasoning } }
      }
    }`);
    expect(errors).toBeUndefined();
    const chair = data!.body.chair;
    expect(chair).toMatchObject({ startDate: '2024-10-01', endDate: '2026-03-31' });
    expect(chair.source).toEqual({
      kind: 'STATED',
      document: '001_129f8b945aaf429a.txt',
      quote: 'the current chair is Tanya Miles, Executive Director of People, Shropshire Council',
    });
    expect(chair.termSource.kind).toBe('INFERRED');
    expect(chair.termSource.inferredFrom.map((cited: { quote: string }) => cited.quote)).toContain(
      'The meeting will be chaired by a DSP Lead on an 18-month rotational basis',
    );
    expect(chair.termSource.reasoning).toMatch(/18-month/);
  });

  it('shows an organisation named in a document as STATED', async () => {
    const { data } = await federation.query(`{ organisation(id: "west-mercia-police") { source { kind document quote } } }`);
    expect(data!.organisation.source.kind).toBe('STATED');
    expect(data!.organisation.source.quote).toMatch(/West Mercia Police/);
  });
});
