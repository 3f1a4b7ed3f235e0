import { compareOnRegionalScale, explainEquivalence, translateThroughRegionalScale, weakerConfidence, type MappedLevel } from '../rules/crosswalk';
import { modelInForce } from '../rules/model-in-force';
import { checkCrosswalkComplete, checkEditable, checkLevels, checkVersionDates, dayBefore, supersession } from '../rules/model-version';
import { checkRegionalSpan } from '../rules/regional-span';

/** The rules as pure functions, case by case. */

describe('modelInForce', () => {
  type Version = { id: string; effectiveFrom: string | null; effectiveTo: string | null };
  const v2019: Version = { id: '2019', effectiveFrom: '2019-06-01', effectiveTo: null };
  const v2025: Version = { id: '2025', effectiveFrom: '2025-04-01', effectiveTo: null };
  const closed: Version = { id: 'closed', effectiveFrom: '2010-01-01', effectiveTo: '2015-12-31' };
  const undated: Version = { id: 'undated', effectiveFrom: null, effectiveTo: null };

  it.each([
    ['before any version', [v2019], '2019-05-31', null],
    ['on the first day', [v2019], '2019-06-01', '2019'],
    ['the day before a new version', [v2019, v2025], '2025-03-31', '2019'],
    ['the first day of a new version', [v2019, v2025], '2025-04-01', '2025'],
    ['in any order given', [v2025, v2019], '2030-01-01', '2025'],
    ['on the last day of a closed version', [closed], '2015-12-31', 'closed'],
    ['after a closed version', [closed], '2016-01-01', null],
    ['an undated version on any date', [undated], '1900-01-01', 'undated'],
    ['a dated version over an undated one once started', [undated, v2019], '2020-01-01', '2019'],
    ['the undated version before the dated one starts', [undated, v2019], '2018-01-01', 'undated'],
    ['no versions', [], '2020-01-01', null],
  ] as [string, Version[], string, string | null][])('%s', (_case, versions, asOf, expected) => {
    expect(modelInForce(versions, asOf)?.id ?? null).toBe(expected);
  });
});

describe('checkRegionalSpan', () => {
  const scale = [
    { id: 'level-2', rank: 2 },
    { id: 'level-1', rank: 1 },
    { id: 'level-3', rank: 3 },
  ];
  it.each([
    ['one level', ['level-2'], ['level-2']],
    ['two adjacent levels, sorted lowest first', ['level-3', 'level-2'], ['level-2', 'level-3']],
    ['a repeated level counted once', ['level-1', 'level-1'], ['level-1']],
  ])('accepts %s', (_case, ids, expected) => {
    expect(checkRegionalSpan(ids, scale)).toEqual({ ok: true, regionalLevelIds: expected });
  });
  it.each([
    ['nothing', [], /Give one regional level/],
    ['three levels', ['level-1', 'level-2', 'level-3'], /at most two adjacent/],
    ['a gap', ['level-1', 'level-3'], /not adjacent/],
    ['an unknown level', ['level-2', 'level-7'], /Unknown regional level "level-7"/],
  ])('refuses %s', (_case, ids, problem) => {
    const result = checkRegionalSpan(ids, scale);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problem).toMatch(problem);
  });
});

const level = (levelId: string, rank: number, regionalLevelIds: string[], confidence: MappedLevel['confidence'] = 'HIGH'): MappedLevel => ({
  levelId,
  rank,
  regionalLevelIds,
  confidence,
});
const regional = [1, 2, 3, 4].map((rank) => ({ id: `level-${rank}`, rank }));
const telford = [
  level('acute', 4, ['level-4']),
  level('universal', 1, ['level-1', 'level-2'], 'MEDIUM'),
  level('vulnerable', 2, ['level-2', 'level-3'], 'MEDIUM'),
  level('complex', 3, ['level-3']),
];

describe('compareOnRegionalScale', () => {
  it('lists each partnership level in every row it maps onto, lowest level first', () => {
    const rows = compareOnRegionalScale([...regional].reverse(), [
      { partnershipId: 'telford-and-wrekin', levels: telford },
      { partnershipId: 'empty', levels: [] },
    ]);
    expect(rows.map((row) => [row.regionalLevel.id, row.entries.map((entry) => entry.levelIds)])).toEqual([
      ['level-1', [['universal'], []]],
      ['level-2', [['universal', 'vulnerable'], []]],
      ['level-3', [['vulnerable', 'complex'], []]],
      ['level-4', [['acute'], []]],
    ]);
  });
});

describe('translateThroughRegionalScale', () => {
  it('finds every level sharing a regional level, naming exact matches and overlaps', () => {
    expect(translateThroughRegionalScale(level('l3', 3, ['level-3'], 'LOW'), telford)).toEqual([
      { levelId: 'vulnerable', sharedRegionalLevelIds: ['level-3'], match: 'OVERLAPPING', confidence: 'LOW' },
      { levelId: 'complex', sharedRegionalLevelIds: ['level-3'], match: 'SAME_REGIONAL_LEVELS', confidence: 'LOW' },
    ]);
  });
  it('treats a straddle matched by the same straddle as the same levels', () => {
    expect(translateThroughRegionalScale(level('x', 1, ['level-2', 'level-3'], 'HIGH'), telford)).toEqual([
      { levelId: 'universal', sharedRegionalLevelIds: ['level-2'], match: 'OVERLAPPING', confidence: 'MEDIUM' },
      { levelId: 'vulnerable', sharedRegionalLevelIds: ['level-2', 'level-3'], match: 'SAME_REGIONAL_LEVELS', confidence: 'MEDIUM' },
      { levelId: 'complex', sharedRegionalLevelIds: ['level-3'], match: 'OVERLAPPING', confidence: 'HIGH' },
    ]);
  });
  it('returns nothing when no level shares a regional level', () => {
    expect(translateThroughRegionalScale(level('x', 1, ['level-9']), telford)).toEqual([]);
  });
  it.each([
    ['HIGH', 'LOW', 'LOW'],
    ['MEDIUM', 'HIGH', 'MEDIUM'],
    ['HIGH', 'HIGH', 'HIGH'],
  ] as const)('takes the weaker of %s and %s', (a, b, expected) => {
    expect(weakerConfidence(a, b)).toBe(expected);
  });
});

describe('explainEquivalence', () => {
  const vulnerable = { name: 'Vulnerable', partnershipId: 'telford-and-wrekin', verified: true, rationale: 'Early help.' };
  it('joins both rationales', () => {
    expect(explainEquivalence(vulnerable, { ...vulnerable, name: 'Level 2', partnershipId: 'x' }, 'SAME_REGIONAL_LEVELS')).toBe(
      'Vulnerable (telford-and-wrekin) and Level 2 (x) sit on the same regional levels. Vulnerable: Early help. Level 2: Early help.',
    );
  });
  it('warns when either end is unverified', () => {
    const text = explainEquivalence(vulnerable, { name: 'Level 2', partnershipId: 'solihull', verified: false, rationale: 'Assumed.' }, 'OVERLAPPING');
    expect(text).toMatch(/share part of the regional scale/);
    expect(text).toMatch(/Provisional: the level names of solihull are not established/);
  });
});

describe('checkVersionDates (dates in order)', () => {
  const dates = (approvedOn: string | null, effectiveFrom: string | null, effectiveTo: string | null) => ({ approvedOn, effectiveFrom, effectiveTo });
  it.each([
    ['approved before it comes into force, open-ended', dates('2027-03-14', '2027-04-01', null)],
    ['approved on the day it comes into force', dates('2027-04-01', '2027-04-01', null)],
    ['no approval date', dates(null, '2027-04-01', null)],
    ['in force for one day', dates(null, '2027-04-01', '2027-04-01')],
  ])('accepts %s', (_case, given) => {
    expect(checkVersionDates(given)).toEqual({ ok: true });
  });
  it.each([
    ['no date in force', dates(null, null, null), 'input.effectiveFrom', /needs the date it comes into force/],
    ['approval after coming into force', dates('2027-04-02', '2027-04-01', null), 'input.approvedOn', /before it was approved \(2027-04-02\)/],
    ['an end before the start', dates(null, '2027-04-01', '2027-03-31'), 'input.effectiveTo', /cannot end \(2027-03-31\) before/],
    ['a date before 1989', dates('1900-01-01', '2027-04-01', null), 'input.approvedOn', /outside 1989-01-01 to 2099-12-31/],
    ['a date after 2099', dates(null, '2150-01-01', null), 'input.effectiveFrom', /outside/],
  ])('refuses %s, naming the field', (_case, given, field, problem) => {
    const result = checkVersionDates(given);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.field).toBe(field);
    expect(!result.ok && result.problem).toMatch(problem);
  });
});

describe('supersession (the previous version ends the day before)', () => {
  const v2019 = { id: 'telford-and-wrekin.2019', effectiveFrom: '2019-06-01', effectiveTo: null };
  const undated = { id: 'solihull.levels-of-need', effectiveFrom: null, effectiveTo: null };
  const closed = { id: 'closed', effectiveFrom: '2010-01-01', effectiveTo: '2015-12-31' };
  it.each([
    ['no published version yet', [], '2027-04-01', null, null],
    ['the latest published version, ended the day before', [v2019], '2027-04-01', 'telford-and-wrekin.2019', '2027-03-31'],
    ['across a month and year end', [v2019], '2027-01-01', 'telford-and-wrekin.2019', '2026-12-31'],
    ['a leap day', [v2019], '2028-03-01', 'telford-and-wrekin.2019', '2028-02-29'],
    ['an undated version', [undated], '2027-04-01', 'solihull.levels-of-need', '2027-03-31'],
    ['the latest of several', [closed, v2019], '2027-04-01', 'telford-and-wrekin.2019', '2027-03-31'],
    ['a version already closed earlier keeps its end', [closed], '2027-04-01', 'closed', null],
  ] as const)('%s', (_case, published, from, previous, endsOn) => {
    const result = supersession(published, from);
    expect(result).toEqual({ ok: true, previous: published.find((version) => version.id === previous) ?? null, previousEndsOn: endsOn });
  });
  it.each([
    ['on the same day as the latest', '2019-06-01'],
    ['before the latest', '2018-01-01'],
  ])('refuses a new version coming into force %s', (_case, from) => {
    const result = supersession([v2019], from);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problem).toMatch(/must come into force after it/);
  });
  it('counts back one day', () => {
    expect(dayBefore('2025-03-01')).toBe('2025-02-28');
    expect(dayBefore('2024-03-01')).toBe('2024-02-29');
  });
});

describe('checkEditable (a published version cannot be edited)', () => {
  it('lets a draft change', () => {
    for (const change of ['edit', 'discard', 'publish'] as const) expect(checkEditable({ id: 'x.2027', status: 'DRAFT' }, change)).toEqual({ ok: true });
  });
  it.each([
    ['edit', /is published and cannot be edited/],
    ['discard', /cannot be discarded/],
    ['publish', /cannot be published again/],
  ] as const)('refuses to %s a published version, saying why and what to do', (change, problem) => {
    const result = checkEditable({ id: 'telford-and-wrekin.2019', status: 'PUBLISHED' }, change);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problem).toMatch(problem);
    expect(!result.ok && result.problem).toMatch(/immutable.*Draft a new version/);
  });
});

describe('checkLevels (levels unique and ordered)', () => {
  const levelsOf = (...levels: [string, number, string][]) => levels.map(([code, rank, name]) => ({ code, rank, name, indicatorCount: 1 }));
  it.each([
    ['one level', levelsOf(['universal', 1, 'Universal'])],
    ['four ranked in order', levelsOf(['universal', 1, 'Universal'], ['vulnerable', 2, 'Vulnerable'], ['complex', 3, 'Complex'], ['acute', 4, 'Acute'])],
  ])('accepts %s', (_case, levels) => {
    expect(checkLevels(levels)).toEqual({ ok: true });
  });
  it.each([
    ['no levels', [], 'input.levels', /1 to 10 levels; 0 were given/],
    [
      'eleven levels',
      Array.from({ length: 11 }, (_, index) => ({ code: `l-${index}`, rank: index + 1, name: `L${index}`, indicatorCount: 0 })),
      'input.levels',
      /11 were given/,
    ],
    ['a code that is not a slug', levelsOf(['Universal Level', 1, 'Universal']), 'input.levels.0.code', /not a slug/],
    ['a code used twice', levelsOf(['a', 1, 'A'], ['a', 2, 'B']), 'input.levels.1.code', /"a" is used twice/],
    ['a name used twice, whatever its case', levelsOf(['a', 1, 'Complex'], ['b', 2, 'complex ']), 'input.levels.1.name', /used twice/],
    ['ranks out of order', levelsOf(['a', 2, 'A'], ['b', 1, 'B']), 'input.levels.0.rank', /lowest need first, ranked 1 to 2; level 1 has rank 2/],
    ['a gap in the ranks', levelsOf(['a', 1, 'A'], ['b', 3, 'B']), 'input.levels.1.rank', /level 2 has rank 3/],
    ['a repeated rank', levelsOf(['a', 1, 'A'], ['b', 1, 'B']), 'input.levels.1.rank', /level 2 has rank 1/],
    ['too many indicators', [{ code: 'a', rank: 1, name: 'A', indicatorCount: 51 }], 'input.levels.0.indicators', /at most 50 indicators/],
  ])('refuses %s, naming the field', (_case, levels, field, problem) => {
    const result = checkLevels(levels);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.field).toBe(field);
    expect(!result.ok && result.problem).toMatch(problem);
  });
});

describe('checkCrosswalkComplete (publishing requires a complete crosswalk)', () => {
  const levels = [
    { id: 'x.2027.one', name: 'One' },
    { id: 'x.2027.two', name: 'Two' },
  ];
  it('accepts every level mapped', () => expect(checkCrosswalkComplete(levels, new Set(['x.2027.one', 'x.2027.two']))).toEqual({ ok: true }));
  it.each([
    ['one level unmapped', ['x.2027.one'], /not yet mapped: Two \(x.2027.two\)\./],
    ['none mapped', [], /not yet mapped: One \(x.2027.one\), Two \(x.2027.two\)/],
  ])('refuses %s, naming the levels', (_case, mapped, problem) => {
    const result = checkCrosswalkComplete(levels, new Set(mapped));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problem).toMatch(problem);
  });
});
