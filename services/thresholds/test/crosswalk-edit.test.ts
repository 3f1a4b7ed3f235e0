import { grant, startTestFederation, type TestFederation } from '@safeguarding/testkit';
import { CrosswalkMappingEntity } from '../entities';

/** updateCrosswalkMapping: who may, what bad input gets, and what happens when two administrators meet. */
let federation: TestFederation;
beforeAll(async () => {
  federation = await startTestFederation({ only: ['thresholds'] });
});
afterAll(async () => {
  await federation?.stop();
});

const UPDATE = `mutation ($levelId: ID!, $version: Int!, $input: CrosswalkMappingInput!) {
  updateCrosswalkMapping(levelId: $levelId, expectedVersion: $version, input: $input) {
    level { name } regionalLevels { id } straddles rationale confidence version editedAt viewerCanEdit
  }
}`;
const UNIVERSAL = 'telford-and-wrekin.2019.universal';
const VULNERABLE = 'telford-and-wrekin.2019.vulnerable';
const regionalAdmin = [grant('regional-admin')];

const stored = (levelId: string) => federation.dataSources.thresholds!.getRepository(CrosswalkMappingEntity).findOneByOrFail({ levelId });

describe('updateCrosswalkMapping permissions', () => {
  it.each([
    ['the anonymous public', 'UNAUTHENTICATED', undefined],
    ['an analyst', 'FORBIDDEN', [grant('analyst')]],
    ['a member of the partnership', 'FORBIDDEN', [grant('member', 'telford-and-wrekin')]],
    ["the partnership's own admin", 'FORBIDDEN', [grant('partnership-admin', 'telford-and-wrekin')]],
    ['the forum secretariat', 'FORBIDDEN', [grant('forum-secretariat')]],
  ])('refuses %s with %s and changes nothing', async (_who, code, as) => {
    const before = await stored(UNIVERSAL);
    const { data, errors } = await federation.query(UPDATE, {
      as,
      variables: { levelId: UNIVERSAL, version: before.version, input: { regionalLevelIds: ['level-1'], rationale: 'Hijacked', confidence: 'HIGH' } },
    });
    expect(data?.updateCrosswalkMapping ?? null).toBeNull();
    expect(errors![0]!.extensions!.code).toBe(code);
    expect(await stored(UNIVERSAL)).toEqual(before);
  });

  it('lets a regional administrator move a level, and the crosswalk table follows', async () => {
    const before = await stored(UNIVERSAL);
    const { data, errors } = await federation.query(UPDATE, {
      as: regionalAdmin,
      variables: {
        levelId: UNIVERSAL,
        version: before.version,
        input: { regionalLevelIds: ['level-1'], rationale: '  Universal services are met without additional support.  ', confidence: 'HIGH' },
      },
    });
    expect(errors).toBeUndefined();
    expect(data!.updateCrosswalkMapping).toMatchObject({
      level: { name: 'Universal' },
      regionalLevels: [{ id: 'level-1' }],
      straddles: false,
      rationale: 'Universal services are met without additional support.',
      confidence: 'HIGH',
      version: before.version + 1,
      viewerCanEdit: true,
    });
    expect(Number.isNaN(Date.parse(data!.updateCrosswalkMapping.editedAt))).toBe(false);
    expect((await stored(UNIVERSAL)).editedBy).toBe('test-user');
    const table = await federation.query(
      `{ compareThresholds(partnershipSlugs: ["telford-and-wrekin"]) { regionalLevel { id } entries { levels { name } } } }`,
    );
    const level2 = table.data!.compareThresholds.find((row: { regionalLevel: { id: string } }) => row.regionalLevel.id === 'level-2');
    expect(level2.entries[0].levels.map((l: { name: string }) => l.name)).toEqual(['Vulnerable']);
  });

  it('stores a straddle lowest first, whatever order the levels are given in', async () => {
    const before = await stored(VULNERABLE);
    const { data, errors } = await federation.query(UPDATE, {
      as: regionalAdmin,
      variables: {
        levelId: VULNERABLE,
        version: before.version,
        input: { regionalLevelIds: ['level-3', 'level-2'], rationale: before.rationale, confidence: 'MEDIUM' },
      },
    });
    expect(errors).toBeUndefined();
    expect(data!.updateCrosswalkMapping).toMatchObject({ regionalLevels: [{ id: 'level-2' }, { id: 'level-3' }], straddles: true });
    expect((await stored(VULNERABLE)).regionalLevelIds).toEqual(['level-2', 'level-3']);
  });
});

describe('updateCrosswalkMapping bad input', () => {
  it.each([
    ['no regional level', { regionalLevelIds: [] }, /Give one regional level/],
    ['three regional levels', { regionalLevelIds: ['level-1', 'level-2', 'level-3'] }, /at most two adjacent/],
    ['two levels that are not adjacent', { regionalLevelIds: ['level-1', 'level-3'] }, /not adjacent/],
    ['an unknown regional level', { regionalLevelIds: ['level-9'] }, /Unknown regional level "level-9"/],
    ['an empty rationale', { rationale: '   ' }, /rationale must not be empty/],
    ['an over-long rationale', { rationale: 'x'.repeat(2001) }, /at most 2000/],
    // Half an emoji (a lone UTF-16 surrogate) would be stored as U+FFFD, not as sent.
    ['a rationale with half a character', { rationale: 'Straddles level 2 and 3 \uD83D' }, /input.rationale contains half of a character/],
  ])('refuses %s with BAD_USER_INPUT and changes nothing', async (_case, change, message) => {
    const before = await stored(VULNERABLE);
    const input = { regionalLevelIds: ['level-2'], rationale: 'A reason.', confidence: 'LOW', ...change };
    const { errors } = await federation.query(UPDATE, { as: regionalAdmin, variables: { levelId: VULNERABLE, version: before.version, input } });
    expect(errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(errors![0]!.message).toMatch(message);
    expect(await stored(VULNERABLE)).toEqual(before);
  });

  it('refuses an unknown confidence at validation, before any resolver runs', async () => {
    const before = await stored(VULNERABLE);
    const { errors } = await federation.query(UPDATE, {
      as: regionalAdmin,
      variables: { levelId: VULNERABLE, version: before.version, input: { regionalLevelIds: ['level-2'], rationale: 'A reason.', confidence: 'CERTAIN' } },
    });
    expect(errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(await stored(VULNERABLE)).toEqual(before);
  });

  it('answers NOT_FOUND for an unknown level', async () => {
    const { errors } = await federation.query(UPDATE, {
      as: regionalAdmin,
      variables: {
        levelId: 'telford-and-wrekin.2019.critical',
        version: 1,
        input: { regionalLevelIds: ['level-4'], rationale: 'A reason.', confidence: 'LOW' },
      },
    });
    expect(errors![0]!.extensions!.code).toBe('NOT_FOUND');
    expect(errors![0]!.message).toMatch(/No crosswalk mapping for the level "telford-and-wrekin.2019.critical"/);
  });
});

describe('updateCrosswalkMapping concurrency', () => {
  it('applies exactly one of two edits made from the same version; the other gets CONFLICT', async () => {
    const levelId = 'telford-and-wrekin.2019.complex';
    const before = await stored(levelId);
    const results = await Promise.all(
      [
        ['level-3', 'First administrator: multi-agency response.'],
        ['level-4', 'Second administrator: care is compromised.'],
      ].map(([regional, rationale]) =>
        federation.query(UPDATE, {
          as: regionalAdmin,
          variables: { levelId, version: before.version, input: { regionalLevelIds: [regional], rationale, confidence: 'MEDIUM' } },
        }),
      ),
    );
    const succeeded = results.filter((result) => !result.errors);
    const refused = results.filter((result) => result.errors);
    expect(succeeded).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect(refused[0]!.errors![0]!.extensions!.code).toBe('CONFLICT');
    expect(refused[0]!.errors![0]!.message).toMatch(/read it again/);
    const after = await stored(levelId);
    expect(after.version).toBe(before.version + 1);
    expect(after.rationale).toBe(succeeded[0]!.data!.updateCrosswalkMapping.rationale);
    expect(after.regionalLevelIds).toEqual(succeeded[0]!.data!.updateCrosswalkMapping.regionalLevels.map((r: { id: string }) => r.id));
  });

  it('refuses a stale version with CONFLICT', async () => {
    const levelId = 'telford-and-wrekin.2019.acute';
    const before = await stored(levelId);
    const { errors } = await federation.query(UPDATE, {
      as: regionalAdmin,
      variables: { levelId, version: before.version - 1, input: { regionalLevelIds: ['level-4'], rationale: 'Stale.', confidence: 'HIGH' } },
    });
    expect(errors![0]!.extensions!.code).toBe('CONFLICT');
    expect(await stored(levelId)).toEqual(before);
  });
});
