import { grant, startTestFederation, type TestFederation } from '@safeguarding/testkit';
import { RegionalProcedureAdoptionChapterEntity, RegionalProcedureAdoptionEntity, RegionalProcedureChapterEntity } from '../entities';

/**
 * Regional procedure chapters with versions (regional-admin) and each partnership's adoption
 * (partnership-admin), through the gateway. The rule: an adoption keeps the version it adopted until
 * it adopts a newer one (rules/procedure-adoption.ts; case by case in rules-plans-procedures.test.ts).
 */
let federation: TestFederation;
beforeAll(async () => {
  federation = await startTestFederation({ only: ['arrangements', 'membership'] });
});
afterAll(async () => {
  await federation?.stop();
});

const CHILD_PROTECTION = 'west-midlands-regional-child-protection-procedures';
const regional = [grant('regional-admin')];
const telfordAdmin = [grant('partnership-admin', 'telford-and-wrekin')];
const shropshireAdmin = [grant('partnership-admin', 'shropshire')];

interface Chapter {
  id: string;
  number: string;
  version: string;
  effectiveFrom: string;
  versions: { id: string; version: string }[];
}

const CHAPTERS = `{ regionalProcedures { id viewerCanEdit viewerCanAdopt chapters { id number version effectiveFrom isLatest versions { id version } } } }`;
async function chaptersNow(as?: ReturnType<typeof grant>[]): Promise<Chapter[]> {
  const { data, errors } = await federation.query(CHAPTERS, { as });
  expect(errors).toBeUndefined();
  return data!.regionalProcedures.find((procedure: { id: string }) => procedure.id === CHILD_PROTECTION).chapters;
}

const ADD_CHAPTER = `mutation ($procedureId: ID!, $input: AddRegionalProcedureChapterInput!) {
  addRegionalProcedureChapter(procedureId: $procedureId, input: $input) { id number title version effectiveFrom changeSummary isLatest source { document synthetic } }
}`;
const PUBLISH = `mutation ($chapterId: ID!, $input: PublishChapterVersionInput!) {
  publishRegionalProcedureChapterVersion(chapterId: $chapterId, input: $input) { id number title version effectiveFrom changeSummary isLatest versions { version } }
}`;
const ADOPTION_FIELDS = `id version how localVariation adoptedOn viewerCanEdit partnership { slug } adoptedChapters { number upToDate adopted { id version } latest { id version } }`;
const ADOPT = `mutation ($procedureId: ID!, $slug: String!, $input: AdoptRegionalProcedureInput!) {
  adoptRegionalProcedure(procedureId: $procedureId, partnershipSlug: $slug, input: $input) { ${ADOPTION_FIELDS} }
}`;
const UPDATE_ADOPTION = `mutation ($id: ID!, $expectedVersion: Int!, $input: UpdateRegionalProcedureAdoptionInput!) {
  updateRegionalProcedureAdoption(id: $id, expectedVersion: $expectedVersion, input: $input) { ${ADOPTION_FIELDS} }
}`;

const repository = <T extends object>(entity: new () => T) => federation.dataSources.arrangements!.getRepository(entity);
const counts = async () => ({
  chapters: await repository(RegionalProcedureChapterEntity).count(),
  adoptions: await repository(RegionalProcedureAdoptionEntity).count(),
  adopted: await repository(RegionalProcedureAdoptionChapterEntity).count(),
});
const codeOf = (result: { errors?: readonly { extensions?: Record<string, unknown> }[] }) => result.errors?.[0]?.extensions?.code;

describe('who may edit regional procedures', () => {
  it('tells clients in advance: viewerCanEdit for a regional-admin, viewerCanAdopt for a partnership-admin', async () => {
    const ask = async (as?: ReturnType<typeof grant>[]) =>
      (await federation.query(`{ regionalProcedures { id viewerCanEdit viewerCanAdopt } }`, { as })).data!.regionalProcedures[0];
    expect(await ask(regional)).toMatchObject({ viewerCanEdit: true, viewerCanAdopt: false });
    expect(await ask(telfordAdmin)).toMatchObject({ viewerCanEdit: false, viewerCanAdopt: true });
    expect(await ask()).toMatchObject({ viewerCanEdit: false, viewerCanAdopt: false });
  });

  it.each([
    ['a partnership-admin', 'FORBIDDEN', telfordAdmin],
    ['the forum secretariat', 'FORBIDDEN', [grant('forum-secretariat')]],
    ['an analyst', 'FORBIDDEN', [grant('analyst')]],
    ['the anonymous public', 'UNAUTHENTICATED', undefined],
  ])('refuses chapter edits by %s with %s and writes nothing', async (_who, code, as) => {
    const before = await counts();
    const [chapter] = await chaptersNow();
    const added = await federation.query(ADD_CHAPTER, {
      as,
      variables: { procedureId: CHILD_PROTECTION, input: { number: '9.9', title: 'Hijack', version: '1', effectiveFrom: '2026-01-01' } },
    });
    const published = await federation.query(PUBLISH, {
      as,
      variables: { chapterId: chapter!.id, input: { version: '99', effectiveFrom: '2026-11-01', changeSummary: 'Hijack' } },
    });
    expect([codeOf(added), codeOf(published)]).toEqual([code, code]);
    expect(await counts()).toEqual(before);
  });

  it.each([
    ["another partnership's admin", 'FORBIDDEN', [grant('partnership-admin', 'solihull')]],
    ['a member of the partnership', 'FORBIDDEN', [grant('member', 'telford-and-wrekin')]],
    ['a regional-admin (adoption is the partnership’s own decision)', 'FORBIDDEN', regional],
  ])("refuses Telford & Wrekin's adoption by %s with %s", async (_who, code, as) => {
    const before = await counts();
    const result = await federation.query(ADOPT, { as, variables: { procedureId: CHILD_PROTECTION, slug: 'telford-and-wrekin', input: { how: 'Hijack' } } });
    expect(codeOf(result)).toBe(code);
    expect(await counts()).toEqual(before);
  });
});

describe('chapters and their versions', () => {
  it('adds a chapter as its first version; the procedure lists it with the seeded chapters', async () => {
    const before = await chaptersNow();
    const { data, errors } = await federation.query(ADD_CHAPTER, {
      as: regional,
      variables: {
        procedureId: CHILD_PROTECTION,
        input: { number: '5.2', title: '  Safeguarding children at risk of radicalisation ', version: '1', effectiveFrom: '2026-10-01' },
      },
    });
    expect(errors).toBeUndefined();
    expect(data!.addRegionalProcedureChapter).toMatchObject({
      number: '5.2',
      title: 'Safeguarding children at risk of radicalisation',
      version: '1',
      effectiveFrom: '2026-10-01',
      changeSummary: null,
      isLatest: true,
      source: { document: 'recorded through the API', synthetic: false },
    });
    const after = await chaptersNow();
    expect(after.map((chapter) => chapter.number)).toEqual(
      [...before.map((chapter) => chapter.number), '5.2'].sort((a, b) => a.localeCompare(b, 'en', { numeric: true })),
    );
  });

  it.each([
    ['a number that is not digits and dots', { number: '5.x', title: 'T', version: '1', effectiveFrom: '2026-10-01' }, 'input.number'],
    ['an empty title', { number: '5.3', title: '   ', version: '1', effectiveFrom: '2026-10-01' }, 'input.title'],
    ['a version label with spaces', { number: '5.3', title: 'T', version: 'v 1', effectiveFrom: '2026-10-01' }, 'input.version'],
    ['an over-long title', { number: '5.3', title: 't'.repeat(201), version: '1', effectiveFrom: '2026-10-01' }, 'input.title'],
  ])('refuses %s with BAD_USER_INPUT naming the field', async (_case, input, field) => {
    const before = await counts();
    const result = await federation.query(ADD_CHAPTER, { as: regional, variables: { procedureId: CHILD_PROTECTION, input } });
    expect(codeOf(result)).toBe('BAD_USER_INPUT');
    expect(result.errors![0]!.extensions!.field).toBe(field);
    expect(await counts()).toEqual(before);
  });

  it('refuses a chapter number the procedure already has with CONFLICT', async () => {
    const before = await counts();
    const result = await federation.query(ADD_CHAPTER, {
      as: regional,
      variables: { procedureId: CHILD_PROTECTION, input: { number: '1.1', title: 'Again', version: '1', effectiveFrom: '2026-10-01' } },
    });
    expect(codeOf(result)).toBe('CONFLICT');
    expect(await counts()).toEqual(before);
  });

  it('answers NOT_FOUND for an unknown procedure', async () => {
    const result = await federation.query(ADD_CHAPTER, {
      as: regional,
      variables: { procedureId: 'west-midlands-nothing', input: { number: '1.1', title: 'T', version: '1', effectiveFrom: '2026-10-01' } },
    });
    expect(codeOf(result)).toBe('NOT_FOUND');
  });

  it('refuses a version label already used, or a date not after the latest version, naming the field', async () => {
    const chapter = (await chaptersNow()).find((candidate) => candidate.number === '1.2')!;
    // Seeded: 1.2 version 1 (2023-04-01) and version 2 (2025-09-01).
    expect(chapter).toMatchObject({ version: '2', effectiveFrom: '2025-09-01' });
    const before = await counts();
    const reused = await federation.query(PUBLISH, {
      as: regional,
      variables: { chapterId: chapter.id, input: { version: '1', effectiveFrom: '2026-01-01', changeSummary: 'x' } },
    });
    expect(reused.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.version' });
    const early = await federation.query(PUBLISH, {
      as: regional,
      variables: { chapterId: chapter.id, input: { version: '3', effectiveFrom: '2025-09-01', changeSummary: 'x' } },
    });
    expect(early.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.effectiveFrom' });
    expect(early.errors![0]!.message).toMatch(/after version 2 took effect \(2025-09-01\)/);
    expect(await counts()).toEqual(before);
  });

  it('refuses to publish from a version that is no longer the latest with CONFLICT', async () => {
    const chapters = await chaptersNow();
    const latest = chapters.find((candidate) => candidate.number === '1.2')!;
    const first = latest.versions.find((version) => version.version === '1')!;
    const before = await counts();
    const result = await federation.query(PUBLISH, {
      as: regional,
      variables: { chapterId: first.id, input: { version: '3', effectiveFrom: '2026-09-01', changeSummary: 'x' } },
    });
    expect(codeOf(result)).toBe('CONFLICT');
    expect(await counts()).toEqual(before);
  });
});

describe("a partnership's adoption keeps the version it adopted until it adopts a newer one", () => {
  let adoption: { id: string; version: number };

  it("records Telford & Wrekin's adoption with the chapter versions in force today (the procedure's current chapters)", async () => {
    const current = await chaptersNow();
    const { data, errors } = await federation.query(ADOPT, {
      as: telfordAdmin,
      variables: {
        procedureId: CHILD_PROTECTION,
        slug: 'telford-and-wrekin',
        input: { how: 'Telford & Wrekin uses the regional procedures for child protection.', localVariation: 'Strategy discussions within 1 working day.' },
      },
    });
    expect(errors).toBeUndefined();
    const adopted = data!.adoptRegionalProcedure;
    adoption = adopted;
    expect(adopted).toMatchObject({
      version: 1,
      partnership: { slug: 'telford-and-wrekin' },
      localVariation: 'Strategy discussions within 1 working day.',
      viewerCanEdit: true,
    });
    // The seeded chapters are all in force by now; 5.2 (added above) took effect on 2026-10-01.
    expect(
      adopted.adoptedChapters.map((chapter: { number: string; adopted: { version: string }; upToDate: boolean }) => [
        chapter.number,
        chapter.adopted.version,
        chapter.upToDate,
      ]),
    ).toEqual(current.map((chapter) => [chapter.number, chapter.version, true]));
    expect(adopted.adoptedChapters.find((chapter: { number: string }) => chapter.number === '1.2').adopted.version).toBe('2');
  });

  it('refuses a second adoption of the same procedure with CONFLICT', async () => {
    const before = await counts();
    const result = await federation.query(ADOPT, {
      as: shropshireAdmin,
      variables: { procedureId: CHILD_PROTECTION, slug: 'shropshire', input: { how: 'Again' } },
    });
    expect(codeOf(result)).toBe('CONFLICT');
    expect(await counts()).toEqual(before);
  });

  it('does not move the adoption when a new chapter version is published', async () => {
    const chapter11 = (await chaptersNow()).find((chapter) => chapter.number === '1.1')!;
    const { data, errors } = await federation.query(PUBLISH, {
      as: regional,
      variables: { chapterId: chapter11.id, input: { version: '2', effectiveFrom: '2026-11-01', changeSummary: 'Adds the indicators of neglect in infants.' } },
    });
    expect(errors).toBeUndefined();
    expect(data!.publishRegionalProcedureChapterVersion).toMatchObject({
      number: '1.1',
      version: '2',
      title: 'Recognising abuse and neglect',
      isLatest: true,
      versions: [{ version: '1' }, { version: '2' }],
    });
    const { data: read } = await federation.query(`{ partnership(slug: "telford-and-wrekin") { regionalProcedureAdoptions { ${ADOPTION_FIELDS} } } }`);
    const telford = read!.partnership.regionalProcedureAdoptions.find((candidate: { id: string }) => candidate.id === adoption.id);
    expect(telford.adoptedChapters.find((chapter: { number: string }) => chapter.number === '1.1')).toEqual({
      number: '1.1',
      upToDate: false,
      adopted: { id: chapter11.id, version: '1' },
      latest: { id: data!.publishRegionalProcedureChapterVersion.id, version: '2' },
    });
    // The earlier version is kept: the chapter lists both.
    expect((await chaptersNow()).find((chapter) => chapter.number === '1.1')).toMatchObject({ version: '2', isLatest: true });
  });

  it('refuses an older version than the one followed, quoting the rule, and changes nothing', async () => {
    const chapter12 = (await chaptersNow()).find((chapter) => chapter.number === '1.2')!;
    const before = await counts();
    const result = await federation.query(UPDATE_ADOPTION, {
      as: telfordAdmin,
      variables: { id: adoption.id, expectedVersion: adoption.version, input: { adoptChapterIds: [chapter12.versions[0]!.id] } },
    });
    expect(result.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.adoptChapterIds' });
    expect(result.errors![0]!.message).toMatch(/keeps its version until it adopts a newer one/);
    expect(await counts()).toEqual(before);
  });

  it('refuses a version that has not taken effect yet', async () => {
    const chapter41 = (await chaptersNow()).find((chapter) => chapter.number === '4.1')!;
    const future = await federation.query(PUBLISH, {
      as: regional,
      variables: { chapterId: chapter41.id, input: { version: '2', effectiveFrom: '2099-04-01', changeSummary: 'Future' } },
    });
    expect(future.errors).toBeUndefined();
    const result = await federation.query(UPDATE_ADOPTION, {
      as: telfordAdmin,
      variables: { id: adoption.id, expectedVersion: adoption.version, input: { adoptChapterIds: [future.data!.publishRegionalProcedureChapterVersion.id] } },
    });
    expect(result.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.adoptChapterIds' });
  });

  it('moves to the newer version when the partnership adopts it, with its local amendments', async () => {
    const chapter11 = (await chaptersNow()).find((chapter) => chapter.number === '1.1')!;
    const { data, errors } = await federation.query(UPDATE_ADOPTION, {
      as: telfordAdmin,
      variables: {
        id: adoption.id,
        expectedVersion: adoption.version,
        input: { adoptChapterIds: [chapter11.id], localVariation: 'Strategy discussions within 2 working days.' },
      },
    });
    expect(errors).toBeUndefined();
    const updated = data!.updateRegionalProcedureAdoption;
    expect(updated.version).toBe(adoption.version + 1);
    expect(updated.localVariation).toBe('Strategy discussions within 2 working days.');
    expect(updated.adoptedChapters.find((chapter: { number: string }) => chapter.number === '1.1')).toMatchObject({
      upToDate: true,
      adopted: { version: '2' },
    });
    // The earlier adoption of version 1 is kept as history.
    expect(await repository(RegionalProcedureAdoptionChapterEntity).countBy({ adoptionId: adoption.id })).toBe(updated.adoptedChapters.length + 1);
    adoption = updated;
  });

  it('refuses a stale expectedVersion with CONFLICT', async () => {
    const before = await counts();
    const result = await federation.query(UPDATE_ADOPTION, {
      as: telfordAdmin,
      variables: { id: adoption.id, expectedVersion: adoption.version - 1, input: { how: 'Stale' } },
    });
    expect(codeOf(result)).toBe('CONFLICT');
    expect(await counts()).toEqual(before);
  });

  it.each([
    ['nothing to change', {}, 'input'],
    ['an empty how', { how: '  ' }, 'input.how'],
    ['an unknown chapter id', { adoptChapterIds: ['00000000-0000-4000-8000-000000000000'] }, 'input.adoptChapterIds'],
  ])('refuses %s with BAD_USER_INPUT naming the field', async (_case, input, field) => {
    const result = await federation.query(UPDATE_ADOPTION, { as: telfordAdmin, variables: { id: adoption.id, expectedVersion: adoption.version, input } });
    expect(result.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  it('refuses another partnership’s admin with FORBIDDEN', async () => {
    const result = await federation.query(UPDATE_ADOPTION, {
      as: shropshireAdmin,
      variables: { id: adoption.id, expectedVersion: adoption.version, input: { how: 'Hijack' } },
    });
    expect(codeOf(result)).toBe('FORBIDDEN');
  });
});

describe('two writers', () => {
  it('applies exactly one of two adoption edits made from the same version; the other gets CONFLICT', async () => {
    const [shropshire] = await repository(RegionalProcedureAdoptionEntity).findBy({ partnershipId: 'shropshire', procedureId: CHILD_PROTECTION });
    const results = await Promise.all(
      ['First editor', 'Second editor'].map((how) =>
        federation.query(UPDATE_ADOPTION, { as: shropshireAdmin, variables: { id: shropshire!.id, expectedVersion: shropshire!.version, input: { how } } }),
      ),
    );
    expect(results.map(codeOf).sort()).toEqual(['CONFLICT', undefined]);
    const after = await repository(RegionalProcedureAdoptionEntity).findOneByOrFail({ id: shropshire!.id });
    expect(after.version).toBe(shropshire!.version + 1);
    expect(after.how).toBe(results.find((result) => !result.errors)!.data!.updateRegionalProcedureAdoption.how);
  });

  it('publishes exactly one of two new versions made from the same latest version; the other gets CONFLICT', async () => {
    const chapter21 = (await chaptersNow()).find((chapter) => chapter.number === '2.1')!;
    const before = await repository(RegionalProcedureChapterEntity).countBy({ number: '2.1' });
    const results = await Promise.all(
      [
        ['2', '2026-10-01'],
        ['2a', '2026-10-02'],
      ].map(([version, effectiveFrom]) =>
        federation.query(PUBLISH, {
          as: regional,
          variables: { chapterId: chapter21.id, input: { version, effectiveFrom, changeSummary: `Editor ${version}` } },
        }),
      ),
    );
    expect(results.map(codeOf).sort()).toEqual(['CONFLICT', undefined]);
    expect(await repository(RegionalProcedureChapterEntity).countBy({ number: '2.1' })).toBe(before + 1);
  });
});
